// Who an alarm's pop-up is for, and what shape it takes. The pop-up goes to the people who own the
// alarm: the commander on duty, and the supervisor of the alarm's district. Other people who decide
// alarms get a toast that needs no acknowledgement. A pop-up never covers an open drawer or form: it
// docks in a corner then. A storm (many open alarms) folds into one counted notice. Pure, tested in Node.
import type { AlarmView } from '@contract/alarms';
import type { AlertsState } from './alerts';
import type { SessionUser } from './session';

/** From this many open alarms on one person's pop-up, they fold into one counted notice. */
export const STORM_AT = 3;

export type AlertMode =
  /** nothing to show */
  | 'none'
  /** the owner's pop-up in the centre, flashing and sounding until acknowledged */
  | 'popup'
  /** the owner's pop-up docked in a corner: a drawer or form is open */
  | 'docked'
  /** many alarms for the owner: one counted notice (docked) */
  | 'storm'
  /** someone else's alarms: a small toast, no flash, no sound, dismissible */
  | 'toast';

export interface AlertView {
  mode: AlertMode;
  top: AlarmView | null;
  /** alarms behind this notice (the owner's, or the others' not dismissed) */
  count: number;
}

type Owner = Pick<SessionUser, 'role' | 'districtCode'>;

/** The commander on duty owns every alarm; a district's supervisor owns the alarms of that district. */
export function ownsAlarm(user: Owner | null, alarm: Pick<AlarmView, 'districtCode'>): boolean {
  if (!user) return false;
  if (user.role === 'commander') return true;
  return user.role === 'supervisor' && user.districtCode !== null && user.districtCode === alarm.districtCode;
}

export interface AlertInput {
  alerts: Pick<AlertsState, 'pending' | 'dismissed'>;
  user: Owner | null;
  /** a case or alarm drawer, or a form, is open */
  drawerOpen: boolean;
}

/** The routing input from the app's state. */
export function alertInput(state: {
  alerts: AlertsState;
  session: { user: SessionUser | null };
  detail: { caseId: string | null };
}): AlertInput {
  return {
    alerts: state.alerts,
    user: state.session.user,
    drawerOpen: state.detail.caseId !== null || state.alerts.detail !== null,
  };
}

export function alertView({ alerts, user, drawerOpen }: AlertInput): AlertView {
  const owned = alerts.pending.filter((a) => ownsAlarm(user, a));
  const top = owned[0];
  if (top) {
    if (owned.length >= STORM_AT) return { mode: 'storm', top, count: owned.length };
    return { mode: drawerOpen ? 'docked' : 'popup', top, count: owned.length };
  }
  const dismissed = new Set(alerts.dismissed);
  const others = alerts.pending.filter((a) => !dismissed.has(a.id));
  const first = others[0];
  return first ? { mode: 'toast', top: first, count: others.length } : { mode: 'none', top: null, count: 0 };
}

/** What should sound now: the owner's top alarm's level, or why nothing does (toasts never sound). */
export function soundFor(input: AlertInput & { muted: boolean }): string {
  const view = alertView(input);
  if (view.mode === 'none' || view.mode === 'toast' || !view.top) return 'off';
  return input.muted ? 'muted' : `level-${view.top.level}`;
}
