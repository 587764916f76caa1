// Who may see and act on which case (pure scope checks; roles per command are in transitions.ts).
//
// - handler: only cases whose responsible department is its own (read and act).
// - district-scoped staff (actor.districtCode set): only cases in that district.
// - inspector: also reads the cases it reported itself, wherever they are.
// - leader: reads everything in scope, never acts. admin: reads everything (support), never acts.
// - trainer (培训管理员): runs drills; on a node reads like a leader (to observe trainees), never acts.
// - system: unrestricted.
import type { Actor, CaseSnapshot } from './commands';

function inDistrict(snapshot: CaseSnapshot, actor: Actor): boolean {
  return actor.districtCode === null || snapshot.districtCode === actor.districtCode;
}

function ownDepartment(snapshot: CaseSnapshot, actor: Actor): boolean {
  return actor.departmentId !== null && snapshot.departmentId === actor.departmentId;
}

/** May this actor act on this case at all (before roles and states are considered)? */
export function canAct(snapshot: CaseSnapshot, actor: Actor): boolean {
  switch (actor.role) {
    case 'system':
      return true;
    case 'leader':
    case 'admin':
    case 'trainer':
      return false;
    case 'handler':
      return ownDepartment(snapshot, actor) && inDistrict(snapshot, actor);
    default:
      return inDistrict(snapshot, actor);
  }
}

export function canRead(snapshot: CaseSnapshot, actor: Actor): boolean {
  switch (actor.role) {
    case 'system':
    case 'admin':
      return true;
    case 'handler':
      return ownDepartment(snapshot, actor) && inDistrict(snapshot, actor);
    case 'inspector':
      return inDistrict(snapshot, actor) || snapshot.reporterId === actor.userId;
    default:
      return inDistrict(snapshot, actor);
  }
}

/** The case list filter the db layer should apply for an actor (same rules as canRead). */
export interface ReadScope {
  all: boolean;
  departmentId?: string;
  districtCode?: string;
  orReporterId?: string;
  /** true when nothing may be read (a handler without a department) */
  none?: boolean;
}

export function readScope(actor: Actor): ReadScope {
  if (actor.role === 'system' || actor.role === 'admin') return { all: true };
  const district = actor.districtCode ?? undefined;
  if (actor.role === 'handler') {
    if (!actor.departmentId) return { all: false, none: true };
    return { all: false, departmentId: actor.departmentId, districtCode: district };
  }
  if (!district) return { all: true };
  return actor.role === 'inspector'
    ? { all: false, districtCode: district, orReporterId: actor.userId }
    : { all: false, districtCode: district };
}
