// The playback cursor: the time bar's position, the state shown there and the loaded events and GPS fixes
// ahead of it. Playing forward is `stepTo` (folds only the events between two frames, by the same fold as
// the live picture); going back, or beyond what is loaded, needs a seek (the server's state at T).
// Pure and allocation-light: one step at 600x covers 10 s of city time per frame at 60 fps.
import { ACTIVE_ALARM_STATUSES, type AlarmView } from './alarms';
import type { CaseSummary } from './cases';
import type { IncidentView } from './city';
import { checkEvent, FINISHED_CASE_STATES, type CheckedEvent, type LiveState } from './live-state';
import { FIX_STALE_MS, type PlaybackFix, type PlaybackState } from './playback';
import type { AlarmPayload, CasePayload, IncidentPayload, StreamEvent } from './stream';

export interface LoadedEvent extends CheckedEvent {
  atMs: number;
}

export interface LoadedFix extends PlaybackFix {
  atMs: number;
}

interface MutableState {
  seq: number | null;
  cases: Map<string, CaseSummary>;
  alarms: Map<string, AlarmView>;
  incidents: Map<string, IncidentView>;
}

export interface PlaybackCursor {
  atMs: number;
  /** grows whenever a step changed the state or the vehicles (the maps change in place) */
  version: number;
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
  const state: MutableState = {
    seq: seek.state.seq,
    cases: new Map(seek.state.cases),
    alarms: new Map(seek.state.alarms),
    incidents: new Map(seek.state.incidents),
  };
  return { atMs: seek.atMs, version: 0, state, vehicles, events, nextEvent, fixes, nextFix, loadedToMs };
}

/**
 * Folds events into the cursor's own maps in place: the rules of live-state's `applyCheckedEvents`
 * (newer versions win, finished cases, inactive alarms and closed incidents leave the picture) without
 * copying 10,000 cases per frame. The cursor owns its maps (`cursorAt` copies the seek's), and the unit
 * test checks this against the shared fold at every step.
 */
function foldInPlace(state: MutableState, events: readonly LoadedEvent[], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const { seq: at, typed: event } = events[i] as LoadedEvent;
    if (state.seq !== null && at <= state.seq) continue;
    state.seq = at;
    if (!event) continue;
    if (event.type.startsWith('case.')) {
      const next = (event.payload as CasePayload).case;
      const current = state.cases.get(next.id);
      if (current && current.version > next.version) continue;
      if (FINISHED_CASE_STATES.has(next.state)) state.cases.delete(next.id);
      else state.cases.set(next.id, next);
    } else if (event.type.startsWith('alarm.')) {
      const next = (event.payload as AlarmPayload).alarm;
      const current = state.alarms.get(next.id);
      if (current && current.version > next.version) continue;
      if (ACTIVE_ALARM_STATUSES.includes(next.status)) state.alarms.set(next.id, next);
      else state.alarms.delete(next.id);
    } else if (event.type !== 'incident.unit' && event.type.startsWith('incident.')) {
      // incident.unit carries a dispatch unit, not the incident (as in live-state's fold)
      const next = (event.payload as IncidentPayload).incident;
      if (next.status === 'closed') state.incidents.delete(next.id);
      else state.incidents.set(next.id, next);
    }
  }
}

/**
 * The cursor moved forward to `atMs` (null when that needs a seek: backwards or beyond what is loaded).
 * The state's maps are the cursor's own and change in place; `version` grows when anything changed.
 */
export function stepTo(cursor: PlaybackCursor, atMs: number): PlaybackCursor | null {
  if (atMs < cursor.atMs || atMs > cursor.loadedToMs) return null;
  let end = cursor.nextEvent;
  while (end < cursor.events.length && (cursor.events[end] as LoadedEvent).atMs <= atMs) end++;
  const state = cursor.state as MutableState;
  if (end > cursor.nextEvent) foldInPlace(state, cursor.events, cursor.nextEvent, end);
  let fixEnd = cursor.nextFix;
  while (fixEnd < cursor.fixes.length && (cursor.fixes[fixEnd] as LoadedFix).atMs <= atMs) fixEnd++;
  const vehicles = cursor.vehicles as Map<string, LoadedFix>;
  for (let i = cursor.nextFix; i < fixEnd; i++) {
    const f = cursor.fixes[i] as LoadedFix;
    vehicles.set(f.vehicleId, f);
  }
  for (const [id, v] of vehicles) if (v.atMs <= atMs - FIX_STALE_MS) vehicles.delete(id);
  const changed = end > cursor.nextEvent || fixEnd > cursor.nextFix;
  cursor.atMs = atMs;
  cursor.nextEvent = end;
  cursor.nextFix = fixEnd;
  if (changed) cursor.version++;
  return cursor;
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
