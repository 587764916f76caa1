// The live stream on the wire (see docs/adr/0008-live-stream-and-scale-out.md).
//
// Lossless: every workflow change is an outbox row with a global sequence number `seq`. The server sends
// them as `stream:events` batches `{from, to, events}`: "these are all the events in (from, to] that you
// may see, in seq order". A client keeps the last position it applied and asks `stream:resume` with it
// after every (re)connection; behind the retention window it gets a `stream:snapshot` first.
// Lossy: vehicle positions and sensor readings are coalesced per tick, filtered by the client's
// viewport and sent as volatile `live:positions` / `live:readings` batches.
import { z } from 'zod';
import { AlarmView } from './alarms';
import type { CaseColumns } from './case-columns';
import { CaseSummary } from './cases';
import { CameraStatus, DetectionView, IncidentView } from './city';

export const STREAM_TOPICS = ['case', 'alarm', 'incident', 'camera', 'detection', 'unit'] as const;
export type StreamTopic = (typeof STREAM_TOPICS)[number];

const Id = z.string().min(1);

export const CasePayload = z.looseObject({
  case: CaseSummary,
  /** case.escalated: reminder | urge | supervision */
  escalation: z.string().optional(),
  step: z.string().nullable().optional(),
  /** case.created: ids of possible duplicates */
  possibleDuplicates: z.array(z.string()).optional(),
});
export type CasePayload = z.infer<typeof CasePayload>;

export const AlarmPayload = z.looseObject({ alarm: AlarmView });
export type AlarmPayload = z.infer<typeof AlarmPayload>;

export const IncidentPayload = z.looseObject({ incident: IncidentView });
export type IncidentPayload = z.infer<typeof IncidentPayload>;

/**
 * A dispatch unit as the live picture carries it (emergency command, ADR 0013 and 0022): its status, the
 * incident it is committed to, and while it moves to the site the expected arrival (`etaAt`, ISO time,
 * by road from where it was when it set off; null otherwise).
 */
export const UnitLive = z.looseObject({
  id: Id,
  kind: z.string(),
  label: z.string(),
  departmentId: z.string().nullable(),
  status: z.string(),
  statusSince: z.string(),
  incidentId: z.string().nullable(),
  version: z.number().int(),
  etaAt: z.string().nullish(),
});
export type UnitLive = z.infer<typeof UnitLive>;

/** unit.status: a dispatch unit's status changed (topic `unit`, ADR 0022). */
export const UnitPayload = z.looseObject({ unit: UnitLive });
export type UnitPayload = z.infer<typeof UnitPayload>;

export const CameraStatusPayload = z.looseObject({
  camera: z.looseObject({ id: Id, status: CameraStatus, statusAt: z.string().nullish() }),
});

export const DetectionPayload = z.looseObject({ detection: DetectionView });

/** Payload schema of every event type the client knows; other types still flow (and advance the position). */
export const EVENT_PAYLOADS = {
  'case.created': CasePayload,
  'case.changed': CasePayload,
  'case.escalated': CasePayload,
  'alarm.raised': AlarmPayload,
  'alarm.escalated': AlarmPayload,
  'alarm.acknowledged': AlarmPayload,
  'alarm.confirmed': AlarmPayload,
  'alarm.linked': AlarmPayload,
  'alarm.false': AlarmPayload,
  'alarm.cleared': AlarmPayload,
  'incident.opened': IncidentPayload,
  'incident.changed': IncidentPayload,
  'incident.closed': IncidentPayload,
  'camera.status': CameraStatusPayload,
  'detection.created': DetectionPayload,
  'unit.status': UnitPayload,
} as const;
export type StreamEventType = keyof typeof EVENT_PAYLOADS;
export type EventPayload<T extends StreamEventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

/** One outbox row as the client sees it. */
export const StreamEvent = z.object({
  seq: z.number().int().positive(),
  topic: z.string(),
  type: z.string(),
  entityId: z.string(),
  /** ISO time the change was committed (server clock) */
  at: z.string(),
  payload: z.unknown(),
});
export type StreamEvent = z.infer<typeof StreamEvent>;

/** A typed view of an event of a known type (see `typedEvent`). */
export type TypedStreamEvent = {
  [T in StreamEventType]: Omit<StreamEvent, 'type' | 'payload'> & { type: T; payload: EventPayload<T> };
}[StreamEventType];

