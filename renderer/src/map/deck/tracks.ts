// Vehicle tracks for a deck.gl TripsLayer, as plain functions (no deck.gl, no DOM): the GPS history of a
// period (GET /api/playback/tracks, fixes in time order) grouped into one trip per vehicle, projected to
// the analytic view's metres, timed in seconds from the period's start and coloured by vehicle kind.
import type { TeamKind } from '@contract/city';
import type { PlaybackFix } from '@contract/playback';
import { project } from './heat';

export type Rgb = [number, number, number];

/** One colour per vehicle kind (the team kinds), and one for vehicles of unknown kind. */
export const KIND_COLORS: Readonly<Record<TeamKind, Rgb>> = {
  sanitation: [34, 197, 94],
  enforcement: [59, 130, 246],
  repair: [249, 115, 22],
  emergency: [239, 68, 68],
};
export const OTHER_COLOR: Rgb = [203, 213, 225];

export const kindColor = (kind: string | undefined): Rgb =>
  (kind && (KIND_COLORS as Record<string, Rgb>)[kind]) || OTHER_COLOR;

export interface Trip {
  vehicleId: string;
  kind: string | null;
  /** metres east / north of the city centre */
  path: [number, number][];
  /** seconds since the period's start, one per point */
  timestamps: number[];
  color: Rgb;
}

/** A vehicle silent for longer than this starts a new trip (no straight line across the gap). */
export const TRIP_GAP_S = 300;

export function tripsOf(
  fixes: readonly PlaybackFix[],
  kinds: ReadonlyMap<string, string>,
  centre: { lon: number; lat: number },
  fromMs: number,
): Trip[] {
  const open = new Map<string, Trip>();
  const trips: Trip[] = [];
  for (const f of fixes) {
    const t = (Date.parse(f.at) - fromMs) / 1000;
    if (!Number.isFinite(t) || !Number.isFinite(f.lon) || !Number.isFinite(f.lat)) continue;
    let trip = open.get(f.vehicleId);
    const last = trip?.timestamps.at(-1);
    if (!trip || last === undefined || t - last > TRIP_GAP_S || t < last) {
      const kind = kinds.get(f.vehicleId) ?? null;
      trip = { vehicleId: f.vehicleId, kind, path: [], timestamps: [], color: kindColor(kind ?? undefined) };
      open.set(f.vehicleId, trip);
      trips.push(trip);
    }
    trip.path.push(project(f.lon, f.lat, centre));
    trip.timestamps.push(t);
  }
  return trips.filter((trip) => trip.path.length >= 2);
}

/** The animation's clock: the period of `periodS` city seconds played in `loopMs` wall milliseconds. */
export const loopTime = (nowMs: number, periodS: number, loopMs: number): number =>
  ((nowMs % loopMs) / loopMs) * periodS;
