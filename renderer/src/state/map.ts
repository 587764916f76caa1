// Map slice: what the map engine reports about itself (the engine writes, the UI and tests read).

/** 'off': this screen runs without the map (`?map=off`). */
export type MapStatus = 'loading' | 'ready' | 'error' | 'off';

/** Why the map cannot be shown: `code` picks the user-facing message, `detail` is for diagnostics. */
export interface MapError {
  code: 'webgl' | 'imagery' | 'engine';
  detail: string;
}

export interface MapState {
  status: MapStatus;
  error: MapError | null;
  /** case points drawn by the case layer */
  points: number;
  /** the case (or "alarm:<id>") the camera arrived at last */
  focusedId: string | null;
}

export type MapEvent =
  | { type: 'ready' }
  | { type: 'off' }
  | { type: 'failed'; error: MapError }
  | { type: 'points'; count: number }
  | { type: 'focused'; id: string };

export function initialMap(): MapState {
  return { status: 'loading', error: null, points: 0, focusedId: null };
}

export function reduceMap(state: MapState, event: MapEvent): MapState {
  switch (event.type) {
    case 'ready':
      return state.status === 'ready' ? state : { ...state, status: 'ready', error: null };
    case 'off':
      return state.status === 'off' ? state : { ...state, status: 'off', error: null };
    case 'failed':
      return { ...state, status: 'error', error: event.error };
    case 'points':
      return state.points === event.count ? state : { ...state, points: event.count };
    case 'focused':
      return state.focusedId === event.id ? state : { ...state, focusedId: event.id };
  }
}
