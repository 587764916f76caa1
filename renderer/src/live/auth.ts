// Sign-in, sign-out and the session's end. The token lives here (and in sessionStorage, so a reload
// keeps the user signed in until the tab closes), never in the store.
import type { AppStore } from '../state/store';
import type { SessionUser } from '../state/session';
import { ApiError, type ApiClient } from './api';
import { LoginResult, MeResult } from './schemas';

const STORAGE_KEY = 'cityOps.session';

interface StoredSession {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

export interface AuthService {
  token(): string | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** signs in again from sessionStorage after a reload (checked with GET /api/auth/me) */
  restore(): Promise<void>;
  /** the server refused the token: back to the login screen with a message */
  expire(): void;
  /** called with the new token (or null) whenever it changes */
  onTokenChange(listener: (token: string | null) => void): () => void;
}

export function createAuth(store: AppStore, api: () => ApiClient): AuthService {
  let current: StoredSession | null = null;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(token: string | null) => void>();

  const setSession = (session: StoredSession | null) => {
    const changed = current?.token !== session?.token;
    current = session;
    clearTimeout(expiryTimer);
    try {
      if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
      else window.sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage disabled: the session lasts as long as the page
    }
    if (session) {
      const ms = Date.parse(session.expiresAt) - Date.now();
      // setTimeout cannot wait longer than ~24.8 days; sessions are much shorter.
      if (Number.isFinite(ms))
        expiryTimer = setTimeout(() => service.expire(), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    }
    if (changed) for (const listener of listeners) listener(session?.token ?? null);
  };

  const service: AuthService = {
    token: () => current?.token ?? null,
    async login(username, password) {
      const { sessionEvent } = store.getState();
      sessionEvent({ type: 'signingIn' });
      try {
        const result = await api().postAnonymous('/auth/login', { username, password }, LoginResult);
        setSession(result);
        sessionEvent({ type: 'signedIn', user: result.user, expiresAt: result.expiresAt });
      } catch (error) {
        sessionEvent({ type: 'failed', error: error instanceof ApiError ? error.message : String(error) });
      }
    },
    async logout() {
      const had = current !== null;
      if (had)
        await api()
          .postEmpty('/auth/logout')
          .catch(() => undefined);
      setSession(null);
      store.getState().sessionEvent({ type: 'signedOut', reason: 'logout' });
    },
    async restore() {
      const stored = readStored();
      if (!stored) return;
      if (Date.parse(stored.expiresAt) <= Date.now()) {
        setSession(null);
        store.getState().sessionEvent({ type: 'signedOut', reason: 'expired' });
        return;
      }
      current = stored;
      store.getState().sessionEvent({ type: 'checking' });
      try {
        const me = await api().get('/auth/me', MeResult);
        setSession(stored);
        store.getState().sessionEvent({ type: 'signedIn', user: me.user, expiresAt: stored.expiresAt });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return; // expire() ran already
        // Server unreachable: keep the session; the next refused request ends it.
        setSession(stored);
        store.getState().sessionEvent({ type: 'signedIn', user: stored.user, expiresAt: stored.expiresAt });
      }
    },
    expire() {
      if (current === null && store.getState().session.status === 'anonymous') return;
      setSession(null);
      store.getState().sessionEvent({ type: 'signedOut', reason: 'expired' });
    },
    onTokenChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return service;
}

function readStored(): StoredSession | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = LoginResult.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
