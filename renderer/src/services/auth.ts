// Sign-in, sign-out and the session's end. The token lives here (and in sessionStorage, so a reload
// keeps the user signed in until the tab closes), never in the store. A wall window may also borrow
// the session of a signed-in window of the same origin (live/wallChannel.ts): a borrowed session is
// not written to this window's sessionStorage and signing out here does not end it on the server.
import type { AppStore } from '../state/store';
import type { SessionUser } from '../state/session';
import { ApiError, messageOf, type ApiClient } from './api';
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
  /** this window's own session (signed in here), to share with the wall windows; null if borrowed */
  shareable(): StoredSession | null;
  /** whether the current session was borrowed from another window */
  borrowed(): boolean;
  /** uses another window's session (checked with GET /api/auth/me); false when the server refused it */
  adopt(session: StoredSession): Promise<boolean>;
  /** forgets a borrowed session here only (the window it came from signed out) */
  release(): void;
}

export function createAuth(store: AppStore, api: () => ApiClient): AuthService {
  let current: StoredSession | null = null;
  let isBorrowed = false;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(token: string | null) => void>();

  const setSession = (session: StoredSession | null, borrowed = false) => {
    const changed = current?.token !== session?.token;
    current = session;
    isBorrowed = session !== null && borrowed;
    clearTimeout(expiryTimer);
    try {
      if (session && !borrowed) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
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
        sessionEvent({ type: 'failed', error: messageOf(error) });
      }
    },
    async logout() {
      // A borrowed session belongs to the window it came from: only this window forgets it.
      const had = current !== null && !isBorrowed;
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
    shareable: () => (current && !isBorrowed ? current : null),
    borrowed: () => current !== null && isBorrowed,
    async adopt(session) {
      if (Date.parse(session.expiresAt) <= Date.now()) return false;
      const { sessionEvent } = store.getState();
      setSession(session, true);
      sessionEvent({ type: 'checking' });
      try {
        const me = await api().get('/auth/me', MeResult);
        if (current?.token !== session.token) return false; // replaced meanwhile
        sessionEvent({ type: 'signedIn', user: me.user, expiresAt: session.expiresAt });
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return false; // expire() ran already
        if (current?.token !== session.token) return false;
        // Server unreachable: the window it came from vouches for it; the next refusal ends it.
        sessionEvent({ type: 'signedIn', user: session.user, expiresAt: session.expiresAt });
        return true;
      }
    },
    release() {
      if (!isBorrowed) return;
      setSession(null);
      store.getState().sessionEvent({ type: 'signedOut', reason: 'logout' });
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
