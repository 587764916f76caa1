// The playback cursor: the time bar's position, the state shown there and the loaded events and GPS fixes
// ahead of it. Playing forward is `stepTo` (folds only the events between two frames, by the same fold as
// the live picture); going back, or beyond what is loaded, needs a seek (the server's state at T).
// Pure and allocation-light: one step at 600x covers 10 s of city time per frame at 60 fps.
import { checkEvent, type CheckedEvent, type LiveState } from './live-state';
import { FIX_STALE_MS, foldEvents, type PlaybackFix, type PlaybackState } from './playback';
import type { StreamEvent } from './stream';

export interface LoadedEvent extends CheckedEvent {
  atMs: number;
}

export interface LoadedFix extends PlaybackFix {
  atMs: number;
}

export interface PlaybackCursor {
  atMs: number;
  state: LiveState;
  /** vehicles shown: the last fix of each in (atMs - FIX_STALE_MS, atMs] */
  vehicles: ReadonlyMap<string, LoadedFix>;
  /** loaded events (seq order, `atMs` ascending) and the index of the first not folded yet */
  events: readonly LoadedEvent[];
  nextEvent: number;
  /** loaded fixes (time order) and the index of the first not applied yet */
  fixes: readonly LoadedFix[];
  nextFix: number;
  /** the cursor may step forward up to here without a seek */
  loadedToMs: number;
}

export const loadEvents = (events: readonly StreamEvent[]): LoadedEvent[] =>
  events.map((e) => ({ ...checkEvent(e), atMs: Date.parse(e.at) }));

export const loadFixes = (fixes: readonly PlaybackFix[]): LoadedFix[] =>
  fixes.map((f) => ({ ...f, atMs: Date.parse(f.at) }));

/** A cursor at a seek result, with the events and fixes loaded after it (up to `loadedToMs`). */
export function cursorAt(
  seek: { atMs: number; state: LiveState; vehicles: readonly PlaybackFix[] },
  events: readonly LoadedEvent[],
  fixes: readonly LoadedFix[],
  loadedToMs: number,
): PlaybackCursor {
  let nextEvent = 0;
  while (nextEvent < events.length && (events[nextEvent] as LoadedEvent).atMs <= seek.atMs) nextEvent++;
  let nextFix = 0;
  while (nextFix < fixes.length && (fixes[nextFix] as LoadedFix).atMs <= seek.atMs) nextFix++;
  const vehicles = new Map(seek.vehicles.map((v) => [v.vehicleId, { ...v, atMs: Date.parse(v.at) }]));
  return { atMs: seek.atMs, state: seek.state, vehicles, events, nextEvent, fixes, nextFix, loadedToMs };
}

/** The cursor moved forward to `atMs`; null when that needs a seek (backwards or beyond what is loaded). */
export function stepTo(cursor: PlaybackCursor, atMs: number): PlaybackCursor | null {
  if (atMs < cursor.atMs || atMs > cursor.loadedToMs) return null;
  let end = cursor.nextEvent;
  while (end < cursor.events.length && (cursor.events[end] as LoadedEvent).atMs <= atMs) end++;
  const state =
    end > cursor.nextEvent
      ? foldEvents(cursor.state, cursor.events.slice(cursor.nextEvent, end))
      : cursor.state;
  let fixEnd = cursor.nextFix;
  while (fixEnd < cursor.fixes.length && (cursor.fixes[fixEnd] as LoadedFix).atMs <= atMs) fixEnd++;
  let vehicles = cursor.vehicles;
  let stale = false;
  for (const v of vehicles.values()) if (v.atMs <= atMs - FIX_STALE_MS) stale = true;
  if (fixEnd > cursor.nextFix || stale) {
    const next = new Map(vehicles);
    for (let i = cursor.nextFix; i < fixEnd; i++) {
      const f = cursor.fixes[i] as LoadedFix;
      next.set(f.vehicleId, f);
    }
    for (const [id, v] of next) if (v.atMs <= atMs - FIX_STALE_MS) next.delete(id);
    vehicles = next;
  }
  return { ...cursor, atMs, state, vehicles, nextEvent: end, nextFix: fixEnd };
}

/** What the map and the counters show at the cursor (the shape of the server's state at T). */
export const cursorView = (cursor: PlaybackCursor): PlaybackState => ({
  at: new Date(cursor.atMs).toISOString(),
  seq: cursor.state.seq ?? 0,
  cases: [...cursor.state.cases.values()],
  alarms: [...cursor.state.alarms.values()],
  incidents: [...cursor.state.incidents.values()],
  vehicles: [...cursor.vehicles.values()].map(({ atMs: _a, ...v }) => v),
});
