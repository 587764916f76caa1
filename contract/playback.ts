// Playback (回放): the state of the city at a past moment, folded from the archived stream events by the
// same pure fold as the live picture (`applyCheckedEvents` of live-state.ts), plus vehicle positions from
// the downsampled GPS history. Pure: the server folds keyframes with it, the renderer steps with it, the
// tests compare both against a plain fold from the first event.
import { z } from 'zod';
import { AlarmView } from './alarms';
import { decodeCaseColumns, encodeCaseColumns, type CaseColumns } from './case-columns';
import { CaseSummary } from './cases';
import { IncidentView } from './city';
import {
  applyCheckedEvents,
  checkEvent,
  emptyLiveState,
  type CheckedEvent,
  type LiveState,
} from './live-state';
import { StreamEvent, UnitLive } from './stream';

/** Speeds the time bar offers (city seconds per wall-clock second). */
export const PLAYBACK_SPEEDS = [1, 10, 60, 600, 3600] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

/** A vehicle fix older than this at T is not shown at T (the vehicle was off or out of coverage). */
export const FIX_STALE_MS = 60_000;

export const PlaybackFix = z.object({
  vehicleId: z.string(),
  /** ISO time */
  at: z.string(),
  lon: z.number(),
  lat: z.number(),
  heading: z.number(),
  speedKmh: z.number(),
});
export type PlaybackFix = z.infer<typeof PlaybackFix>;

/** GET /api/playback/state?at=ISO: the city at `at`. */
export const PlaybackState = z.object({
  at: z.string(),
  /** the last archived event folded in (0: none) */
  seq: z.number().int().nonnegative(),
  cases: z.array(CaseSummary),
  alarms: z.array(AlarmView),
  incidents: z.array(IncidentView),
  vehicles: z.array(PlaybackFix),
  /** dispatch units committed to an incident at `at` */
  units: z.array(UnitLive).optional(),
});
export type PlaybackState = z.infer<typeof PlaybackState>;

/** GET /api/playback/events?from=&to=: the archived events of a period, in seq order (`at` ascending). */
export const PlaybackEvents = z.object({
  from: z.string(),
  to: z.string(),
  events: z.array(StreamEvent),
  /** true when the period held more than the limit: ask again from the last event's time */
  truncated: z.boolean(),
});
export type PlaybackEvents = z.infer<typeof PlaybackEvents>;

/** GET /api/playback/tracks?from=&to=: the GPS fixes of a period, in time order. */
export const PlaybackTracks = z.object({
  from: z.string(),
  to: z.string(),
  fixes: z.array(PlaybackFix),
  truncated: z.boolean(),
  /** the team asked for (`team=`), when one was */
  team: z.string().optional(),
  /** how many days of GPS history the server keeps (GPS_HISTORY_DAYS): the days a chooser offers */
  keptDays: z.number().int().positive().optional(),
});
export type PlaybackTracks = z.infer<typeof PlaybackTracks>;

/** Query of the period endpoints: ISO times, `from` before `to`. */
export const PlaybackPeriodQuery = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), 'from must be before to');

/** A tracks period longer than this is refused (ask for it in parts). */
export const TRACKS_MAX_SPAN_MS = 32 * 86_400_000;
const EntityId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'an id of letters, digits, "_", "-", "." or ":" (at most 64)');
/** `vehicle=a,b` or `vehicle=a&vehicle=b`: at most 200 vehicle ids. */
const VehicleIds = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
  z.array(EntityId).min(1, 'name at least one vehicle').max(200, 'at most 200 vehicles at once'),
);

/**
 * GET /api/playback/tracks: a period (ISO times, `from` before `to`, at most 32 days) and optionally the
 * vehicles of one team (`team`, a team id of GET /api/vehicles) and/or chosen vehicles (`vehicle`).
 */
export const PlaybackTracksQuery = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    team: EntityId.optional(),
    vehicle: VehicleIds.optional(),
  })
  .strict()
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= TRACKS_MAX_SPAN_MS, {
    message: 'at most 32 days at once; ask for a longer period in parts',
    path: ['to'],
  });
export type PlaybackTracksQuery = z.infer<typeof PlaybackTracksQuery>;

export const PlaybackAtQuery = z.object({
  at: z.iso.datetime({ offset: true }),
  /** `frame`: the newest keyframe at or before `at` and the events after it, for the client to fold
   * (contract/playback-answer.ts; what the renderer asks: no decode and re-encode on the server) */
  form: z.enum(['frame']).optional(),
});

/**
 * Folds archived events onto a state. Events are taken in seq order; the archive's `at` never goes back in
 * seq order, so the events up to T are a prefix. Unlike the live stream a replay may start from any state,
 * so the position check only skips events at or before the state's own seq.
 */
export function foldEvents(state: LiveState, events: readonly CheckedEvent[]): LiveState {
  return applyCheckedEvents(state, events);
}

/** The state at `atMs` folded from nothing: the definition every faster path must agree with. */
export function stateFromScratch(events: readonly StreamEvent[], atMs: number): LiveState {
  const upTo = events.filter((e) => Date.parse(e.at) <= atMs).map(checkEvent);
  return foldEvents(emptyLiveState(), upTo);
}

/**
 * A keyframe as stored (JSON, gzip on disk): the state after every event with seq <= `seq`. Frames are
 * written with the cases in columns (`caseColumns`, a sixth of the JSON to parse); frames written before
 * that have `cases`.
 */
export interface FrameData {
  seq: number;
  cases?: CaseSummary[];
  caseColumns?: CaseColumns;
  alarms: AlarmView[];
  incidents: IncidentView[];
  /** committed dispatch units (absent in frames written before the unit topic, ADR 0022) */
  units?: UnitLive[];
}

const rest = (state: LiveState) => ({
  seq: state.seq ?? 0,
  alarms: [...state.alarms.values()],
  incidents: [...state.incidents.values()],
  units: [...state.units.values()],
});

export const toFrame = (state: LiveState): FrameData => ({
  ...rest(state),
  caseColumns: encodeCaseColumns([...state.cases.values()]),
});

/** The frame's cases: `cases`, or rebuilt from `caseColumns` (written by `toFrame` from checked cases). */
const casesOf = (frame: FrameData): CaseSummary[] => {
  if (frame.cases) return frame.cases;
  const cases = frame.caseColumns ? decodeCaseColumns(frame.caseColumns) : [];
  if (!cases) throw new Error('malformed keyframe: case columns');
  return cases as unknown as CaseSummary[];
};

export const fromFrame = (frame: FrameData): LiveState => ({
  seq: frame.seq || null,
  cases: new Map(casesOf(frame).map((c) => [c.id, c])),
  alarms: new Map(frame.alarms.map((a) => [a.id, a])),
  incidents: new Map(frame.incidents.map((i) => [i.id, i])),
  units: new Map((frame.units ?? []).map((u) => [u.id, u])),
});

/** The last fix of each vehicle in (atMs - FIX_STALE_MS, atMs]; `fixes` in time order. */
export function vehiclesAt(fixes: readonly PlaybackFix[], atMs: number): PlaybackFix[] {
  const latest = new Map<string, PlaybackFix>();
  for (const f of fixes) {
    const t = Date.parse(f.at);
    if (t > atMs) break;
    if (t > atMs - FIX_STALE_MS) latest.set(f.vehicleId, f);
  }
  return [...latest.values()];
}

export const toPlaybackState = (state: LiveState, atMs: number, vehicles: PlaybackFix[]): PlaybackState => ({
  ...rest(state),
  cases: [...state.cases.values()],
  at: new Date(atMs).toISOString(),
  vehicles,
});
