import { useSyncExternalStore } from 'react';
import { type Session, sessionStore } from '../lib/session-store';

/** The signed-in session, or null; re-renders when it changes (here or in another tab). */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
