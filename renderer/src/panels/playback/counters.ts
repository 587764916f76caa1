// The figures of the moment shown, pure: open cases (and those overdue at that moment, by their step
// clock's deadline), active alarms, incidents and vehicles on air, from the picture source's state (the
// live picture, or the playback cursor's at T). Also the short list of open cases the playback panel shows.
import type { CaseSummary } from '@contract/cases';
import type { LiveState } from '@contract/live-state';
import { effectiveClock } from '../../i18n/caseClock';

export interface MomentCounters {
  cases: number;
  overdue: number;
  alarms: number;
  incidents: number;
}

export function momentCounters(state: LiveState, atMs: number): MomentCounters {
  let overdue = 0;
  for (const c of state.cases.values()) if (effectiveClock(c.clock, atMs) === 'red') overdue += 1;
  return {
    cases: state.cases.size,
    overdue,
    alarms: state.alarms.size,
    incidents: state.incidents.size,
  };
}

/** The `limit` open cases reported last (newest first). */
export function latestCases(state: LiveState, limit: number): CaseSummary[] {
  return [...state.cases.values()]
    .sort((a, b) => (a.reportedAt < b.reportedAt ? 1 : a.reportedAt > b.reportedAt ? -1 : 0))
    .slice(0, limit);
}