/** The payload checked against its type's schema; null for unknown types or payloads that do not match. */
export function typedEvent(event: StreamEvent): TypedStreamEvent | null {
  const schema = (EVENT_PAYLOADS as Record<string, z.ZodType>)[event.type];
  if (!schema) return null;
  const parsed = schema.safeParse(event.payload);
  return parsed.success ? ({ ...event, payload: parsed.data } as TypedStreamEvent) : null;
}

export const StreamBatch = z
  .object({
    /** exclusive: the batch continues a stream the client has applied up to `from` */
    from: z.number().int().nonnegative(),
    /** inclusive: after applying the batch the client's position is `to` */
    to: z.number().int().nonnegative(),
    events: z.array(StreamEvent),
  })
  .refine((b) => b.from <= b.to, 'from must not exceed to');
export type StreamBatch = z.infer<typeof StreamBatch>;

/**
 * What the socket may see as of `headSeq`: active cases (not closed or voided), active alarms, incidents,
 * and the dispatch units committed to an incident (absent from servers before ADR 0022: none).
 */
export const StreamSnapshot = z.object({
  headSeq: z.number().int().nonnegative(),
  at: z.string(),
  cases: z.array(CaseSummary),
  alarms: z.array(AlarmView),
  incidents: z.array(IncidentView),
  units: z.array(UnitLive).optional(),
});
export type StreamSnapshot = z.infer<typeof StreamSnapshot>;

/**
 * A snapshot as sent: with `cases`, or, to a client that asked for columns in the handshake, with
 * `caseColumns` instead (contract/case-columns.ts). The client helper turns both into a StreamSnapshot.
 */
export type StreamSnapshotWire =
  StreamSnapshot | (Omit<StreamSnapshot, 'cases'> & { cases?: undefined; caseColumns: CaseColumns });

export const ResumeRequest = z
  .object({
    /** the last position the client applied; null for a first connection (snapshot, then live) */
    lastSeq: z.number().int().nonnegative().nullable(),
  })
  .strict();
export type ResumeRequest = z.infer<typeof ResumeRequest>;

export interface ResumeResult {
  /** replay: only the missed events were sent; snapshot: a snapshot then the tail */
  mode: 'replay' | 'snapshot';
  /** the client's position once it has applied what was sent before this answer */
  headSeq: number;
  /** number of events sent for this resume (after the snapshot, if any) */
  replayed: number;
}

// ---- transient layers ----

export const TRANSIENT_LAYERS = ['vehicle.position', 'sensor.reading'] as const;
export const TransientLayer = z.enum(TRANSIENT_LAYERS);
export type TransientLayer = z.infer<typeof TransientLayer>;

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);

/** [west, south, east, north] in degrees (WGS 84) */
export const Bbox = z
  .tuple([Lon, Lat, Lon, Lat])
  .refine(
    ([w, s, e, n]) => w <= e && s <= n,
    'bbox is [west, south, east, north] with west <= east, south <= north',
  );
export type Bbox = z.infer<typeof Bbox>;

export const ViewportRequest = z
  .object({
    /** null: send no transient data */
    bbox: Bbox.nullable(),
    /** which layers to receive (default: all) */
    layers: z.array(TransientLayer).max(TRANSIENT_LAYERS.length).optional(),
  })
  .strict();
export type ViewportRequest = z.infer<typeof ViewportRequest>;

export const VehiclePosition = z.looseObject({
  id: Id,
  lon: z.number(),
  lat: z.number(),
  at: z.string(),
  /** vehicle | inspector */
  kind: z.string().optional(),
  heading: z.number().optional(),
  speedKmh: z.number().optional(),
  status: z.string().optional(),
  departmentId: z.string().nullish(),
});
export type VehiclePosition = z.infer<typeof VehiclePosition>;

export const LiveReading = z.looseObject({
  /** sensor id */
  id: Id,
  lon: z.number(),
  lat: z.number(),
  at: z.string(),
  value: z.number().optional(),
  /** sensor family (contract/alarms.ts SENSOR_TYPES) */
  type: z.string().optional(),
  /** alarm level of the sensor now, null when normal */
  level: z.number().nullish(),
  unit: z.string().optional(),
  departmentId: z.string().nullish(),
});
export type LiveReading = z.infer<typeof LiveReading>;
