// Who receives which stream rows: the payload-level twin of domain/permissions.ts, decided on the outbox
// row's departmentId and districtCode, so it applies alike to live batches, replays and snapshots.
//
// - case rows: the rules of canRead, minus the inspector's "own reports elsewhere" (the row does not say
//   who reported; those stay visible over REST). Never more than canRead allows.
// - other topics (alarm, incident, camera, detection): supervisor, dispatcher, commander, leader and admin
//   receive them (district-scoped staff only for their district); inspectors only for their own district;
//   handlers only rows of their own department (e.g. alarms of sensors their department owns).
// - transient layers: every logged-in user except handlers, who only get items of their department.
// Users with the same rules share one audience; each node sends a batch once per audience (a room).
import type { Actor } from '../auth/sessions';

export interface ScopedRow {
  topic: string;
  departmentId: string | null;
  districtCode: string | null;
}

export interface Audience {
  /** same key, same rules: the room `aud:<key>` */
  key: string;
  allows(row: ScopedRow): boolean;
  /** Prisma `where` on Case for the snapshot; null when no case is visible */
  caseWhere: Record<string, string> | null;
  /** may this socket get transient items (vehicle positions, sensor readings) of this department? */
  allowsTransient(item: { departmentId?: unknown }): boolean;
}

type ScopeActor = Pick<Actor, 'role' | 'departmentId' | 'districtCode'>;

export function audienceOf(actor: ScopeActor): Audience {
  const district = actor.districtCode;
  const inDistrict = (row: ScopedRow) => district === null || row.districtCode === district;
  const anyTransient = () => true;
  switch (actor.role) {
    case 'admin':
      return { key: 'all', allows: () => true, caseWhere: {}, allowsTransient: anyTransient };
    case 'handler': {
      const dept = actor.departmentId;
      if (!dept) return { key: 'none', allows: () => false, caseWhere: null, allowsTransient: () => false };
      return {
        key: district ? `dept:${dept}@${district}` : `dept:${dept}`,
        allows: (row) => row.departmentId === dept && inDistrict(row),
        caseWhere: district ? { departmentId: dept, districtCode: district } : { departmentId: dept },
        allowsTransient: (item) => item.departmentId === dept,
      };
    }
    case 'inspector':
      return {
        key: district ? `inspector@${district}` : 'inspector',
        allows: (row) => (row.topic === 'case' ? inDistrict(row) : district !== null && inDistrict(row)),
        caseWhere: district ? { districtCode: district } : {},
        allowsTransient: anyTransient,
      };
    default:
      // supervisor, dispatcher, commander, leader
      return district
        ? {
            key: `district:${district}`,
            allows: inDistrict,
            caseWhere: { districtCode: district },
            allowsTransient: anyTransient,
          }
        : { key: 'all', allows: () => true, caseWhere: {}, allowsTransient: anyTransient };
  }
}

/** Rooms every authenticated socket joins (for targeted broadcasts; the stream uses `aud:` rooms). */
export function roomsOf(actor: ScopeActor): string[] {
  const rooms = [`role:${actor.role}`];
  if (actor.departmentId) rooms.push(`dept:${actor.departmentId}`);
  if (actor.districtCode) rooms.push(`district:${actor.districtCode}`);
  return rooms;
}
