// Pure rules of a case queue: which cases belong to a tab under a filter, their order, and the REST
// queries that fetch them. The same rules apply to a page from the server and to a case that changed
// live, so a row leaves or joins the queue the moment the stream says so.
import type { CaseSummary } from '@contract/cases';
import type { Urgency } from '@contract/domain';
import type { CaseTab, ClockColour, SortKey } from './workspaces';

export interface QueueFilter {
  districtCode: string | null;
  categoryId: string | null;
  urgency: Urgency | null;
  clock: ClockColour | null;
}

export const EMPTY_FILTER: QueueFilter = { districtCode: null, categoryId: null, urgency: null, clock: null };

/** Rows fetched per queue view at first, and added each time the list is scrolled near its end. */
export const PAGE_SIZE = 200;
/** The server answers at most this many rows per request (contract/cases.ts CaseListQuery). */
export const MAX_REQUEST_ROWS = 1000;

export function matchesTab(tab: CaseTab, filter: QueueFilter, c: CaseSummary): boolean {
  if (!tab.states.includes(c.state)) return false;
  if (tab.clocks && !(tab.clocks as readonly string[]).includes(c.clock.state)) return false;
  if (tab.sources && !tab.sources.includes(c.source)) return false;
  if (filter.districtCode && c.districtCode !== filter.districtCode) return false;
  if (filter.categoryId && c.categoryId !== filter.categoryId) return false;
  if (filter.urgency && c.urgency !== filter.urgency) return false;
  if (filter.clock && c.clock.state !== filter.clock) return false;
  return true;
}

const URGENCY_RANK: Record<Urgency, number> = { critical: 0, urgent: 1, normal: 2 };

const time = (iso: string | null): number => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));

/** The order of a queue; matches the server's order for the same sort key. */
export function compareCases(sort: SortKey): (a: CaseSummary, b: CaseSummary) => number {
  switch (sort) {
    case 'deadline':
      return (a, b) =>
        time(a.clock.deadline) - time(b.clock.deadline) || time(a.reportedAt) - time(b.reportedAt);
    case 'reportedAt':
      return (a, b) => time(a.reportedAt) - time(b.reportedAt);
    case '-reportedAt':
      return (a, b) => time(b.reportedAt) - time(a.reportedAt);
    case 'urgency':
      return (a, b) =>
        URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || time(b.reportedAt) - time(a.reportedAt);
  }
}

export function sortCases(items: readonly CaseSummary[], sort: SortKey): CaseSummary[] {
  return [...items].sort(compareCases(sort));
}

/** The query strings for GET /api/cases that together fetch a view (one per clock colour on boards). */
export function viewQueries(tab: CaseTab, filter: QueueFilter, sort: SortKey, limit = PAGE_SIZE): string[] {
  const clocks: Array<ClockColour | null> = filter.clock
    ? [filter.clock]
    : tab.clocks
      ? [...tab.clocks]
      : [null];
  return clocks.map((clock) => {
    const params = new URLSearchParams({ state: tab.states.join(','), sort, limit: String(limit) });
    if (tab.sources) params.set('source', tab.sources.join(','));
    if (filter.districtCode) params.set('districtCode', filter.districtCode);
    if (filter.categoryId) params.set('categoryId', filter.categoryId);
    if (filter.urgency) params.set('urgency', filter.urgency);
    if (clock) params.set('clock', clock);
    return params.toString();
  });
}

/**
 * The requests that fetch the first `rows` rows of a view: per clock colour, pages of at most
 * MAX_REQUEST_ROWS rows (offset paging), so an intake of 2,000 cases can be scrolled to its end.
 */
export function pagedViewQueries(tab: CaseTab, filter: QueueFilter, sort: SortKey, rows: number): string[][] {
  const want = Math.max(1, rows);
  return viewQueries(tab, filter, sort, Math.min(want, MAX_REQUEST_ROWS)).map((first) => {
    const pages = [first];
    for (let offset = MAX_REQUEST_ROWS; offset < want; offset += MAX_REQUEST_ROWS) {
      const params = new URLSearchParams(first);
      params.set('limit', String(Math.min(MAX_REQUEST_ROWS, want - offset)));
      params.set('offset', String(offset));
      pages.push(params.toString());
    }
    return pages;
  });
}

/** Merges paged answers: the pages of one query are one list (total counted once), the queries add up. */
export function mergePaged(groups: readonly (readonly Page[])[], sort: SortKey): Page {
  return mergePages(
    groups.map((pages) => ({ total: pages[0]?.total ?? 0, items: pages.flatMap((p) => p.items) })),
    sort,
  );
}

/** The queries that count a tab's cases (no filter, one row each: only `total` is used). */
export function countQueries(tab: CaseTab): string[] {
  return viewQueries(tab, EMPTY_FILTER, tab.sort, 1);
}

export interface Page {
  total: number;
  items: CaseSummary[];
}

/** Several pages of one view as one: duplicates removed, in order, totals added up. */
export function mergePages(pages: readonly Page[], sort: SortKey): Page {
  const byId = new Map<string, CaseSummary>();
  for (const page of pages) for (const item of page.items) byId.set(item.id, item);
  return {
    total: pages.reduce((sum, page) => sum + page.total, 0),
    items: sortCases([...byId.values()], sort),
  };
}

/** Identifies a view: a page loaded for another key is stale and dropped. */
export function viewKey(tabId: string | null, filter: QueueFilter, sort: SortKey): string {
  return JSON.stringify([tabId, filter.districtCode, filter.categoryId, filter.urgency, filter.clock, sort]);
}

/** Counts per clock colour of the rows in view (the queue header shows them). */
export function clockCounts(
  items: readonly CaseSummary[],
): Record<'green' | 'yellow' | 'red' | 'paused', number> {
  const counts = { green: 0, yellow: 0, red: 0, paused: 0 };
  for (const item of items) {
    const state = item.clock.state;
    if (state !== 'none') counts[state] += 1;
  }
  return counts;
}
