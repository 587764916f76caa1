// Plane geometry on lon/lat degrees for grid lookup: point-in-polygon (even-odd rule, holes
// supported) and bounding boxes. Grid cells are about 100 m across, so planar tests on degrees
// are exact enough; distances use the haversine formula.

/** [lon, lat] in degrees */
export type LonLat = readonly [number, number];
/** GeoJSON Polygon coordinates: the outer ring, then holes; rings may or may not be closed. */
export type PolygonCoords = readonly (readonly LonLat[])[];
/** [west, south, east, north] in degrees */
export type BBox = readonly [number, number, number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMeters(a: LonLat, b: LonLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function inRing(point: LonLat, ring: readonly LonLat[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const pi = ring[i] as LonLat;
    const pj = ring[j] as LonLat;
    const crosses = pi[1] > y !== pj[1] > y && x < ((pj[0] - pi[0]) * (y - pi[1])) / (pj[1] - pi[1]) + pi[0];
    if (crosses) inside = !inside;
  }
  return inside;
}

/** True when the point lies inside the outer ring and outside every hole. */
export function pointInPolygon(point: LonLat, polygon: PolygonCoords): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || !inRing(point, outer)) return false;
  return !holes.some((hole) => inRing(point, hole));
}

export function bboxOf(polygon: PolygonCoords): BBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lon, lat] of polygon[0] ?? []) {
    west = Math.min(west, lon);
    south = Math.min(south, lat);
    east = Math.max(east, lon);
    north = Math.max(north, lat);
  }
  return [west, south, east, north];
}

export function bboxContains(bbox: BBox, point: LonLat): boolean {
  return point[0] >= bbox[0] && point[0] <= bbox[2] && point[1] >= bbox[1] && point[1] <= bbox[3];
}

export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** A box around a point reaching at least `meters` in every direction (for "nearby" queries). */
export function bboxAround(point: LonLat, meters: number): BBox {
  const dLat = (meters / EARTH_RADIUS_M) * (180 / Math.PI);
  const cosLat = Math.max(Math.cos(rad(point[1])), 1e-6);
  const dLon = dLat / cosLat;
  return [point[0] - dLon, point[1] - dLat, point[0] + dLon, point[1] + dLat];
}

export interface GridCellShape {
  id: string;
  polygon: PolygonCoords;
  /** precomputed bbox (GridCell min/max columns); computed when absent */
  bbox?: BBox;
}

/** The grid cell containing the point (first match by id order), or null. */
export function findGridCell<T extends GridCellShape>(point: LonLat, cells: readonly T[]): T | null {
  const hits = cells.filter(
    (c) => bboxContains(c.bbox ?? bboxOf(c.polygon), point) && pointInPolygon(point, c.polygon),
  );
  hits.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return hits[0] ?? null;
}
