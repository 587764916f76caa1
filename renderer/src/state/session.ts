// Session slice: who is signed in. The token itself is kept by the auth service (live/auth.ts), never
// in the store, so diagnostics (window.__cityOps) and tests that read the store cannot leak it.
import type { Role } from '@contract/domain';
import type { ServerText } from '@contract/http';

export interface SessionUser {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  districtCode: string | null;
}

export type SessionStatus = 'anonymous' | 'checking' | 'signingIn' | 'signedIn';

/** Why the user is back on the login screen (picks the message shown there). */
export type SignOutReason = 'logout' | 'expired';

export interface SessionState {
  status: SessionStatus;
  user: SessionUser | null;
  /** ISO time the server's session ends */
  expiresAt: string | null;
  /** message of the last failed sign-in (the server's, already Chinese / English) */
  error: ServerText | null;
  /** set after an automatic sign-out (expired session) */
  reason: SignOutReason | null;
}

export type SessionEvent =
  | { type: 'checking' }
  | { type: 'signingIn' }
  | { type: 'signedIn'; user: SessionUser; expiresAt: string }
  | { type: 'failed'; error: ServerText }
  | { type: 'signedOut'; reason: SignOutReason };

export function initialSession(): SessionState {
  return { status: 'anonymous', user: null, expiresAt: null, error: null, reason: null };
}

export function reduceSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'checking':
      return { ...state, status: 'checking', error: null };
    case 'signingIn':
      return { ...state, status: 'signingIn', error: null };
    case 'signedIn':
      return { status: 'signedIn', user: event.user, expiresAt: event.expiresAt, error: null, reason: null };
    case 'failed':
      return { ...initialSession(), error: event.error, reason: state.reason };
    case 'signedOut':
      return { ...initialSession(), reason: event.reason };
  }
}

/** The value of <body data-auth>: "anonymous", "checking" or "user:<username>". */
export function authSignal(state: SessionState): string {
  if (state.status === 'signedIn' && state.user) return `user:${state.user.username}`;
  return state.status === 'checking' || state.status === 'signingIn' ? 'checking' : 'anonymous';
}
