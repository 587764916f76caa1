// Vehicle tracks shown in playback, as plain data: for each vehicle the fixes of the last TRACK_TAIL_MS
// up to the moment shown. A seek rebuilds them from the fixes loaded around T; a forward step appends only
// the fixes of that step and drops those that aged out (work proportional to the step, not to the fleet's
// history). The track layer (map/layers/trackLayer.ts) draws what `advance` reports as changed.

/** How much of each vehicle's track the map shows behind it. */
export const TRACK_TAIL_MS = 10 * 60_000;

export interface TrackPoint {
  lon: number;
  lat: number;
  atMs: number;
}

/** Tails by vehicle id, oldest point first. The maps and arrays change in place; points may be the fixes. */
export type Tails = Map<string, TrackPoint[]>;

interface FixLike {
  vehicleId: string;
  lon: number;
  lat: number;
  atMs: number;
}

/** The tails at `atMs` from fixes in time order (those after `atMs` are ignored). */
export function tailsAt(fixes: readonly FixLike[], atMs: number, tailMs = TRACK_TAIL_MS): Tails {
  const tails: Tails = new Map();
  for (const f of fixes) {
    if (f.atMs > atMs) break;
    if (f.atMs <= atMs - tailMs) continue;
    const tail = tails.get(f.vehicleId);
    const point = { lon: f.lon, lat: f.lat, atMs: f.atMs };
    if (tail) tail.push(point);
    else tails.set(f.vehicleId, [point]);
  }
  return tails;
}

/**
 * A forward step to `atMs` with the fixes it applied (time order): appends them, drops points older than
 * the tail, and returns the ids whose tail changed. Vehicles whose tail emptied are removed.
 */
export function advance(
  tails: Tails,
  fixes: readonly FixLike[],
  atMs: number,
  tailMs = TRACK_TAIL_MS,
): Set<string> {
  const changed = new Set<string>();
  // The fix itself is the point (a loaded fix is never changed): no allocation per fix at 600x.
  for (const f of fixes) {
    if (f.atMs > atMs) break;
    const tail = tails.get(f.vehicleId);
    if (tail) tail.push(f);
    else tails.set(f.vehicleId, [f]);
    changed.add(f.vehicleId);
  }
  const cut = atMs - tailMs;
  for (const [id, tail] of tails) {
    if ((tail[0] as TrackPoint).atMs > cut) continue;
    let drop = 1;
    while (drop < tail.length && (tail[drop] as TrackPoint).atMs <= cut) drop++;
    changed.add(id);
    if (drop === tail.length) tails.delete(id);
    else if (drop === 1) tail.shift();
    else tail.splice(0, drop);
  }
  return changed;
}
