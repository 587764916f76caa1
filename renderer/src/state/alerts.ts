// Alerts slice: alarms that nobody has acknowledged yet (the pop-up that flashes and sounds until someone
// does), and the alarm open in the alarm drawer with its recent readings and the decision being sent.
// Plain data and pure updaters; the live stream and the alarm service feed it.
import type { AlarmView } from '@contract/alarms';
import type { Role } from '@contract/domain';
import { ALARM_DECIDERS as CONTRACT_ALARM_DECIDERS } from '@contract/rules';
import type { ServerText } from '@contract/http';

/** Roles that decide alarms (the contract's rule, enforced by the server too): they get the pop-up. */
export const ALARM_DECIDERS: ReadonlySet<Role> = new Set<Role>(CONTRACT_ALARM_DECIDERS);

export interface Reading {
  at: string;
  value: number;
}

export type AlarmDecision = 'acknowledge' | 'case' | 'incident' | 'false';

export interface AlarmDetailState {
  id: string;
  alarm: AlarmView | null;
  recent: Reading[];
  status: 'loading' | 'ready' | 'error';
  error: ServerText | null;
  /** the decision being sent to the server */
  pending: AlarmDecision | null;
}

export interface AlertsState {
  /** open (unacknowledged) alarms, most severe first, then the newest */
  pending: AlarmView[];
  /** the operator silenced the sound (the flash and the pop-up stay) */
  muted: boolean;
  /** the alarm whose acknowledgement is being sent */
  acknowledging: string | null;
  error: ServerText | null;
  detail: AlarmDetailState | null;
  /** alarms someone who does not own them put out of sight (their toast); they stay open for the owner */
  dismissed: string[];
}

export type AlertsEvent =
  | { type: 'snapshot'; alarms: readonly AlarmView[] }
  | { type: 'alarm'; alarm: AlarmView }
  | { type: 'mute'; muted: boolean }
  | { type: 'acknowledging'; id: string | null; error?: ServerText }
  | { type: 'openDetail'; id: string; alarm?: AlarmView }
  | { type: 'detailLoaded'; alarm: AlarmView; recent: Reading[] }
  | { type: 'detailFailed'; id: string; error: ServerText }
  | { type: 'decisionStarted'; decision: AlarmDecision }
  | { type: 'decisionDone'; alarm: AlarmView }
  | { type: 'decisionFailed'; error: ServerText }
  | { type: 'closeDetail' }
  | { type: 'dismiss'; ids: readonly string[] }
  | { type: 'clear' };

export function initialAlerts(): AlertsState {
  return { pending: [], muted: false, acknowledging: null, error: null, detail: null, dismissed: [] };
}

const bySeverity = (a: AlarmView, b: AlarmView) =>
  a.level - b.level || b.lastSeenAt.localeCompare(a.lastSeenAt);

/** An alarm needs acknowledging while it is open; any other status (by anyone) takes it off the pop-up. */
function upsertPending(pending: readonly AlarmView[], alarm: AlarmView): AlarmView[] {
  const rest = pending.filter((a) => a.id !== alarm.id);
  if (alarm.status !== 'open') return rest.length === pending.length ? (pending as AlarmView[]) : rest;
  return [...rest, alarm].sort(bySeverity);
}

/** A live alarm change also refreshes the drawer when it shows that alarm (unless it is older). */
function updateDetail(detail: AlarmDetailState | null, alarm: AlarmView): AlarmDetailState | null {
  if (!detail || detail.id !== alarm.id) return detail;
  if (detail.alarm && detail.alarm.version > alarm.version) return detail;
  return { ...detail, alarm, status: 'ready' };
}

