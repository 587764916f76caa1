// Which archive a replay (回放) reads: the live server's (/api/playback/...) or, for the after-action
// review's 回放 / Replay, a drill's own (/api/drills/<id>/playback/..., docs/adr/0024). The playback service
// is given an API client that routes its /playback/ reads to the chosen source; leaving the replay returns
// to the live archive. Nothing else of the playback service changes.
import type { AppStore } from '../state/store';
import type { ApiClient } from './api';

export interface ReplaySource {
  /** the drill whose archive is replayed; null: the live archive */
  drillId(): string | null;
  /** replays come from this drill's archive until the replay is left */
  useDrill(id: string): void;
  /** called when the source changes (for the 演练回放 note) */
  subscribe(listener: () => void): () => void;
}

export function createReplaySource(store: AppStore): ReplaySource {
  let drill: string | null = null;
  const listeners = new Set<() => void>();
  const set = (id: string | null) => {
    if (id === drill) return;
    drill = id;
    for (const listener of listeners) listener();
  };
  store.subscribe((state, previous) => {
    if (state.playback.mode === 'live' && previous.playback.mode !== 'live') set(null);
  });
  return {
    drillId: () => drill,
    useDrill: set,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A path of the playback service, routed to the source's archive. */
export function sourcedPath(path: string, drillId: string | null): string {
  return drillId && path.startsWith('/playback/') ? `/drills/${encodeURIComponent(drillId)}${path}` : path;
}

/** The API client the playback service reads through: its GETs go to the chosen archive. */
export function sourcedApi(api: ApiClient, source: ReplaySource): ApiClient {
  return { ...api, get: (path, schema) => api.get(sourcedPath(path, source.drillId()), schema) };
}
