// City slice: the public city configuration. A built-in fallback keeps the wall usable when the
// server cannot be reached; the UI shows that the fallback is in use.
import type { CityConfig } from '@contract/http';

export type CitySource = 'builtin' | 'server';

export interface CityState {
  config: CityConfig;
  source: CitySource;
  /** Why the server's configuration is not in use (a user-facing message), or null. */
  error: string | null;
  loadedAt: number | null;
}

/** The demo city, used until /api/city answers (same values as the server's seed). */
export const FALLBACK_CITY: CityConfig = {
  name: '海州市',
  nameEn: 'Haizhou City',
  center: { lon: 119.18, lat: 34.6 },
  bounds: [119.1363, 34.573, 119.2237, 34.627],
  drill: false,
};

export type CityEvent =
  { type: 'loaded'; config: CityConfig; at: number } | { type: 'failed'; error: string };

export function initialCity(): CityState {
  return { config: FALLBACK_CITY, source: 'builtin', error: null, loadedAt: null };
}

export function reduceCity(state: CityState, event: CityEvent): CityState {
  switch (event.type) {
    case 'loaded':
      return { config: event.config, source: 'server', error: null, loadedAt: event.at };
    case 'failed':
      // A configuration already loaded from the server stays in use; only the error is recorded.
      return { ...state, error: event.error };
  }
}
