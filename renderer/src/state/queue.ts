// Queue slice: the open tab of the workspace, its filter and sort, the rows in view and the count of
// every tab. Pure updaters; the queue service (live/queues.ts) fetches and feeds them.
import type { CaseSummary } from '@contract/cases';
import { EMPTY_FILTER, matchesTab, PAGE_SIZE, sortCases, viewKey, type QueueFilter } from './queueModel';
import { caseTab, type SortKey, type TabId } from './workspaces';
import type { ServerText } from '@contract/http';

export type QueueStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface QueueState {
  tab: TabId | null;
  filter: QueueFilter;
  sort: SortKey;
  /** viewKey() of what is shown; pages loaded for another key are dropped */
  key: string;
  items: CaseSummary[];
  total: number;
  counts: Partial<Record<TabId, number>>;
  status: QueueStatus;
  error: ServerText | null;
  /** client time of the last page applied */
  loadedAt: number | null;
  /** rows asked of the server for this view: PAGE_SIZE more each time the list nears its end */
  rows: number;
}

export type QueueEvent =
  | { type: 'reset'; tab: TabId | null }
  | { type: 'setTab'; tab: TabId }
  | { type: 'setFilter'; filter: Partial<QueueFilter> }
  | { type: 'setSort'; sort: SortKey }
  | { type: 'loaded'; key: string; items: CaseSummary[]; total: number; at: number }
  | { type: 'failed'; key: string; error: ServerText }
  | { type: 'counts'; counts: Partial<Record<TabId, number>> }
  | { type: 'caseChanged'; summary: CaseSummary }
  /** the list was scrolled near the end of what is loaded: ask for the next page */
  | { type: 'more' };

const defaultSort = (tab: TabId | null): SortKey => (tab ? caseTab(tab)?.sort : undefined) ?? 'deadline';

export function initialQueue(tab: TabId | null = null): QueueState {
  const sort = defaultSort(tab);
  return {
    tab,
    filter: EMPTY_FILTER,
    sort,
    key: viewKey(tab, EMPTY_FILTER, sort),
    items: [],
    total: 0,
    counts: {},
    status: tab ? 'loading' : 'idle',
    error: null,
    loadedAt: null,
    rows: PAGE_SIZE,
  };
}

/** A new view: rows that no longer match go at once; the next page fills in the rest. */
function reView(state: QueueState, tab: TabId, filter: QueueFilter, sort: SortKey): QueueState {
  const key = viewKey(tab, filter, sort);
  if (key === state.key) return state;
  const def = caseTab(tab);
  const sameTab = tab === state.tab;
  const items =
    def && sameTab
      ? sortCases(
          state.items.filter((c) => matchesTab(def, filter, c)),
          sort,
        )
      : [];
  return {
    ...state,
    tab,
    filter,
    sort,
    key,
    items,
    total: items.length,
    status: 'loading',
    error: null,
    rows: PAGE_SIZE,
  };
}

export function reduceQueue(state: QueueState, event: QueueEvent): QueueState {
  switch (event.type) {
    case 'reset':
      return initialQueue(event.tab);
    case 'setTab':
      if (event.tab === state.tab) return state;
      return reView(state, event.tab, EMPTY_FILTER, defaultSort(event.tab));
    case 'setFilter':
      if (!state.tab) return state;
      return reView(state, state.tab, { ...state.filter, ...event.filter }, state.sort);
    case 'setSort':
      if (!state.tab) return state;
      return reView(state, state.tab, state.filter, event.sort);
    case 'loaded':
      if (event.key !== state.key) return state;
      return {
        ...state,
        items: reuseUnchanged(state.items, sortCases(event.items, state.sort)),
        total: event.total,
        status: 'ready',
        error: null,
        loadedAt: event.at,
      };
    case 'failed':
      if (event.key !== state.key) return state;
      return { ...state, status: 'error', error: event.error };
    case 'counts': {
      const changed = Object.entries(event.counts).some(([tab, n]) => state.counts[tab as TabId] !== n);
      return changed ? { ...state, counts: { ...state.counts, ...event.counts } } : state;
    }
    case 'caseChanged':
      return applyCase(state, event.summary);
    case 'more':
      // Only when every row asked for has arrived and there are more: one page at a time.
      if (state.status !== 'ready' || state.items.length < state.rows || state.items.length >= state.total)
        return state;
      return { ...state, rows: state.rows + PAGE_SIZE };
  }
}

/** Folds one changed case into the view: joins, moves or leaves it; older versions are ignored. */
export function applyCase(state: QueueState, summary: CaseSummary): QueueState {
  const def = state.tab ? caseTab(state.tab) : null;
  if (!def) return state;
  const index = state.items.findIndex((c) => c.id === summary.id);
  const current = index >= 0 ? state.items[index] : undefined;
  if (current && current.version >= summary.version) return state;
  const belongs = matchesTab(def, state.filter, summary);
  if (!belongs && !current) return state;
  const rest = current ? state.items.filter((c) => c.id !== summary.id) : state.items;
  const items = belongs ? sortCases([...rest, summary], state.sort) : rest;
  const total = Math.max(0, state.total + (belongs ? 1 : 0) - (current ? 1 : 0));
  return { ...state, items, total };
}

/** What a row shows; a case whose shown fields did not change keeps its object (and its row render). */
function sameShown(a: CaseSummary, b: CaseSummary): boolean {
  return (
    a.version === b.version &&
    a.state === b.state &&
    a.clock.state === b.clock.state &&
    a.clock.deadline === b.clock.deadline &&
    a.escalations.length === b.escalations.length
  );
}

/**
 * Structural sharing for refreshed pages: unchanged cases keep their previous objects, and an
 * unchanged page keeps the previous array, so a periodic refresh that finds nothing new re-renders
 * nothing and leaves the map alone.
 */
export function reuseUnchanged(previous: CaseSummary[], next: CaseSummary[]): CaseSummary[] {
  const before = new Map(previous.map((c) => [c.id, c]));
  let same = previous.length === next.length;
  const items = next.map((c, i) => {
    const old = before.get(c.id);
    const kept = old && sameShown(old, c) ? old : c;
    if (kept !== previous[i]) same = false;
    return kept;
  });
  return same ? previous : items;
}
