// The case-density view's data, as plain functions (no deck.gl, no DOM): open cases projected from
// lon/lat to local metres around the city centre (an equirectangular projection is exact enough
// over a city), and the orthographic view state that fits the city's bounds into a box.
import { CASE_STATES } from '@contract/domain';

export const OPEN_CASE_STATES = CASE_STATES.filter((s) => s !== 'closed' && s !== 'voided');

export interface HeatPoint {
  /** metres east / north of the city centre */
  position: [number, number];
  weight: number;
}

const M_PER_DEG = 111_320;

export function project(lon: number, lat: number, centre: { lon: number; lat: number }): [number, number] {
  const x = (lon - centre.lon) * M_PER_DEG * Math.cos((centre.lat * Math.PI) / 180);
  const y = (lat - centre.lat) * M_PER_DEG;
  return [x, y];
}

/** Urgent cases weigh more (urgency 'critical' / 'urgent' → 3 / 2). */
export function heatPoints(
  cases: ReadonlyArray<{ lon: number; lat: number; urgency?: string }>,
  centre: { lon: number; lat: number },
): HeatPoint[] {
  return cases
    .filter((c) => Number.isFinite(c.lon) && Number.isFinite(c.lat))
    .map((c) => ({
      position: project(c.lon, c.lat, centre),
      weight: c.urgency === 'critical' ? 3 : c.urgency === 'urgent' ? 2 : 1,
    }));
}

/** Orthographic view state (target at the centre, zoom as log2 px-per-metre) fitting bounds in w×h px. */
export function fitBounds(
  bounds: readonly [number, number, number, number],
  centre: { lon: number; lat: number },
  widthPx: number,
  heightPx: number,
): { target: [number, number, number]; zoom: number } {
  const [w, s, e, n] = bounds;
  const [x0, y0] = project(w, s, centre);
  const [x1, y1] = project(e, n, centre);
  const scale = Math.min(widthPx / Math.max(1, x1 - x0), heightPx / Math.max(1, y1 - y0)) * 0.92;
  return { target: [(x0 + x1) / 2, (y0 + y1) / 2, 0], zoom: Math.log2(scale) };
}
