// Alarms slice (commander): active alarms (GET /api/alarms) and emergency incidents
// (GET /api/incidents). 'unavailable' means the server has no alarm endpoint; the panel then says
// alarms will appear there.
import type { AlarmView } from '@contract/alarms';
import type { IncidentView } from '@contract/city';
import type { ServerText } from '@contract/http';

export interface AlarmsState {
  status: 'idle' | 'loading' | 'ready' | 'unavailable' | 'error';
  items: AlarmView[];
  incidents: IncidentView[];
  loadedAt: number | null;
  error: ServerText | null;
}

export type AlarmsEvent =
  | { type: 'loaded'; items: AlarmView[]; incidents: IncidentView[]; at: number }
  | { type: 'unavailable' }
  | { type: 'failed'; error: ServerText }
  | { type: 'clear' };

export function initialAlarms(): AlarmsState {
  return { status: 'idle', items: [], incidents: [], loadedAt: null, error: null };
}

/** Most severe first (level 1 is the highest), then the most recently seen. */
export function sortAlarms(items: readonly AlarmView[]): AlarmView[] {
  return [...items].sort((a, b) => a.level - b.level || b.lastSeenAt.localeCompare(a.lastSeenAt));
}

export function reduceAlarms(state: AlarmsState, event: AlarmsEvent): AlarmsState {
  switch (event.type) {
    case 'loaded':
      return {
        status: 'ready',
        items: sortAlarms(event.items),
        incidents: [...event.incidents].sort((a, b) => a.severity - b.severity),
        loadedAt: event.at,
        error: null,
      };
    case 'unavailable':
      return state.status === 'unavailable' ? state : { ...initialAlarms(), status: 'unavailable' };
    case 'failed':
      return { ...state, status: state.status === 'ready' ? 'ready' : 'error', error: event.error };
    case 'clear':
      return state.status === 'idle' ? state : initialAlarms();
  }
}
