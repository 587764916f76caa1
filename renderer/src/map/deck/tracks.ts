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

/** The city's clock: China Standard Time, no daylight saving (the evaluation's local days too). */
export const CITY_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The city's local day (YYYY-MM-DD) of an instant, `back` days earlier. */
export const cityDay = (ms: number, back = 0): string =>
  new Date(ms + CITY_OFFSET_MS - back * DAY_MS).toISOString().slice(0, 10);

export interface DayWindow {
  fromMs: number;
  toMs: number;
  /** seconds from `fromMs` to `toMs`: the TripsLayer's time span */
  periodS: number;
}

/**
 * A local day (YYYY-MM-DD, 00:00–24:00 city time) as a tracks period; today ends now (the rest has not
 * happened), a future day or a malformed one is null.
 */
export function dayWindow(day: string, nowMs: number): DayWindow | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const fromMs = Date.parse(`${day}T00:00:00+08:00`);
  if (!Number.isFinite(fromMs) || fromMs >= nowMs) return null;
  const toMs = Math.min(fromMs + DAY_MS, nowMs);
  return { fromMs, toMs, periodS: (toMs - fromMs) / 1000 };
}

/** The days a chooser offers: the `keptDays` newest days of GPS history, today first. */
export const keptDayList = (nowMs: number, keptDays: number): string[] =>
  Array.from({ length: Math.max(1, Math.floor(keptDays)) }, (_, i) => cityDay(nowMs, i));

/** A day plays in two minutes; a shorter period (the last hour, today's morning) in at least one. */
export const loopMsOf = (periodS: number): number =>
  Math.round(Math.max(60_000, (periodS / 86_400) * 120_000));

/** City time HH:MM of a moment `t` seconds into a period starting at `fromMs`. */
export const clockLabel = (fromMs: number, t: number): string =>
  new Date(fromMs + t * 1000 + CITY_OFFSET_MS).toISOString().slice(11, 16);
