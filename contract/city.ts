// City inventory and machine channels on the wire: cameras (GB/T 28181 video points), sensors,
// vehicles and teams, parts, video-AI detections, GPS positions and incidents. Ingest bodies are
// validated at the edge; views are what the map layers draw.
import { z } from 'zod';
import { SensorType } from './alarms';

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
const IsoTime = z.iso.datetime({ offset: true, error: 'an ISO 8601 time, e.g. 2026-11-23T10:00:00+08:00' });
const Url = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^(https?:\/\/|\/)/.test(u), 'must be an http(s) URL or a path starting with /');

export const CAMERA_OWNERS = ['skynet', 'traffic', 'river', 'sanitation', 'construction'] as const;
export const CameraOwner = z.enum(CAMERA_OWNERS);
export type CameraOwner = z.infer<typeof CameraOwner>;

export const CameraStatus = z.enum(['online', 'offline', 'fault']);
export type CameraStatus = z.infer<typeof CameraStatus>;

/** 20 digits: centre code 8 + industry 2 + type 3 (131 camera, 132 IP camera) + network 1 + serial 6 */
export const CameraId = z
  .string()
  .regex(/^\d{8}\d{2}13[12]\d{7}$/, 'a 20-digit GB/T 28181 channel ID (type 131/132)');

export const CameraView = z.object({
  id: z.string(),
  name: z.string(),
  owner: CameraOwner,
  deviceType: z.enum(['131', '132']),
  lon: z.number(),
  lat: z.number(),
  heading: z.number(),
  fov: z.number(),
  ptz: z.boolean(),
  streamUrl: z.string(),
  districtCode: z.string().nullable(),
  status: CameraStatus,
  statusAt: z.string().nullable(),
});
export type CameraView = z.infer<typeof CameraView>;

export const SensorView = z.object({
  id: z.string(),
  type: SensorType,
  name: z.string(),
  lon: z.number(),
  lat: z.number(),
  districtCode: z.string().nullable(),
  partId: z.string().nullable(),
  ownerDepartmentId: z.string().nullable(),
  intervalS: z.number(),
  status: z.enum(['normal', 'alarm', 'offline']),
  unit: z.string(),
  lastValue: z.number().nullable(),
  lastSeenAt: z.string().nullable(),
  /** level of the sensor's current alarm, if any */
  alarmLevel: z.number().nullable(),
});
export type SensorView = z.infer<typeof SensorView>;

export const TEAM_KINDS = ['sanitation', 'enforcement', 'repair', 'emergency'] as const;
export const TeamKind = z.enum(TEAM_KINDS);
export type TeamKind = z.infer<typeof TeamKind>;

export const VehicleView = z.object({
  id: z.string(),
  plate: z.string(),
  kind: TeamKind,
  teamId: z.string(),
  departmentId: z.string(),
  lon: z.number(),
  lat: z.number(),
  heading: z.number(),
  speedKmh: z.number(),
  status: z.string(),
  lastSeenAt: z.string().nullable(),
});
export type VehicleView = z.infer<typeof VehicleView>;

/** GET /api/parts/columnar: every part as parallel arrays (index i is one part) */
export const PartsColumnar = z.object({
  count: z.number().int(),
  /** category ids; cat[i] indexes this list */
  categories: z.array(z.string()),
  id: z.array(z.string()),
  cat: z.array(z.number().int()),
  /** degrees, 6 decimals */
  lon: z.array(z.number()),
  lat: z.array(z.number()),
  /** 0 normal, 1 anything else (damaged, missing …) */
  abnormal: z.array(z.number().int()),
});
export type PartsColumnar = z.infer<typeof PartsColumnar>;

/** POST /api/ingest/cameras/status */
export const CameraStatusBatch = z
  .object({
    items: z
      .array(z.object({ cameraId: CameraId, status: CameraStatus, at: IsoTime.optional() }).strict())
      .min(1, 'items is empty')
      .max(2000, 'at most 2,000 status items per batch'),
  })
  .strict();
export type CameraStatusBatch = z.infer<typeof CameraStatusBatch>;

