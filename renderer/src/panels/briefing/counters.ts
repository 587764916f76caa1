// The briefing's live headline figures, pure: open cases, overdue, active alarms and incidents come from
// the live picture the stream keeps (contract/live-state.ts); today's reports by channel are the day's
// count at load plus every new case the stream announces after it.
import type { LiveState } from '@contract/live-state';

export interface LiveCounters {
  open: number;
  overdue: number;
  alarms: number;
  incidents: number;
  todayBySource: Record<string, number>;
  today: number;
}

export interface TodayTally {
  /** the local day (YYYY-MM-DD) the counts belong to */
  day: string;
  /** per channel at load */
  base: Record<string, number>;
  /** cases announced by the stream after the load, by id (a case counts once) */
  seen: ReadonlyMap<string, string>;
}

export const emptyTally = (day: string): TodayTally => ({ day, base: {}, seen: new Map() });

/** A new case from the stream: counted once, on its reporting day only. */
export function tallyCreated(t: TodayTally, id: string, source: string, localDay: string): TodayTally {
  if (localDay !== t.day || t.seen.has(id)) return t;
  const seen = new Map(t.seen);
  seen.set(id, source);
  return { ...t, seen };
}

export function countersOf(live: LiveState, tally: TodayTally): LiveCounters {
  let open = 0;
  let overdue = 0;
  for (const c of live.cases.values()) {
    if (c.drill) continue;
    open += 1;
    if (c.clock.state === 'red') overdue += 1;
  }
  const todayBySource: Record<string, number> = { ...tally.base };
  for (const source of tally.seen.values()) todayBySource[source] = (todayBySource[source] ?? 0) + 1;
  return {
    open,
    overdue,
    alarms: live.alarms.size,
    incidents: [...live.incidents.values()].filter((i) => !i.drill).length,
    todayBySource,
    today: Object.values(todayBySource).reduce((a, b) => a + b, 0),
  };
}

/** The local (+08:00) day of an instant. */
export const localDay = (at: Date | string): string =>
  new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The rank arrow: up when the rank number fell (better). */
export function rankMove(
  rank: number | null,
  previous: number | null,
): { dir: 'up' | 'down' | 'same' | 'new'; n: number } {
  if (rank === null || previous === null) return { dir: 'new', n: 0 };
  if (rank < previous) return { dir: 'up', n: previous - rank };
  if (rank > previous) return { dir: 'down', n: rank - previous };
  return { dir: 'same', n: 0 };
}
