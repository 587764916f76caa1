// Where the camera goes, as plain numbers (no Cesium here, tested in Node): the oblique city view (about
// 45°, north up), a focused place seen at a sane height and pitch, and the limits of wheel zoom.
// view3d.ts applies these to Cesium's camera.

/** Pitch of the oblique views, degrees below the horizon. */
export const OBLIQUE_PITCH_DEG = -45;
/** Pitch of the top-down (2D-like) view. */
export const TOP_PITCH_DEG = -90;

/**
 * Wheel zoom stops this far above the ground (the tallest demo buildings are about 150 m; Cesium's
 * collision detection with the building tiles keeps the camera out of them below that) and this far out.
 */
export const MIN_ZOOM_M = 120;
export const MAX_ZOOM_M = 250_000;

/** Distance from a focused case, alarm or camera: close enough to read the street, above the roofs. */
export const FOCUS_RANGE_M = 1_400;

const M_PER_DEG = 111_320;

export interface LookAt {
  lon: number;
  lat: number;
  /** metres from the camera to the point */
  range: number;
  headingDeg: number;
  pitchDeg: number;
}

/** The height of a camera `range` metres from a ground point at `pitchDeg` (negative: looking down). */
export function cameraHeight(range: number, pitchDeg: number): number {
  return range * Math.sin((-pitchDeg * Math.PI) / 180);
}

/**
 * The oblique view of the whole city: looking north at 45° at a point a little east of the centre (the
 * workspace panel on the right is wider than the layers panel), from far enough to see the bounds.
 */
export function cityView(
  bounds: readonly [number, number, number, number],
  pitchDeg = OBLIQUE_PITCH_DEG,
): LookAt {
  const [west, south, east, north] = bounds;
  const lat = (south + north) / 2;
  const widthM = (east - west) * M_PER_DEG * Math.cos((lat * Math.PI) / 180);
  const heightM = (north - south) * M_PER_DEG;
  // Horizontal field of view is about 60° on a wide screen, and half the screen is free of panels.
  const range = Math.max(widthM * 1.6, heightM * 1.6, 3_000);
  return { lon: (west + east) / 2 + (east - west) * 0.1, lat, range, headingDeg: 0, pitchDeg };
}

/**
 * The view of one place: oblique from the south at FOCUS_RANGE_M, shifted east or west so the place lands
 * in the middle of `free` (the span in px the panels leave) of a canvas `canvasWidth` px wide.
 */
export function focusView(
  target: { lon: number; lat: number },
  free: { left: number; right: number },
  canvasWidth: number,
  fovRad = Math.PI / 3,
): LookAt {
  const range = FOCUS_RANGE_M;
  const groundWidth = 2 * range * Math.tan(fovRad / 2);
  const width = Math.max(1, canvasWidth);
  const shiftPx = width / 2 - (free.left + free.right) / 2;
  const shiftM = (shiftPx / width) * groundWidth;
  const lon = target.lon + shiftM / (M_PER_DEG * Math.cos((target.lat * Math.PI) / 180));
  return { lon, lat: target.lat, range, headingDeg: 0, pitchDeg: OBLIQUE_PITCH_DEG };
}

/** The view the 2D/3D toggle goes to: the same point from above, or oblique again. */
export function toggledPitch(currentPitchDeg: number): number {
  return currentPitchDeg < -75 ? OBLIQUE_PITCH_DEG : TOP_PITCH_DEG;
}
