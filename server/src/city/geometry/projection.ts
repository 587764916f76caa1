// Local metric frame of the demo city: x metres east and y metres north of its south-west corner.
// An equirectangular approximation at the city's latitude (error < 0.1 % over 8 km); all generated
// geometry is made in metres and converted to WGS84 lon/lat at the edges.
import { DEMO_CITY } from '../city';

const [WEST, SOUTH, EAST, NORTH] = DEMO_CITY.bounds;
const LAT0 = ((SOUTH + NORTH) / 2) * (Math.PI / 180);

/** Metres per degree of latitude and longitude at the city's mid latitude (WGS84 series). */
export const M_PER_DEG_LAT = 111132.92 - 559.82 * Math.cos(2 * LAT0) + 1.175 * Math.cos(4 * LAT0);
export const M_PER_DEG_LON = 111412.84 * Math.cos(LAT0) - 93.5 * Math.cos(3 * LAT0);

export const CITY_WIDTH_M = (EAST - WEST) * M_PER_DEG_LON;
export const CITY_HEIGHT_M = (NORTH - SOUTH) * M_PER_DEG_LAT;

export type XY = [number, number];

export function toLonLat(x: number, y: number): XY {
  return [round7(WEST + x / M_PER_DEG_LON), round7(SOUTH + y / M_PER_DEG_LAT)];
}

export function toXY(lon: number, lat: number): XY {
  return [(lon - WEST) * M_PER_DEG_LON, (lat - SOUTH) * M_PER_DEG_LAT];
}

export function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

export function dist(a: XY, b: XY): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
