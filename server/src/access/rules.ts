// Who may see and act on which record: one rule per kind of record, used by REST list, read and act, by
// the live stream's audiences (live/scope.ts) and by snapshots, so REST never allows more than the
// stream and the stream never more than REST. Decided on a record's department and district alone
// (what an outbox row carries), so users with the same rules share one stream audience.
//
// The rules (a 数字城管 centre's practice; ADR 0012):
// - case: domain/permissions.ts (canRead / canAct / readScope), the case workflow's own rules. Over the
//   stream, minus an inspector's "own reports elsewhere" (a row does not say who reported).
// - alarm, detection: command-hall staff (supervisor, dispatcher, commander, leader, admin, trainer), by district
//   when the user is district-scoped; handlers only their department's (sensors it owns); inspectors
//   only their own district (none without one). Deciding an alarm: supervisor, dispatcher, commander in
//   their scope.
// - incident: command-hall staff by district; inspectors their district; handlers none (departments
//   take part through the cases dispatched to them). Commanding one: commander and dispatcher in scope.
// - unit (a dispatch unit committed to an incident, ADR 0022): like incidents, by the district of the
//   incident it serves (else its own: inspectors on foot). A unit serving no incident is read as the
//   vehicle or inspector it is.
// - camera: shared video resources (共享视频): every signed-in user, everywhere.
// - vehicle, sensor, inspector (live positions and readings): everyone signed in, except handlers, who
//   see only their own department's vehicles and sensors (and no inspectors).
import type { Role } from '@contract/domain';
import { seesDutyOverview } from '@contract/rules';

