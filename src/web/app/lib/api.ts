import { createApiClient } from '../../api/client';
import { freshSession, refreshSession } from './refresh';
import { sessionStore } from './session-store';

/**
 * The API client of the app: every request carries the access token, renewed shortly before it
 * expires; a request answered 401 is sent once more after a refresh (the token may have been
 * revoked or the clock skewed).
 */
export const api = createApiClient({
  baseUrl: window.location.origin,
  accessToken: () => sessionStore.get()?.accessToken,
});

// Requests kept until their answer, to resend after a refresh (a body can be read only once).
const pending = new Map<string, Request>();

api.use({
  async onRequest({ request, id }) {
    const session = await freshSession();
    if (session) request.headers.set('authorization', `Bearer ${session.accessToken}`);
    pending.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const retry = pending.get(id);
    pending.delete(id);
    if (response.status !== 401 || !retry) return undefined;
    const session = await refreshSession();
    if (!session) return undefined;
    retry.headers.set('authorization', `Bearer ${session.accessToken}`);
    return fetch(retry);
  },
  onError({ id }) {
    pending.delete(id);
  },
});

/** fetch with the session's token and the same refresh-and-retry, for streams (the chat). */
export async function authorizedFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const send = (token: string | undefined) => {
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  const response = await send((await freshSession())?.accessToken);
  if (response.status !== 401) return response;
  const session = await refreshSession();
  return session ? send(session.accessToken) : response;
}
