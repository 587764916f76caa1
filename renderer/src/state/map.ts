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
  /** the viewer drew its first frame with the base imagery ready (usable; tiles may still be loading) */
  firstFrame: boolean;
  error: MapError | null;
  /** case points drawn by the case layer */
  points: number;
  /** the case (or "alarm:<id>") the camera arrived at last */
  focusedId: string | null;
  /** a recovery reload would help but would wipe typed input (or the login form): the banner offers it */
  reloadOffered: boolean;
}

export type MapEvent =
  | { type: 'firstFrame' }
  | { type: 'ready' }
  | { type: 'off' }
  | { type: 'failed'; error: MapError }
  | { type: 'points'; count: number }
  | { type: 'focused'; id: string }
  | { type: 'reloadOffered' };

/** `<body data-map-first-frame>`: 'true' once the viewer drew a frame with its base imagery ready. */
export function firstFrameSignal(map: Pick<MapState, 'status' | 'firstFrame'>): string {
  return map.firstFrame ? 'true' : map.status === 'off' ? 'off' : 'false';
}

export function initialMap(): MapState {
  return {
    status: 'loading',
    firstFrame: false,
    error: null,
    points: 0,
    focusedId: null,
    reloadOffered: false,
  };
}

export function reduceMap(state: MapState, event: MapEvent): MapState {
  switch (event.type) {
    case 'firstFrame':
      return state.firstFrame ? state : { ...state, firstFrame: true };
    case 'ready':
      // A map that is ready has drawn a frame, also if the engine did not say so first.
      return state.status === 'ready' && state.firstFrame
        ? state
        : { ...state, status: 'ready', firstFrame: true, error: null, reloadOffered: false };
    case 'off':
      return state.status === 'off' ? state : { ...state, status: 'off', error: null };
    case 'failed':
      return { ...state, status: 'error', error: event.error };
    case 'points':
      return state.points === event.count ? state : { ...state, points: event.count };
    case 'focused':
      return state.focusedId === event.id ? state : { ...state, focusedId: event.id };
    case 'reloadOffered':
      return state.reloadOffered ? state : { ...state, reloadOffered: true };
  }
}
