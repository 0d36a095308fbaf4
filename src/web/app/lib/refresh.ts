import { publicApi } from './public-api';
import { readStoredSession, type Session, sessionFrom, sessionStore } from './session-store';

/** Renew this long before the access token expires, so that no request goes out with a dead one. */
const EARLY_MS = 30_000;

let inFlight: Promise<Session | null> | null = null;

/** The current session, refreshed first if its access token is about to expire. */
export async function freshSession(): Promise<Session | null> {
  const session = sessionStore.get();
  if (!session || session.expiresAt - Date.now() > EARLY_MS) return session;
  return refreshSession();
}

/**
 * Exchanges the refresh token for a new session, once for all callers at the same moment. Refresh
 * tokens are single-use and a reused one revokes the whole session, so tabs take turns under a
 * Web Lock and a tab that waited adopts the session another tab just made.
 */
export function refreshSession(): Promise<Session | null> {
  inFlight ??= withLock(refreshOnce).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request('ocp-refresh', work);
  return work();
}

async function refreshOnce(): Promise<Session | null> {
  const mine = sessionStore.get();
  const stored = readStoredSession();
  if (!stored) {
    sessionStore.set(null);
    return null;
  }
  // Another tab refreshed while this one waited for the lock: its session is the current one.
  if (mine && stored.refreshToken !== mine.refreshToken && stored.expiresAt - Date.now() > EARLY_MS) {
    sessionStore.set(stored);
    return stored;
  }
  try {
    const { data, response } = await publicApi.POST('/api/auth/refresh', {
      body: { refresh_token: stored.refreshToken },
    });
    if (data) {
      const session = sessionFrom(data);
      sessionStore.set(session);
      return session;
    }
    // Refused (expired, revoked or reused): the user must sign in again.
    if (response.status === 400 || response.status === 401 || response.status === 422) sessionStore.set(null);
    return null;
  } catch {
    // Offline: keep the session, the next request tries again.
    return null;
  }
}