export function reduceAlerts(state: AlertsState, event: AlertsEvent): AlertsState {
  switch (event.type) {
    case 'snapshot':
      return { ...state, pending: event.alarms.filter((a) => a.status === 'open').sort(bySeverity) };
    case 'alarm': {
      const pending = upsertPending(state.pending, event.alarm);
      const detail = updateDetail(state.detail, event.alarm);
      if (pending === state.pending && detail === state.detail) return state;
      // A new or more severe alarm sounds again even if the previous one was silenced.
      const louder = event.alarm.status === 'open' && !state.pending.some((a) => a.id === event.alarm.id);
      return { ...state, pending, detail, muted: louder ? false : state.muted };
    }
    case 'mute':
      return state.muted === event.muted ? state : { ...state, muted: event.muted };
    case 'acknowledging':
      return { ...state, acknowledging: event.id, error: event.error ?? null };
    case 'openDetail':
      if (state.detail?.id === event.id && !event.alarm) return state;
      return {
        ...state,
        detail: {
          id: event.id,
          alarm: event.alarm ?? null,
          recent: [],
          status: event.alarm ? 'ready' : 'loading',
          error: null,
          pending: null,
        },
      };
    case 'detailLoaded':
      if (state.detail?.id !== event.alarm.id) return state;
      return {
        ...state,
        detail: { ...state.detail, alarm: event.alarm, recent: event.recent, status: 'ready', error: null },
      };
    case 'detailFailed':
      if (state.detail?.id !== event.id) return state;
      return { ...state, detail: { ...state.detail, status: 'error', error: event.error } };
    case 'decisionStarted':
      return state.detail
        ? { ...state, detail: { ...state.detail, pending: event.decision, error: null } }
        : state;
    case 'decisionDone': {
      const pending = upsertPending(state.pending, event.alarm);
      const detail = state.detail?.id === event.alarm.id ? state.detail : null;
      return {
        ...state,
        pending,
        detail: detail
          ? { ...detail, alarm: event.alarm, status: 'ready', pending: null, error: null }
          : state.detail,
      };
    }
    case 'decisionFailed':
      return state.detail
        ? { ...state, detail: { ...state.detail, pending: null, error: event.error } }
        : state;
    case 'closeDetail':
      return state.detail ? { ...state, detail: null } : state;
    case 'dismiss': {
      // Only ids still pending are kept, so the list cannot grow over a long shift.
      const open = new Set(state.pending.map((a) => a.id));
      const dismissed = [...new Set([...state.dismissed, ...event.ids])].filter((id) => open.has(id));
      return { ...state, dismissed };
    }
    case 'clear':
      return initialAlerts();
  }
}

/** The alarm the pop-up shows: the most severe open one. */
export const topAlert = (state: AlertsState): AlarmView | null => state.pending[0] ?? null;

/** What the operator may decide on an alarm in this status (the server checks again). */
export function decisionsFor(alarm: AlarmView): AlarmDecision[] {
  switch (alarm.status) {
    case 'open':
      return ['acknowledge', 'case', 'incident', 'false'];
    case 'acknowledged':
    case 'cleared':
      return ['case', 'incident', 'false'];
    default:
      return [];
  }
}

// ---- the sound (played by live/alarmSound.ts) ----

export interface TonePattern {
  /** Hz */
  frequency: number;
  /** beeps per burst */
  beeps: number;
  beepMs: number;
  gapMs: number;
  /** from the start of one burst to the next */
  periodMs: number;
}

/** Level 1 is the most urgent: higher, faster and more beeps. */
export function tonePattern(level: number): TonePattern {
  switch (level) {
    case 1:
      return { frequency: 1046, beeps: 3, beepMs: 140, gapMs: 90, periodMs: 1_000 };
    case 2:
      return { frequency: 880, beeps: 2, beepMs: 180, gapMs: 120, periodMs: 1_600 };
    case 3:
      return { frequency: 660, beeps: 1, beepMs: 260, gapMs: 0, periodMs: 3_000 };
    default:
      return { frequency: 523, beeps: 1, beepMs: 300, gapMs: 0, periodMs: 6_000 };
  }
}

/**
 * What should sound now: the top alarm's level, or why nothing does. Without a user this is the raw
 * signal; with one, only the alarms the user owns sound (alertRouting.ts).
 */
export function soundSignal(state: { alerts: AlertsState }): string {
  const top = topAlert(state.alerts);
  if (!top) return 'off';
  return state.alerts.muted ? 'muted' : `level-${top.level}`;
}
