// A pure model of what the live stream describes: the active cases, alarms and incidents a user may see,
// the dispatch units committed to an incident, and the position it is current to. `applySnapshot`
// replaces it; `applyEvents` folds a batch of events in (copying each map at most once per batch). The renderer may use it as is or as the reference for its own
// store slice; the tests use it to compare clients.
import { ACTIVE_ALARM_STATUSES, type AlarmView } from './alarms';
import type { CaseSummary } from './cases';
import type { IncidentView } from './city';
import {
  typedEvent,
  type AlarmPayload,
  type CasePayload,
  type IncidentPayload,
  type StreamEvent,
  type StreamSnapshot,
  type TypedStreamEvent,
  type UnitLive,
  type UnitPayload,
} from './stream';

export interface LiveState {
  seq: number | null;
  cases: ReadonlyMap<string, CaseSummary>;
  alarms: ReadonlyMap<string, AlarmView>;
  incidents: ReadonlyMap<string, IncidentView>;
  /** dispatch units committed to an incident, by unit id (a released unit leaves) */
  units: ReadonlyMap<string, UnitLive>;
}

/** Cases in these states leave the live picture (the snapshot does not carry them either). */
export const FINISHED_CASE_STATES: ReadonlySet<string> = new Set(['closed', 'voided']);

export const emptyLiveState = (): LiveState => ({
  seq: null,
  cases: new Map(),
  alarms: new Map(),
  incidents: new Map(),
  units: new Map(),
});

export function applySnapshot(_state: LiveState, snapshot: StreamSnapshot): LiveState {
  return {
    seq: snapshot.headSeq,
    cases: new Map(snapshot.cases.map((c) => [c.id, c])),
    alarms: new Map(snapshot.alarms.map((a) => [a.id, a])),
    incidents: new Map(snapshot.incidents.map((i) => [i.id, i])),
    // a snapshot from a server before the unit topic has none (and an unvalidated one may lack the field)
    units: new Map((snapshot.units ?? []).map((u) => [u.id, u])),
  };
}

/** An event whose payload was checked once (`checkEvent`): `typed` is null when it did not pass. */
export interface CheckedEvent {
  seq: number;
  typed: TypedStreamEvent | null;
}

export const checkEvent = (event: StreamEvent): CheckedEvent => ({
  seq: event.seq,
  typed: typedEvent(event),
});

export function applyEvents(state: LiveState, events: readonly StreamEvent[]): LiveState {
  return applyCheckedEvents(state, events.map(checkEvent));
}

/**
 * `applyEvents` for events already checked (a client that also looks at each payload as it arrives
 * checks it once, then folds the batch). An event that did not pass still moves the position on.
 */
export function applyCheckedEvents(state: LiveState, events: readonly CheckedEvent[]): LiveState {
  let cases: Map<string, CaseSummary> | null = null;
  let alarms: Map<string, AlarmView> | null = null;
  let incidents: Map<string, IncidentView> | null = null;
  let units: Map<string, UnitLive> | null = null;
  let seq = state.seq;
  for (const { seq: at, typed: event } of events) {
    if (seq !== null && at <= seq) continue;
    seq = at;
    if (!event) continue;
    // typedEvent checked the payload against the schema of its type, so the prefix tells its shape.
    if (event.type.startsWith('case.')) {
      const next = (event.payload as CasePayload).case;
      cases ??= new Map(state.cases);
      const current = cases.get(next.id);
      if (current && current.version > next.version) continue;
      if (FINISHED_CASE_STATES.has(next.state)) cases.delete(next.id);
      else cases.set(next.id, next);
    } else if (event.type.startsWith('alarm.')) {
      const next = (event.payload as AlarmPayload).alarm;
      alarms ??= new Map(state.alarms);
      const current = alarms.get(next.id);
      if (current && current.version > next.version) continue;
      if (ACTIVE_ALARM_STATUSES.includes(next.status)) alarms.set(next.id, next);
      else alarms.delete(next.id);
    } else if (event.type.startsWith('incident.')) {
      const next = (event.payload as IncidentPayload).incident;
      incidents ??= new Map(state.incidents);
      if (next.status === 'closed') incidents.delete(next.id);
      else incidents.set(next.id, next);
    } else if (event.type.startsWith('unit.')) {
      const next = (event.payload as UnitPayload).unit;
      units ??= new Map(state.units);
      const current = units.get(next.id);
      if (current && current.version > next.version) continue;
      if (next.incidentId === null) units.delete(next.id);
      else units.set(next.id, next);
    }
  }
  return {
    seq,
    cases: cases ?? state.cases,
    alarms: alarms ?? state.alarms,
    incidents: incidents ?? state.incidents,
    units: units ?? state.units,
  };
}
