// IoT sensors, readings and alarms on the wire: ingest bodies (validated at the edge), alarm views for
// REST and the live stream (outbox topic 'alarm': alarm.raised | alarm.escalated | alarm.acknowledged |
// alarm.confirmed | alarm.linked | alarm.false | alarm.cleared), and the operators' decisions.
import { z } from 'zod';

export const SENSOR_TYPES = [
  'gas',
  'water_pressure',
  'drainage_level',
  'heating_temp',
  'bridge_strain',
  'bridge_tilt',
  'manhole_cover',
  'street_light',
  'septic_gas',
] as const;
export const SensorType = z.enum(SENSOR_TYPES);
export type SensorType = z.infer<typeof SensorType>;

export const ALARM_STATUSES = ['open', 'acknowledged', 'confirmed', 'false', 'cleared'] as const;
export const AlarmStatus = z.enum(ALARM_STATUSES);
export type AlarmStatus = z.infer<typeof AlarmStatus>;

/** open and acknowledged alarms still need a person; the others are decided or over */
export const ACTIVE_ALARM_STATUSES: AlarmStatus[] = ['open', 'acknowledged'];

export const AlarmKind = z.enum(['threshold', 'offline']);
export type AlarmKind = z.infer<typeof AlarmKind>;

const IsoTime = z.iso.datetime({ offset: true, error: 'an ISO 8601 time, e.g. 2026-11-23T10:00:00+08:00' });

/** One sensor reading. `at` defaults to the time the server receives it. */
export const SensorReading = z
  .object({
    sensorId: z.string().trim().min(1).max(40),
    value: z.number().finite('value must be a finite number'),
    at: IsoTime.optional(),
  })
  .strict();
export type SensorReading = z.infer<typeof SensorReading>;

/** POST /api/ingest/readings */
export const ReadingBatch = z
  .object({
    readings: z
      .array(SensorReading)
      .min(1, 'readings is empty')
      .max(5000, 'at most 5,000 readings per batch: split it'),
  })
  .strict();
export type ReadingBatch = z.infer<typeof ReadingBatch>;

export const AlarmView = z.object({
  id: z.string(),
  sensorId: z.string(),
  sensorType: SensorType,
  sensorName: z.string(),
  kind: AlarmKind,
  /** 1 一级/红 critical, 2 二级/橙 major, 3 三级/黄 minor, 4 四级/蓝 notice */
  level: z.number().int().min(1).max(4),
  status: AlarmStatus,
  direction: z.enum(['above', 'below']).nullable(),
  threshold: z.number().nullable(),
  value: z.number().nullable(),
  peak: z.number().nullable(),
  count: z.number().int(),
  unit: z.string(),
  lon: z.number(),
  lat: z.number(),
  districtCode: z.string().nullable(),
  gridCellId: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  clearedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  note: z.string(),
  caseId: z.string().nullable(),
  incidentId: z.string().nullable(),
  drill: z.boolean(),
  version: z.number().int(),
});
export type AlarmView = z.infer<typeof AlarmView>;

export const AlarmListQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(AlarmStatus).optional()),
  level: z.coerce.number().int().min(1).max(4).optional(),
  sensorType: SensorType.optional(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/, 'districtCode is 6 digits')
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type AlarmListQuery = z.infer<typeof AlarmListQuery>;

/** POST /api/alarms/:id/acknowledge and /false: version guards against acting on a stale view */
export const AlarmNoteBody = z
  .object({
    version: z.number().int().positive().optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type AlarmNoteBody = z.infer<typeof AlarmNoteBody>;

/** POST /api/alarms/:id/confirm: the alarm is real; it becomes a case or an emergency incident */
export const AlarmConfirmBody = z
  .object({
    version: z.number().int().positive().optional(),
    as: z.enum(['case', 'incident']).default('case'),
    note: z.string().trim().max(2000).optional(),
    /** overrides the category chosen from the sensor family */
    categoryId: z.string().trim().max(40).optional(),
    /** incident severity 1..4 (defaults to the alarm level) */
    severity: z.number().int().min(1).max(4).optional(),
    title: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type AlarmConfirmBody = z.infer<typeof AlarmConfirmBody>;
