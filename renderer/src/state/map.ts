// Map slice: what the map engine reports about itself (the engine writes, the UI and tests read).

export type MapStatus = 'loading' | 'ready' | 'error';

/** Why the map cannot be shown: `code` picks the user-facing message, `detail` is for diagnostics. */
export interface MapError {
  code: 'webgl' | 'imagery' | 'engine';
  detail: string;
}

export interface MapState {
  status: MapStatus;
  error: MapError | null;
}

export type MapEvent = { type: 'ready' } | { type: 'failed'; error: MapError };

export function initialMap(): MapState {
  return { status: 'loading', error: null };
}

export function reduceMap(state: MapState, event: MapEvent): MapState {
  switch (event.type) {
    case 'ready':
      return state.status === 'ready' ? state : { status: 'ready', error: null };
    case 'failed':
      return { status: 'error', error: event.error };
  }
}
