// Geodesy for the tile pipeline: WGS84 geodetic <-> ECEF, east-north-up frames (3D Tiles transforms)
// and Web Mercator tile math (XYZ base map).
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);

export type Vec3 = [number, number, number];

export function toEcef(lonDeg: number, latDeg: number, h: number): Vec3 {
  const lon = (lonDeg * Math.PI) / 180;
  const lat = (latDeg * Math.PI) / 180;
  const n = A / Math.sqrt(1 - E2 * Math.sin(lat) ** 2);
  return [
    (n + h) * Math.cos(lat) * Math.cos(lon),
    (n + h) * Math.cos(lat) * Math.sin(lon),
    (n * (1 - E2) + h) * Math.sin(lat),
  ];
}

/** ECEF to geodetic (Bowring's iteration; sub-millimetre for points near the surface). */
export function fromEcef([x, y, z]: Vec3): { lon: number; lat: number; h: number } {
  const lon = Math.atan2(y, x);
  const p = Math.hypot(x, y);
  let lat = Math.atan2(z, p * (1 - E2));
  let h = 0;
  for (let i = 0; i < 6; i++) {
    const n = A / Math.sqrt(1 - E2 * Math.sin(lat) ** 2);
    h = p / Math.cos(lat) - n;
    lat = Math.atan2(z, p * (1 - (E2 * n) / (n + h)));
  }
  return { lon: (lon * 180) / Math.PI, lat: (lat * 180) / Math.PI, h };
}

/** The east, north and up unit vectors at a geodetic point, and its ECEF origin. */
export function enuFrame(lonDeg: number, latDeg: number) {
  const lon = (lonDeg * Math.PI) / 180;
  const lat = (latDeg * Math.PI) / 180;
  const east: Vec3 = [-Math.sin(lon), Math.cos(lon), 0];
  const north: Vec3 = [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)];
  const up: Vec3 = [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
  const origin = toEcef(lonDeg, latDeg, 0);
  return {
    east,
    north,
    up,
    origin,
    /** column-major 4x4 (3D Tiles `transform`): local ENU -> ECEF */
    matrix: [...east, 0, ...north, 0, ...up, 0, ...origin, 1],
    /** a geodetic point in this frame's east/north/up metres (exact, not a flat-earth estimate) */
    local(lonP: number, latP: number, h: number): Vec3 {
      const p = toEcef(lonP, latP, h);
      const d: Vec3 = [p[0] - origin[0], p[1] - origin[1], p[2] - origin[2]];
      const dot = (v: Vec3) => v[0] * d[0] + v[1] * d[1] + v[2] * d[2];
      return [dot(east), dot(north), dot(up)];
    },
  };
}

/** Applies a column-major 4x4 matrix to a point. */
export function transformPoint(m: number[], [x, y, z]: Vec3): Vec3 {
  const at = (i: number) => m[i] as number;
  return [
    at(0) * x + at(4) * y + at(8) * z + at(12),
    at(1) * x + at(5) * y + at(9) * z + at(13),
    at(2) * x + at(6) * y + at(10) * z + at(14),
  ];
}

// ---- Web Mercator XYZ tiles ----

export function lonToTileX(lon: number, z: number): number {
  return ((lon + 180) / 360) * 2 ** z;
}

export function latToTileY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
}

export function tileXToLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

export function tileYToLat(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

/** Tile index range [x0..x1] x [y0..y1] covering a lon/lat box at zoom z. */
export function tileRange(bounds: [number, number, number, number], z: number) {
  const [w, s, e, n] = bounds;
  return {
    x0: Math.floor(lonToTileX(w, z)),
    x1: Math.floor(lonToTileX(e, z)),
    y0: Math.floor(latToTileY(n, z)),
    y1: Math.floor(latToTileY(s, z)),
  };
}
