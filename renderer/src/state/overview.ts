// Overview slice (leaders' read-only briefing): counts by state, overdue and by district.
import type { CaseState } from '@contract/domain';
import type { ServerText } from '@contract/http';

export interface DistrictCount {
  code: string;
  active: number;
  overdue: number;
}

export interface OverviewData {
  byState: Partial<Record<CaseState, number>>;
  /** running cases whose step clock is red (overdue) or yellow (>= 80 % used) */
  overdue: number;
  warning: number;
  byDistrict: DistrictCount[];
}

export interface OverviewState extends OverviewData {
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadedAt: number | null;
  error: ServerText | null;
}

export type OverviewEvent =
  | { type: 'loaded'; data: OverviewData; at: number }
  | { type: 'failed'; error: ServerText }
  | { type: 'clear' };

export function initialOverview(): OverviewState {
  return { status: 'idle', byState: {}, overdue: 0, warning: 0, byDistrict: [], loadedAt: null, error: null };
}

export function reduceOverview(state: OverviewState, event: OverviewEvent): OverviewState {
  switch (event.type) {
    case 'loaded':
      return { ...event.data, status: 'ready', loadedAt: event.at, error: null };
    case 'failed':
      return { ...state, status: state.status === 'ready' ? 'ready' : 'error', error: event.error };
    case 'clear':
      return state.status === 'idle' ? state : initialOverview();
  }
}

/** Active cases: every state except the closed and voided ones. */
export function activeTotal(byState: Partial<Record<CaseState, number>>): number {
  return Object.entries(byState)
    .filter(([state]) => state !== 'closed' && state !== 'voided')
    .reduce((sum, [, n]) => sum + (n ?? 0), 0);
}
