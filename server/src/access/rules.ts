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
