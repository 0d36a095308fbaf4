import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import { publicApi } from '../lib/public-api';
import { sessionFrom, sessionStore } from '../lib/session-store';

export interface Credentials {
  email: string;
  password: string;
}

export async function signIn(credentials: Credentials): Promise<void> {
  const answer = unwrap(await publicApi.POST('/api/auth/signin', { body: credentials }));
  sessionStore.set(sessionFrom(answer));
}

export async function signUp(details: Credentials & { displayName?: string }): Promise<void> {
  const { displayName, ...credentials } = details;
  const answer = unwrap(
    await publicApi.POST('/api/auth/signup', {
      body: { ...credentials, ...(displayName?.trim() ? { display_name: displayName.trim() } : {}) },
    }),
  );
  sessionStore.set(sessionFrom(answer));
}

/** Revokes this session's refresh tokens on the server, then forgets everything locally. */
export async function signOut(): Promise<void> {
  try {
    await api.POST('/api/auth/signout', { body: { scope: 'local' } });
  } catch {
    // Offline: forgetting the tokens here is what matters to this browser.
  }
  // Forgetting the session also drops everything cached for this user (lib/query-client.ts).
  sessionStore.set(null);
}
