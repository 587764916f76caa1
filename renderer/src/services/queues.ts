// Keeps the open workspace current: the rows of the open tab, the count of every tab, the leaders'
// overview and the commander's alarms. It refreshes when the view changes, at once after a live event
// and a command, and on a timer: short while the live stream is not resumed, long once it is.
import { CaseSummary } from '@contract/cases';
import { AlarmView } from '@contract/alarms';
import { IncidentView } from '@contract/city';
import { z } from 'zod';
import { createTimers } from '../app/timers';
import { countQueries, mergePaged, pagedViewQueries, type Page } from '../state/queueModel';
import type { AppState, AppStore } from '../state/store';
import { caseTab, tabsFor, TABS, type TabId } from '../state/workspaces';
import { ApiError, messageOf, type ApiClient } from './api';
import { loadOverview } from './overview';
import { ReferenceResult } from './schemas';

const CasePageSchema = z.object({ total: z.number(), items: z.array(CaseSummary) });
const AlarmList = z.object({ alarms: z.array(AlarmView) });
const IncidentList = z.object({ incidents: z.array(IncidentView) });

export interface QueueOptions {
  /** refresh period without the live stream (it must show a new report within 2 s) */
  pollMs?: number;
  /** refresh period while the stream is resumed (a safety net only) */
  streamPollMs?: number;
  /** a burst of live events causes one refresh */
  debounceMs?: number;
  /** live events refresh at most this often (a busy city sends many) */
  minGapMs?: number;
  /** the overview runs about 20 small count queries: not more often than this */
  overviewEveryMs?: number;
}

export interface QueueService {
  refreshSoon(): void;
  stop(): void;
}

