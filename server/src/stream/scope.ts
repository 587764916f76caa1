// Who receives which stream rows: the rules of access/rules.ts (one rule per kind of record, the same
// REST list, read and act use), decided on the outbox row's departmentId and districtCode, so they apply
// alike to live batches, replays and snapshots. Transient items (vehicle positions, sensor readings)
// follow the vehicle, inspector and sensor rules on the item's departmentId.
// Users with the same rules share one audience; each node sends a batch once per audience (a room).
import type { Actor } from '../auth/sessions';
import { mayRead, RECORD_KINDS, readFilter, whereOf, type RecordKind } from '../access/rules';

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
  /** may this socket get this transient item (a vehicle or inspector position, a sensor reading)? */
  allowsTransient(item: { departmentId?: unknown; kind?: unknown; type?: unknown }): boolean;
}

type ScopeActor = Pick<Actor, 'role' | 'departmentId' | 'districtCode'>;

const isKind = (topic: string): topic is RecordKind => (RECORD_KINDS as readonly string[]).includes(topic);

/** The record kind of a transient item: positions say vehicle or inspector, readings carry a sensor type. */
function transientKind(item: { kind?: unknown; type?: unknown }): RecordKind {
  if (item.kind === 'inspector') return 'inspector';
  return item.kind === 'vehicle' ? 'vehicle' : 'sensor';
}

/** The audience key: the inputs the rules depend on for this role. */
function keyOf(actor: ScopeActor): string {
  const district = actor.districtCode;
  switch (actor.role) {
    case 'admin':
      return 'all';
    case 'handler':
      if (!actor.departmentId) return 'none';
      return district ? `dept:${actor.departmentId}@${district}` : `dept:${actor.departmentId}`;
    case 'inspector':
      return district ? `inspector@${district}` : 'inspector';
    default:
      return district ? `district:${district}` : 'all';
  }
}

export function audienceOf(actor: ScopeActor): Audience {
  const viewer = {
    role: actor.role,
    departmentId: actor.departmentId,
    districtCode: actor.districtCode,
  };
  return {
    key: keyOf(actor),
    allows: (row) => isKind(row.topic) && mayRead(row.topic, viewer, row),
    caseWhere: whereOf(readFilter('case', viewer)),
    allowsTransient: (item) =>
      mayRead(transientKind(item), viewer, {
        departmentId: typeof item.departmentId === 'string' ? item.departmentId : null,
        districtCode: null,
      }),
  };
}

/** Rooms every authenticated socket joins (for targeted broadcasts; the stream uses `aud:` rooms). */
export function roomsOf(actor: ScopeActor): string[] {
  const rooms = [`role:${actor.role}`];
  if (actor.departmentId) rooms.push(`dept:${actor.departmentId}`);
  if (actor.districtCode) rooms.push(`district:${actor.districtCode}`);
  return rooms;
}
