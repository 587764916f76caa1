// Detail slice: the case open in the drawer, the command being sent and what went wrong. The server's
// answer to a command is the new detail, so a successful command needs no second request.
import type { CaseDetail, CaseSummary } from '@contract/cases';
import type { CaseCommand } from '@contract/domain';
import type { ServerText } from '@contract/http';

export type DetailStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Why the drawer reloaded on its own: someone else changed the case, or it changed live. */
export type DetailNotice = 'changedByOther' | 'notAllowedNow' | 'updatedLive';

export interface DetailState {
  caseId: string | null;
  detail: CaseDetail | null;
  status: DetailStatus;
  /** why the case could not be loaded (the server's message) */
  error: ServerText | null;
  pending: CaseCommand | null;
  /** the server's message for the last failed command */
  commandError: ServerText | null;
  notice: DetailNotice | null;
  /** a newer version exists (seen on the live stream): the service reloads */
  outdated: boolean;
}

export type DetailEvent =
  | { type: 'open'; caseId: string }
  | { type: 'close' }
  | { type: 'loaded'; detail: CaseDetail; notice?: DetailNotice }
  | { type: 'failed'; caseId: string; error: ServerText }
  | { type: 'commandStarted'; command: CaseCommand }
  | { type: 'commandDone'; detail: CaseDetail }
  | { type: 'commandFailed'; error: ServerText; notice?: DetailNotice }
  | { type: 'caseChanged'; summary: CaseSummary };

export function initialDetail(): DetailState {
  return {
    caseId: null,
    detail: null,
    status: 'idle',
    error: null,
    pending: null,
    commandError: null,
    notice: null,
    outdated: false,
  };
}

export function reduceDetail(state: DetailState, event: DetailEvent): DetailState {
  switch (event.type) {
    case 'open':
      if (state.caseId === event.caseId && state.status !== 'error') return state;
      return { ...initialDetail(), caseId: event.caseId, status: 'loading' };
    case 'close':
      return state.caseId === null ? state : initialDetail();
    case 'loaded':
      if (event.detail.id !== state.caseId) return state;
      return {
        ...state,
        detail: event.detail,
        status: 'ready',
        error: null,
        outdated: false,
        notice: event.notice ?? (state.outdated ? 'updatedLive' : state.notice),
      };
    case 'failed':
      if (event.caseId !== state.caseId) return state;
      return { ...state, status: 'error', error: event.error, outdated: false };
    case 'commandStarted':
      return { ...state, pending: event.command, commandError: null, notice: null };
    case 'commandDone':
      if (event.detail.id !== state.caseId) return { ...state, pending: null };
      return {
        ...state,
        detail: event.detail,
        pending: null,
        commandError: null,
        notice: null,
        outdated: false,
      };
    case 'commandFailed':
      return { ...state, pending: null, commandError: event.error, notice: event.notice ?? null };
    case 'caseChanged': {
      const shown = state.detail;
      if (!shown || shown.id !== event.summary.id || shown.version >= event.summary.version) return state;
      return state.outdated ? state : { ...state, outdated: true };
    }
  }
}
