// Video wall slice: whether the wall is open, its layout (1 large panel, or a 2x2 / 3x3 / 4x4 grid)
// and which camera plays in each cell, as plain data. The player components own the streams; this
// slice only says what should be shown. No React or hls.js here.

export const WALL_LAYOUTS = [1, 4, 9, 16] as const;
export type WallLayout = (typeof WALL_LAYOUTS)[number];
export const MAX_CELLS = 16;

/** What a cell needs to play a camera (a subset of the server's CameraView). */
export interface CameraRef {
  /** the 20-digit GB/T 28181 channel ID */
  id: string;
  name: string;
  streamUrl: string;
  lon: number;
  lat: number;
}

export interface VideoCell {
  camera: CameraRef;
  /** when it was put on the wall (the state's counter): the smallest is replaced first */
  order: number;
}

export interface VideoState {
  open: boolean;
  layout: WallLayout;
  /** exactly `layout` entries; null is a free cell */
  cells: Array<VideoCell | null>;
  /** grows with every camera put on the wall */
  counter: number;
}

export type VideoEvent =
  | { type: 'play'; camera: CameraRef }
  | { type: 'playMany'; cameras: readonly CameraRef[] }
  | { type: 'setLayout'; layout: WallLayout }
  | { type: 'remove'; index: number }
  | { type: 'close' };

export function initialVideo(): VideoState {
  return { open: false, layout: 4, cells: [null, null, null, null], counter: 0 };
}

export function isWallLayout(value: unknown): value is WallLayout {
  return typeof value === 'number' && (WALL_LAYOUTS as readonly number[]).includes(value);
}

/** The smallest layout with room for `count` cameras (16 at most). */
export function layoutFor(count: number): WallLayout {
  return WALL_LAYOUTS.find((n) => n >= count) ?? MAX_CELLS;
}

/** Columns of the grid: 1, 2, 3 or 4. */
export function columnsOf(layout: WallLayout): number {
  return Math.round(Math.sqrt(layout));
}

export function reduceVideo(state: VideoState, event: VideoEvent): VideoState {
  switch (event.type) {
    case 'play':
      return play(state, event.camera);
    case 'playMany': {
      const unique = dedupe(event.cameras.filter(valid)).slice(0, MAX_CELLS);
      return unique.reduce(play, state);
    }
    case 'setLayout':
      return isWallLayout(event.layout) && event.layout !== state.layout
        ? { ...state, cells: fit(state.cells, event.layout), layout: event.layout }
        : state;
    case 'remove': {
      if (!state.cells[event.index]) return state;
      const cells = state.cells.slice();
      cells[event.index] = null;
      return { ...state, cells };
    }
    case 'close':
      return state.open || state.cells.some(Boolean)
        ? { ...state, open: false, cells: state.cells.map(() => null) }
        : state;
  }
}

/**
 * Puts a camera on the wall and opens it: a camera already shown stays where it is; otherwise it
 * takes the first free cell, the layout grows when every cell is taken, and on a full 4x4 wall it
 * replaces the camera that has been there longest.
 */
function play(state: VideoState, camera: CameraRef): VideoState {
  if (!valid(camera)) return state;
  if (state.cells.some((c) => c?.camera.id === camera.id))
    return state.open ? state : { ...state, open: true };
  let { cells, layout } = state;
  let index = cells.indexOf(null);
  if (index < 0 && layout < MAX_CELLS) {
    layout = layoutFor(layout + 1);
    cells = fit(cells, layout);
    index = cells.indexOf(null);
  }
  if (index < 0) index = oldest(cells);
  const next = cells.slice();
  next[index] = { camera: { ...camera }, order: state.counter + 1 };
  return { open: true, layout, cells: next, counter: state.counter + 1 };
}

/**
 * The cells for a layout: growing keeps every camera in its place and adds free cells; shrinking
 * keeps the cameras in their order, closing the gaps, and drops those that do not fit.
 */
function fit(cells: ReadonlyArray<VideoCell | null>, layout: WallLayout): Array<VideoCell | null> {
  const source = layout >= cells.length ? [...cells] : cells.filter((c): c is VideoCell => c !== null);
  return Array.from({ length: layout }, (_, i) => source[i] ?? null);
}

function oldest(cells: ReadonlyArray<VideoCell | null>): number {
  let index = 0;
  cells.forEach((c, i) => {
    const best = cells[index];
    if (c && best && c.order < best.order) index = i;
  });
  return index;
}

function valid(camera: CameraRef | null | undefined): camera is CameraRef {
  return (
    !!camera && typeof camera.id === 'string' && camera.id !== '' && typeof camera.streamUrl === 'string'
  );
}

function dedupe(cameras: readonly CameraRef[]): CameraRef[] {
  const seen = new Set<string>();
  return cameras.filter((c) => !seen.has(c.id) && !!seen.add(c.id));
}
