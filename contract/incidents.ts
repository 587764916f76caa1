// Emergency command (应急指挥) vocabulary shared by server and renderer: incident states, levels and
// types, unit kinds and statuses, run cards, recommendations and response-time segments.
// The rules that use these words live in server/src/domain/incidents/.
import { z } from 'zod';
import { TEAM_KINDS } from './city';

/** reported → dispatched → responding → on_scene → under_control → closed, plus cancelled */
export const INCIDENT_STATES = [
  'reported',
  'dispatched',
  'responding',
  'on_scene',
  'under_control',
  'closed',
  'cancelled',
] as const;
export const IncidentState = z.enum(INCIDENT_STATES);
export type IncidentState = z.infer<typeof IncidentState>;

export const INCIDENT_STATE_LABELS: Readonly<Record<IncidentState, { zh: string; en: string }>> = {
  reported: { zh: '已接报', en: 'Reported' },
  dispatched: { zh: '已调派', en: 'Dispatched' },
  responding: { zh: '出动中', en: 'Responding' },
  on_scene: { zh: '已到场', en: 'On scene' },
  under_control: { zh: '已控制', en: 'Under control' },
  closed: { zh: '已结束', en: 'Closed' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

/** Ⅰ 特别重大 .. Ⅳ 一般; 1 is the most severe (same numbers as the existing `severity`). */
export const INCIDENT_LEVELS = [1, 2, 3, 4] as const;
export type IncidentLevel = (typeof INCIDENT_LEVELS)[number];
export const IncidentLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const INCIDENT_LEVEL_LABELS: Readonly<
  Record<IncidentLevel, { zh: string; en: string; roman: string }>
> = {
  1: { zh: '特别重大', en: 'Extremely serious', roman: 'Ⅰ' },
  2: { zh: '重大', en: 'Serious', roman: 'Ⅱ' },
  3: { zh: '较大', en: 'Major', roman: 'Ⅲ' },
  4: { zh: '一般', en: 'General', roman: 'Ⅳ' },
};

/** Incident types, each tied to an event category of the city's tree (GB/T 30428.2 codes). */
export const INCIDENT_TYPES = [
  'gas_leak',
  'waterlogging',
  'road_collapse',
  'pipe_burst',
  'public_fire',
  'large_crowd',
  'other',
] as const;
export const IncidentType = z.enum(INCIDENT_TYPES);
export type IncidentType = z.infer<typeof IncidentType>;

export const INCIDENT_TYPE_INFO: Readonly<
  Record<IncidentType, { zh: string; en: string; categoryId: string }>
> = {
  gas_leak: { zh: '燃气泄漏', en: 'Gas leak', categoryId: 'event-0403' },
  waterlogging: { zh: '积水内涝', en: 'Waterlogging', categoryId: 'event-0111' },
  road_collapse: { zh: '路面塌陷', en: 'Road collapse', categoryId: 'event-0401' },
  pipe_burst: { zh: '自来水管破裂', en: 'Water pipe burst', categoryId: 'event-0402' },
  public_fire: { zh: '公共场所火灾', en: 'Fire in a public space', categoryId: 'event-0411' },
  large_crowd: { zh: '人员聚集', en: 'Large crowd', categoryId: 'event-06' },
  other: { zh: '其他突发事件', en: 'Other emergency', categoryId: 'event-04' },
};

/** The type of an incident from its category id (the most specific prefix wins), else 'other'. */
export function incidentTypeOf(categoryId: string): IncidentType {
  let best: IncidentType = 'other';
  let bestLength = 0;
  for (const type of INCIDENT_TYPES) {
    const cat = INCIDENT_TYPE_INFO[type].categoryId;
    if (categoryId.startsWith(cat) && cat.length > bestLength) {
      best = type;
      bestLength = cat.length;
    }
  }
  return best;
}

/** Unit kinds: the team kinds (vehicles and teams) plus inspectors on foot. */
export const UNIT_KINDS = [...TEAM_KINDS, 'inspector'] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

export const UNIT_STATUSES = [
  'available',
  'dispatched',
  'en_route',
  'on_scene',
  'returning',
  'staging',
  'out_of_service',
] as const;
export const UnitStatus = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatus>;

export const UNIT_STATUS_LABELS: Readonly<Record<UnitStatus, { zh: string; en: string }>> = {
  available: { zh: '待命', en: 'Available' },
  dispatched: { zh: '已调派', en: 'Dispatched' },
  en_route: { zh: '途中', en: 'En route' },
  on_scene: { zh: '到场', en: 'On scene' },
  returning: { zh: '返回', en: 'Returning' },
  staging: { zh: '集结待命', en: 'Staging' },
  out_of_service: { zh: '停用', en: 'Out of service' },
};

/** One line of a run card: `count` units of `kind`, optionally of one department (e.g. gas repair). */
export const RunCardNeed = z
  .object({
    kind: UnitKind,
    departmentId: z.string().max(64).nullable().default(null),
    count: z.number().int().min(1).max(20),
  })
  .strict();
export type RunCardNeed = z.infer<typeof RunCardNeed>;

export const RunCard = z
  .object({ type: IncidentType, level: IncidentLevel, needs: z.array(RunCardNeed).max(12) })
  .strict();
export type RunCard = z.infer<typeof RunCard>;

/** Why a unit was picked, as codes the UI words in either language. */
export const PICK_REASONS = [
  'closest_eta',
  'kind_match',
  'department_match',
  'in_district',
  'fix_stale',
] as const;
export type PickReason = (typeof PICK_REASONS)[number];

/** Why a need was not (fully) covered. */
export const GAP_REASONS = ['none_available', 'none_within_limit', 'fixes_stale', 'unreachable'] as const;
export type GapReason = (typeof GAP_REASONS)[number];

export interface RecommendedUnit {
  unitId: string;
  kind: UnitKind;
  departmentId: string | null;
  /** road ETA in seconds */
  etaS: number;
  /** road distance in metres */
  roadM: number;
  straightM: number;
  fixAgeS: number | null;
  reasons: PickReason[];
}

export interface RecommendationGap {
  need: RunCardNeed;
  missing: number;
  reasons: GapReason[];
  /** the limit used for `none_within_limit`, minutes */
  limitMin: number;
}

export interface Recommendation {
  picks: Array<{ need: RunCardNeed; units: RecommendedUnit[] }>;
  gaps: RecommendationGap[];
  /** nodes the search settled (for the bench and the curious) */
  settled: number;
}

/** Response-time segments (NFPA 1710 definitions), seconds; null while not reached. */
export interface ResponseSegments {
  callProcessingS: number | null;
  turnoutS: number | null;
  travelS: number | null;
  responseS: number | null;
}

export const SEGMENT_KEYS = ['callProcessingS', 'turnoutS', 'travelS', 'responseS'] as const;
export type SegmentKey = (typeof SEGMENT_KEYS)[number];

/** Our own 90th-percentile targets, seconds (configurable; defaults after NFPA 1710 / 1225). */
export const DEFAULT_SEGMENT_TARGETS: Readonly<Record<SegmentKey, number>> = {
  callProcessingS: 90,
  turnoutS: 80,
  travelS: 480,
  responseS: 560,
};

/** A unit as the map wall sees it (GET /api/units, the incident roster). */
export interface UnitView {
  id: string;
  kind: UnitKind;
  label: string;
  departmentId: string | null;
  status: UnitStatus;
  statusSince: string;
  incidentId: string | null;
  lon: number;
  lat: number;
  /** seconds since the last GPS fix; null without one */
  fixAgeS: number | null;
  version: number;
}

/** The commands of an incident (the lifecycle table in server/src/domain/incidents/lifecycle.ts). */
export const INCIDENT_COMMANDS = [
  'assign',
  'release',
  'unitStatus',
  'note',
  'setLevel',
  'handOver',
  'link',
  'control',
  'close',
  'cancel',
] as const;

/** POST /api/incidents/:id/commands */
export const IncidentCommandBody = z
  .object({
    command: z.enum(INCIDENT_COMMANDS),
    /** the incident version seen (required for level, hand-over, control, close, cancel) */
    version: z.number().int().positive().optional(),
    /** assign takes several units at once (all or none) */
    unitIds: z.array(z.string().min(1).max(64)).min(1).max(30).optional(),
    unitId: z.string().min(1).max(64).optional(),
    status: UnitStatus.optional(),
    note: z.string().trim().max(2000).optional(),
    level: IncidentLevel.optional(),
    commanderId: z.string().min(1).max(64).optional(),
    links: z
      .object({
        caseIds: z.array(z.string().max(64)).max(50).optional(),
        alarmIds: z.array(z.string().max(64)).max(50).optional(),
        cameraIds: z.array(z.string().max(64)).max(50).optional(),
      })
      .strict()
      .optional(),
    summary: z.string().trim().max(4000).optional(),
    reason: z.string().trim().max(2000).optional(),
  })
  .strict();
export type IncidentCommandBody = z.infer<typeof IncidentCommandBody>;

/** POST /api/units/:id/status (by hand) and the simulator's /api/ingest/units/status */
export const UnitStatusBody = z
  .object({
    status: UnitStatus,
    version: z.number().int().positive().optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type UnitStatusBody = z.infer<typeof UnitStatusBody>;

export interface TimelineEntry {
  id: number;
  command: string;
  fromState: string | null;
  toState: string;
  unitId: string | null;
  unitLabel: string | null;
  unitStatus: string | null;
  actorId: string | null;
  actorName: string | null;
  role: string;
  note: string;
  data: Record<string, unknown>;
  at: string;
}

/** GET /api/incidents/:id/command: everything the incident drawer shows. */
export interface IncidentCommandView {
  id: string;
  title: string;
  state: IncidentState;
  level: IncidentLevel;
  incidentType: IncidentType;
  commanderId: string | null;
  lon: number;
  lat: number;
  districtCode: string | null;
  startedAt: string;
  closedAt: string | null;
  summary: string;
  caseIds: string[];
  alarmIds: string[];
  cameraIds: string[];
  version: number;
  allowedCommands: string[];
  units: Array<UnitView & { etaS: number | null }>;
  segments: ResponseSegments;
  targets: Record<SegmentKey, number>;
}

/** A unit's road route to the site, [lon, lat] points, with its ETA (map route lines). */
export interface UnitRoute {
  unitId: string;
  etaS: number;
  roadM: number;
  path: Array<[number, number]>;
}