export function startQueues(store: AppStore, api: ApiClient, options: QueueOptions = {}): QueueService {
  const {
    pollMs = 1_000,
    streamPollMs = 10_000,
    debounceMs = 100,
    minGapMs = 1_000,
    overviewEveryMs = 5_000,
  } = options;
  // The next refresh (app/timers.ts): stop() ends it.
  const timers = createTimers();
  let cancelTimer: (() => void) | undefined;
  let dueAt = Number.POSITIVE_INFINITY;
  let running = false;
  let again = false;
  let stopped = false;
  let overviewAt = 0;
  let startedAt = 0;

  /** Refresh in `ms`, unless a refresh is already due sooner (a steady event flow cannot starve it). */
  const schedule = (ms: number) => {
    const at = Date.now() + ms;
    if (stopped || (cancelTimer !== undefined && dueAt <= at)) return;
    cancelTimer?.();
    dueAt = at;
    cancelTimer = timers.after(ms, () => {
      cancelTimer = undefined;
      dueAt = Number.POSITIVE_INFINITY;
      void refresh();
    });
  };
  const nextPeriod = () => (store.getState().connection.streaming ? streamPollMs : pollMs);
  const soon = () => Math.max(debounceMs, startedAt + minGapMs - Date.now());

  /** Refreshes now (the view changed), or right after the refresh in flight. */
  const refresh = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    const state = store.getState();
    if (state.session.status !== 'signedIn' || !state.session.user || !state.queue.tab) return;
    running = true;
    startedAt = Date.now();
    cancelTimer?.();
    cancelTimer = undefined;
    dueAt = Number.POSITIVE_INFINITY;
    try {
      const userId = state.session.user.userId;
      await Promise.all([refreshView(state, userId), refreshCounts(state, userId)]);
    } finally {
      running = false;
      if (again) {
        again = false;
        void refresh();
      } else schedule(nextPeriod());
    }
  };

  /** Whether answers to a refresh started for `userId` still apply (nobody else signed in since). */
  const sameUser = (userId: string) => store.getState().session.user?.userId === userId;

  const casePage = (query: string): Promise<Page> => api.get(`/cases?${query}`, CasePageSchema);

  async function refreshView(state: AppState, userId: string): Promise<void> {
    const { queue } = state;
    const tab = queue.tab ? TABS[queue.tab] : null;
    if (!tab) return;
    const { queueEvent } = store.getState();
    if (tab.kind === 'cases') {
      const key = queue.key;
      try {
        const groups = await Promise.all(
          pagedViewQueries(tab, queue.filter, queue.sort, queue.rows).map((pages) =>
            Promise.all(pages.map(casePage)),
          ),
        );
        const merged = mergePaged(groups, queue.sort);
        if (!sameUser(userId)) return;
        queueEvent({ type: 'loaded', key, items: merged.items, total: merged.total, at: Date.now() });
      } catch (error) {
        if (sameUser(userId)) queueEvent({ type: 'failed', key, error: messageOf(error) });
      }
    } else if (tab.kind === 'alarms') {
      await refreshAlarms(userId);
    } else if (
      tab.kind === 'overview' &&
      (Date.now() - overviewAt >= overviewEveryMs || state.overview.status !== 'ready')
    ) {
      overviewAt = Date.now();
      await loadOverview(store, api, () => sameUser(userId));
    }
  }

  async function refreshAlarms(userId: string): Promise<void> {
    const { alarmsEvent, queueEvent } = store.getState();
    try {
      const [{ alarms }, { incidents }] = await Promise.all([
        api.get('/alarms?status=open,acknowledged', AlarmList),
        api.get('/incidents?status=active', IncidentList),
      ]);
      if (!sameUser(userId)) return;
      alarmsEvent({ type: 'loaded', items: alarms, incidents, at: Date.now() });
      queueEvent({ type: 'counts', counts: { alarms: alarms.length + incidents.length } });
    } catch (error) {
      if (!sameUser(userId)) return;
      if (error instanceof ApiError && error.status === 404) alarmsEvent({ type: 'unavailable' });
      else alarmsEvent({ type: 'failed', error: messageOf(error) });
    }
  }

  async function refreshCounts(state: AppState, userId: string): Promise<void> {
    const user = state.session.user;
    if (!user) return;
    const tabs = tabsFor(user.role).flatMap((id) => {
      const tab = caseTab(id);
      return tab ? [tab] : [];
    });
    try {
      const totals = await Promise.all(
        tabs.map(async (tab) => {
          const pages = await Promise.all(countQueries(tab).map(casePage));
          return [tab.id, pages.reduce((sum, p) => sum + p.total, 0)] as const;
        }),
      );
      if (sameUser(userId))
        store.getState().queueEvent({ type: 'counts', counts: Object.fromEntries(totals) });
    } catch {
      // the view's own error is shown; counts keep their last values
    }
  }

  const loadReference = async () => {
    const { referenceEvent } = store.getState();
    referenceEvent({ type: 'loading' });
    try {
      referenceEvent({ type: 'loaded', data: await api.get('/reference', ReferenceResult) });
    } catch {
      // names fall back to ids; retried at the next sign-in
    }
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.session.user !== previous.session.user) {
      const user = state.session.user;
      const { queueEvent, detailEvent, overviewEvent, alarmsEvent, referenceEvent } = store.getState();
      const first: TabId | null = user ? (tabsFor(user.role)[0] ?? null) : null;
      if (previous.session.user?.userId !== user?.userId) {
        detailEvent({ type: 'close' });
        overviewEvent({ type: 'clear' });
        alarmsEvent({ type: 'clear' });
        queueEvent({ type: 'reset', tab: first });
        overviewAt = 0;
      }
      if (user) void loadReference();
      else referenceEvent({ type: 'clear' });
    }
    const referenceReady = state.reference.status === 'ready' && previous.reference.status !== 'ready';
    if (referenceReady) overviewAt = 0;
    if (
      state.queue.key !== previous.queue.key ||
      state.queue.rows !== previous.queue.rows ||
      state.session.user !== previous.session.user ||
      referenceReady
    ) {
      void refresh();
    } else if (state.connection.streaming !== previous.connection.streaming) {
      schedule(nextPeriod());
    }
  });

  return {
    refreshSoon() {
      schedule(soon());
    },
    stop() {
      stopped = true;
      timers.dispose();
      unsubscribe();
    },
  };
}

export { messageOf };
