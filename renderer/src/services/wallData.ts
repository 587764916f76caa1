// What the video-wall and briefing windows load instead of the map wall's queues: the reference data
// (names of departments and districts) at every sign-in, and for the briefing the leaders' overview
// counts (live/overview.ts), again every `overviewEveryMs` while someone is signed in. These windows
// run no stream: a briefing a few seconds behind is fine, a 10,000-case snapshot per window is not.
import { createTimers } from '../app/timers';
import type { AppStore } from '../state/store';
import type { ApiClient } from './api';
import { loadOverview } from './overview';
import { ReferenceResult } from './schemas';

export interface WallDataOptions {
  overview: boolean;
  overviewEveryMs?: number;
}

export function startWallData(store: AppStore, api: ApiClient, options: WallDataOptions): () => void {
  const { overview, overviewEveryMs = 10_000 } = options;
  // The overview's refresh while someone is signed in (app/timers.ts); the returned stopper ends it.
  const timers = createTimers();
  let stopOverview: (() => void) | undefined;
  let loading = false;
  const userId = () => store.getState().session.user?.userId ?? null;

  const refreshOverview = async () => {
    const user = userId();
    if (!overview || user === null || loading) return;
    loading = true;
    try {
      await loadOverview(store, api, () => userId() === user);
    } finally {
      loading = false;
    }
  };

  const signedIn = async (user: string) => {
    const { referenceEvent } = store.getState();
    referenceEvent({ type: 'loading' });
    try {
      const data = await api.get('/reference', ReferenceResult);
      if (userId() === user) store.getState().referenceEvent({ type: 'loaded', data });
    } catch {
      // names fall back to ids; the district table stays empty until the next sign-in
    }
    if (userId() === user) await refreshOverview();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    const user = state.session.user?.userId ?? null;
    if (user === (previous.session.user?.userId ?? null)) return;
    const { overviewEvent, referenceEvent } = store.getState();
    overviewEvent({ type: 'clear' });
    stopOverview?.();
    stopOverview = undefined;
    if (user === null) {
      referenceEvent({ type: 'clear' });
      return;
    }
    void signedIn(user);
    if (overview) stopOverview = timers.every(overviewEveryMs, () => void refreshOverview());
  });

  return () => {
    unsubscribe();
    timers.dispose();
  };
}