/** One video-AI detection; a confident one (>= minConfidence) becomes a video_ai report. */
export const DetectionBody = z
  .object({
    cameraId: CameraId,
    /** event code of the detected problem, 4 digits (e.g. 0504 店外经营) */
    code: z.string().regex(/^\d{4}$/, 'code is the 4-digit event code, e.g. 0504'),
    confidence: z.number().min(0).max(1),
    snapshotUrl: Url,
    at: IsoTime.optional(),
    /** where in the picture, [x, y, w, h] as fractions of the frame */
    box: z.array(z.number().min(0).max(1)).length(4).optional(),
  })
  .strict();
export type DetectionBody = z.infer<typeof DetectionBody>;

/** POST /api/ingest/detections */
export const DetectionBatch = z
  .object({
    detections: z.array(z.unknown()).min(1, 'detections is empty').max(200, 'at most 200 detections'),
  })
  .strict();

/** POST /api/ingest/positions: GPS of vehicles (V…) and inspectors (u-inspector-…) */
export const PositionBatch = z
  .object({
    positions: z
      .array(
        z
          .object({
            id: z.string().trim().min(1).max(64),
            lon: Lon,
            lat: Lat,
            heading: z.number().min(0).max(360).optional(),
            speedKmh: z.number().min(0).max(300).optional(),
            at: IsoTime.optional(),
          })
          .strict(),
      )
      .min(1, 'positions is empty')
      .max(5000, 'at most 5,000 positions per batch'),
  })
  .strict();
export type PositionBatch = z.infer<typeof PositionBatch>;

export const DetectionView = z.object({
  id: z.string(),
  cameraId: z.string(),
  categoryId: z.string(),
  confidence: z.number(),
  snapshotUrl: z.string(),
  lon: z.number(),
  lat: z.number(),
  caseId: z.string().nullable(),
  at: z.string(),
});
export type DetectionView = z.infer<typeof DetectionView>;

export const IncidentView = z.object({
  id: z.string(),
  title: z.string(),
  categoryId: z.string(),
  severity: z.number().int(),
  status: z.enum(['active', 'closed']),
  lon: z.number(),
  lat: z.number(),
  address: z.string(),
  description: z.string(),
  districtCode: z.string().nullable(),
  caseIds: z.array(z.string()),
  alarmIds: z.array(z.string()),
  departmentIds: z.array(z.string()),
  createdBy: z.string().nullable(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  drill: z.boolean(),
  version: z.number().int(),
  /** emergency command (contract/incidents.ts): lifecycle state, type, commander in charge */
  state: z.string().optional(),
  incidentType: z.string().optional(),
  commanderId: z.string().nullable().optional(),
});
export type IncidentView = z.infer<typeof IncidentView>;

/** POST /api/incidents */
export const IncidentBody = z
  .object({
    title: z.string().trim().min(1).max(100),
    categoryId: z.string().trim().min(1).max(40),
    severity: z.number().int().min(1).max(4),
    lon: Lon,
    lat: Lat,
    address: z.string().trim().max(200).default(''),
    description: z.string().trim().max(2000).default(''),
    caseIds: z.array(z.string().max(64)).max(50).default([]),
    alarmIds: z.array(z.string().max(64)).max(50).default([]),
    departmentIds: z.array(z.string().max(64)).max(30).default([]),
  })
  .strict();
export type IncidentBody = z.infer<typeof IncidentBody>;

/** PATCH /api/incidents/:id */
export const IncidentPatch = z
  .object({
    version: z.number().int().positive(),
    severity: z.number().int().min(1).max(4).optional(),
    status: z.enum(['active', 'closed']).optional(),
    addCaseIds: z.array(z.string().max(64)).max(50).optional(),
    addAlarmIds: z.array(z.string().max(64)).max(50).optional(),
    addDepartmentIds: z.array(z.string().max(64)).max(30).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type IncidentPatch = z.infer<typeof IncidentPatch>;

/** Parse a bbox query "west,south,east,north" (degrees). */
export const BboxQuery = z
  .string()
  .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'bbox is west,south,east,north in degrees')
  .transform((s) => s.split(',').map(Number) as [number, number, number, number])
  .refine(([w, s, e, n]) => w < e && s < n, 'bbox needs west < east and south < north');
