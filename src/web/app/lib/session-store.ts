/** The signed-in session, kept in localStorage so that it survives reloads and is shared by tabs. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, in ms since the epoch. */
  expiresAt: number;
  user: { id: string; email: string };
}

export const SESSION_KEY = 'ocp-session';

type Listener = () => void;
const listeners = new Set<Listener>();

/** The session as stored now (another tab may have changed it since this one last looked). */
export function readStoredSession(): Session | null {
  try {
    const raw = window.localStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.refreshToken !== 'string' || !parsed.user) return null;
    return parsed as Session;
  } catch {
    return null;
  }
}

let current: Session | null = readStoredSession();

function emit() {
  for (const listener of listeners) listener();
}

/** A session from the API's answer to sign-up, sign-in or refresh. */
export function sessionFrom(answer: {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  user: { id: string; email: string };
}): Session {
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: Date.now() + answer.expires_in * 1000,
    user: answer.user,
  };
}

export const sessionStore = {
  get(): Session | null {
    return current;
  },
  set(session: Session | null): void {
    current = session;
    try {
      if (session) window.localStorage.setItem(SESSION_KEY, JSON.stringify(session));
      else window.localStorage.removeItem(SESSION_KEY);
    } catch {
      // Storage blocked (private mode): the session lasts as long as the page.
    }
    emit();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Signing in or out in another tab applies here too.
window.addEventListener('storage', (event) => {
  if (event.key !== SESSION_KEY) return;
  current = readStoredSession();
  emit();
});