export const RECORD_KINDS = [
  'case',
  'alarm',
  'detection',
  'incident',
  'camera',
  'vehicle',
  'sensor',
  'inspector',
  'unit',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface Viewer {
  role: Role | 'system';
  departmentId: string | null;
  districtCode: string | null;
}

export interface ScopedRecord {
  departmentId: string | null;
  districtCode: string | null;
}

/** A filter on departmentId / districtCode equivalent to `mayRead`; `none`: nothing is visible. */
export type ReadFilter = { none: true } | { none?: false; departmentId?: string; districtCode?: string };

const STAFF = new Set<string>([
  'supervisor',
  'dispatcher',
  'commander',
  'leader',
  'admin',
  'trainer',
  'system',
]);
const ALARM_DECIDERS = new Set<string>(['supervisor', 'dispatcher', 'commander']);
const INCIDENT_COMMANDERS = new Set<string>(['commander', 'dispatcher']);

const inDistrict = (viewer: Viewer, record: ScopedRecord) =>
  viewer.districtCode === null || record.districtCode === viewer.districtCode;
const districtFilter = (viewer: Viewer): { districtCode?: string } =>
  viewer.districtCode ? { districtCode: viewer.districtCode } : {};

/** The filter form of the read rule (Prisma `where` on departmentId / districtCode, or nothing). */
export function readFilter(kind: RecordKind, viewer: Viewer): ReadFilter {
  const { role } = viewer;
  if (role === 'admin' || role === 'system') return {};
  switch (kind) {
    case 'case':
      if (role === 'handler') {
        if (!viewer.departmentId) return { none: true };
        return { departmentId: viewer.departmentId, ...districtFilter(viewer) };
      }
      return districtFilter(viewer);
    case 'alarm':
    case 'detection':
      if (role === 'handler') {
        if (!viewer.departmentId) return { none: true };
        return { departmentId: viewer.departmentId, ...districtFilter(viewer) };
      }
      if (role === 'inspector')
        return viewer.districtCode ? { districtCode: viewer.districtCode } : { none: true };
      return STAFF.has(role) ? districtFilter(viewer) : { none: true };
    case 'incident':
    case 'unit':
      if (role === 'handler') return { none: true };
      if (role === 'inspector')
        return viewer.districtCode ? { districtCode: viewer.districtCode } : { none: true };
      return STAFF.has(role) ? districtFilter(viewer) : { none: true };
    case 'camera':
      return {};
    case 'vehicle':
    case 'sensor':
    case 'inspector':
      if (role !== 'handler') return {};
      if (!viewer.departmentId || kind === 'inspector') return { none: true };
      return { departmentId: viewer.departmentId };
  }
}

/** May this viewer see this record (list, read, stream, snapshot, export)? */
export function mayRead(kind: RecordKind, viewer: Viewer, record: ScopedRecord): boolean {
  const filter = readFilter(kind, viewer);
  if (filter.none) return false;
  return (
    (filter.departmentId === undefined || record.departmentId === filter.departmentId) &&
    (filter.districtCode === undefined || record.districtCode === filter.districtCode)
  );
}

/** May this viewer act on this record (decide an alarm, command an incident)? Reading comes first. */
export function mayAct(kind: 'alarm' | 'incident', viewer: Viewer, record: ScopedRecord): boolean {
  const roles = kind === 'alarm' ? ALARM_DECIDERS : INCIDENT_COMMANDERS;
  return (
    (roles.has(viewer.role) || viewer.role === 'system') &&
    inDistrict(viewer, record) &&
    mayRead(kind, viewer, record)
  );
}

/** Prisma `where` fragment of a read filter; `null` when nothing is visible. */
export function whereOf(
  filter: ReadFilter,
  columns: { departmentId?: string } = {},
): Record<string, string> | null {
  if (filter.none) return null;
  const where: Record<string, string> = {};
  if (filter.departmentId !== undefined) where[columns.departmentId ?? 'departmentId'] = filter.departmentId;
  if (filter.districtCode !== undefined) where.districtCode = filter.districtCode;
  return where;
}

// Features: routes that show a view or run a tool rather than one record (issue 17, the routes added
// since ADR 0012). Each route asks `mayUse` (http/access.ts `allow`), never a role set of its own; a
// refusal is 403 with the feature's message. Record reads inside them still follow the kinds above
// (an incident outside the viewer's district reads as 404, a photo follows its case).
// - playbackCity (GET /api/playback/state, /tracks): the whole city at a moment and every vehicle's
//   track, so city-wide accounts only: leader, commander, supervisor, admin without a district. A
//   district-scoped user gets 403 (not a scoped answer: the archive's frames are city-wide, and cutting
//   them per district would be a second copy of the stream rules); dispatchers work live, not on replay.
// - playbackEvents (GET /api/playback/events, /range): everyone signed in; the events themselves are
//   filtered by the stream's audience (live/scope.ts), exactly what the user's stream would have carried.
// - duty (GET /api/duty, /api/handovers): the centre's shift: its figures and open items are city-wide,
//   so city-wide staff (supervisor, dispatcher, commander, leader, admin without a district).
//   dutySign (POST /api/handovers, /accept): the duty roles (contract/duty.ts DUTY_ROLES) city-wide.
// - evaluation (GET /api/evaluation*, CSV included): everyone but inspectors, narrowed by
//   `evaluationScope` (a handler its department, a district user its district).
//   evaluationSettings (PUT): admin.
// - command (GET /api/units, /api/run-cards, /api/response-times): command-hall staff.
//   unitStatus (POST /api/units/:id/status): commander, dispatcher. runCards (PUT): admin.
//   An incident's drawer, timeline, recommendations and routes: the incident read rule (404 outside
//   it); its commands: the incident act rule (403), then the lifecycle's per-command roles.
// - admin (users, changes, audit trail and its CSV, unlocking sign-ins): admin.
// - photo (upload, read): the read rule of the photo's case (domain/permissions.ts canRead).
export const FEATURES = [
  'playbackCity',
  'playbackEvents',
  'duty',
  'dutySign',
  'evaluation',
  'evaluationSettings',
  'command',
  'unitStatus',
  'runCards',
  'admin',
  'drills',
] as const;
export type Feature = (typeof FEATURES)[number];

const DUTY_SIGNERS = new Set<string>(['supervisor', 'dispatcher', 'commander']);
const PLAYBACK_CITY = new Set<string>(['leader', 'commander', 'supervisor', 'admin', 'system']);

/** May this viewer use this feature at all? */
export function mayUse(feature: Feature, viewer: Viewer): boolean {
  const { role } = viewer;
  switch (feature) {
    case 'playbackCity':
      return PLAYBACK_CITY.has(role) && viewer.districtCode === null;
    case 'playbackEvents':
      return true;
    case 'duty':
      return role === 'system' || seesDutyOverview(viewer);
    case 'dutySign':
      return seesDutyOverview(viewer) && DUTY_SIGNERS.has(role);
    case 'evaluation':
      return role !== 'inspector' && (role !== 'handler' || viewer.departmentId !== null);
    case 'command':
      return STAFF.has(role);
    case 'unitStatus':
      return INCIDENT_COMMANDERS.has(role) || role === 'system';
    case 'evaluationSettings':
    case 'runCards':
    case 'admin':
      return role === 'admin' || role === 'system';
    case 'drills':
      // trainers run drills and read their reviews; administrators may too
      return role === 'trainer' || role === 'admin' || role === 'system';
  }
}

/** What a refused user is told (403). */
export const FEATURE_DENIED: Readonly<Record<Feature, { zh: string; en: string }>> = {
  playbackCity: {
    zh: '回放整个城市需要全市范围的领导、指挥长、值班长或管理员账号',
    en: 'Playback of the whole city needs a city-wide leader, commander, supervisor or administrator',
  },
  playbackEvents: { zh: '无权查看回放', en: 'You may not use playback' },
  drills: {
    zh: '只有培训管理员或系统管理员可以管理演练',
    en: 'Only a trainer (or an administrator) manages drills',
  },
  duty: {
    zh: '值班概况只对全市范围的指挥中心人员开放',
    en: 'The duty overview is for city-wide command-centre staff',
  },
  dutySign: {
    zh: '只有全市范围的值班长、派遣员或指挥长可以交接班',
    en: 'Only city-wide supervisors, dispatchers and commanders write and sign hand-overs',
  },
  evaluation: {
    zh: '监督员及无所属部门的账号不能查看综合评价',
    en: 'Inspectors, and accounts without a department, cannot read the evaluation',
  },
  evaluationSettings: {
    zh: '只有管理员可以修改评价设置',
    en: 'Only an administrator changes evaluation settings',
  },
  command: { zh: '只有指挥中心人员可以查看调度力量', en: 'Only command-centre staff see dispatch units' },
  unitStatus: {
    zh: '只有指挥长或派遣员可以更改力量状态',
    en: 'Only commanders and dispatchers change a unit status',
  },
  runCards: { zh: '只有系统管理员可以编辑出动方案', en: 'Only administrators edit run cards' },
  admin: { zh: '仅系统管理员可以使用此功能', en: 'Only an administrator may do this' },
};

export type EvaluationScope = { districtCode?: string; departmentId?: string };

/**
 * The evaluation a viewer may read, narrowing what was asked: a handler its department, a
 * district-scoped user its district. `denied` when the question itself reaches outside.
 */
export function evaluationScope(
  viewer: Viewer,
  asked: EvaluationScope,
): { scope: EvaluationScope } | { denied: { zh: string; en: string } } {
  if (!mayUse('evaluation', viewer)) return { denied: FEATURE_DENIED.evaluation };
  const scope: EvaluationScope = { ...asked };
  if (viewer.role === 'handler') {
    if (asked.departmentId && asked.departmentId !== viewer.departmentId)
      return { denied: { zh: '只能查看本部门的评价', en: 'You may read your own department only' } };
    scope.departmentId = viewer.departmentId as string;
  }
  if (viewer.districtCode) {
    if (asked.districtCode && asked.districtCode !== viewer.districtCode)
      return { denied: { zh: '只能查看本区的评价', en: 'You may read your own district only' } };
    scope.districtCode = viewer.districtCode;
  }
  return { scope };
}

/** A site photo is read and added by whoever may read its case (the case workflow's rule). */
export { canRead as mayReadPhoto } from '../domain/permissions';
