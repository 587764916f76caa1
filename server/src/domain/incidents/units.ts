// Units (处置力量): teams, vehicles and inspectors on foot. A unit has a status, the time it entered
// it, the age of its last GPS fix and at most one incident it is committed to. Pure rules: which
// status changes are allowed, who may be assigned, and when a fix means arrival.
import type { UnitKind, UnitStatus } from '@contract/incidents';
import { UNIT_STATUS_LABELS } from '@contract/incidents';
import { distanceMeters, type LonLat } from '../geo';
import { formatMessage, msg } from '../errors';

export interface UnitSnapshot {
  id: string;
  kind: UnitKind;
  departmentId: string | null;
  districtCode: string | null;
  status: UnitStatus;
  statusSince: Date;
  incidentId: string | null;
  lon: number;
  lat: number;
  lastFixAt: Date | null;
  /** travel speed on roads, km/h (vehicles by road class use the graph's speeds; this caps them) */
  speedKmh?: number;
}

/** Fixes older than this are stale: such units are skipped or flagged (5 minutes). */
export const STALE_FIX_MS = 5 * 60_000;
/** A unit en route whose fix comes this close to the site is on scene by itself. */
export const ARRIVAL_RADIUS_M = 50;

/** Statuses in which a unit is committed to its incident. */
export const COMMITTED: readonly UnitStatus[] = ['dispatched', 'en_route', 'on_scene'];
/** Statuses from which a unit may be assigned. */
export const ASSIGNABLE: readonly UnitStatus[] = ['available', 'returning', 'staging'];

/** Status changes allowed by hand (or by the system); every status can be reached from somewhere. */
export const UNIT_TRANSITIONS: Readonly<Record<UnitStatus, readonly UnitStatus[]>> = {
  available: ['dispatched', 'staging', 'out_of_service'],
  dispatched: ['en_route', 'on_scene', 'returning', 'available'],
  en_route: ['on_scene', 'returning', 'available'],
  on_scene: ['returning', 'available'],
  returning: ['available', 'dispatched', 'out_of_service'],
  staging: ['dispatched', 'available', 'out_of_service'],
  out_of_service: ['available'],
};

export type UnitCheck = { ok: true } | { ok: false; kind: 'illegal_state' | 'invalid'; message: string };

export function fixAgeMs(unit: Pick<UnitSnapshot, 'lastFixAt'>, now: Date): number | null {
  return unit.lastFixAt ? Math.max(0, now.getTime() - unit.lastFixAt.getTime()) : null;
}

export function isStale(unit: Pick<UnitSnapshot, 'lastFixAt'>, now: Date): boolean {
  const age = fixAgeMs(unit, now);
  return age === null || age > STALE_FIX_MS;
}

export function timeInStatusMs(unit: Pick<UnitSnapshot, 'statusSince'>, now: Date): number {
  return Math.max(0, now.getTime() - unit.statusSince.getTime());
}

/** May this unit be assigned to `incidentId`? Committed elsewhere or out of service: 409. */
export function checkAssign(unit: UnitSnapshot, incidentId: string): UnitCheck {
  if (unit.incidentId === incidentId && COMMITTED.includes(unit.status)) {
    return {
      ok: false,
      kind: 'illegal_state',
      message: formatMessage(msg('该单元已调派到本事件', 'The unit is already assigned to this incident')),
    };
  }
  if (!ASSIGNABLE.includes(unit.status)) {
    const s = UNIT_STATUS_LABELS[unit.status];
    return {
      ok: false,
      kind: 'illegal_state',
      message: formatMessage(
        msg(
          `该单元当前「${s.zh}」${unit.incidentId ? `（事件 ${unit.incidentId}）` : ''}，不能调派`,
          `The unit is ${s.en.toLowerCase()}${unit.incidentId ? ` (incident ${unit.incidentId})` : ''} and cannot be assigned`,
        ),
      ),
    };
  }
  return { ok: true };
}

/** A status change by hand or by the system. Committed statuses need an incident. */
export function checkUnitStatus(unit: UnitSnapshot, to: UnitStatus): UnitCheck {
  if (unit.status === to) return { ok: true };
  if (!UNIT_TRANSITIONS[unit.status].includes(to)) {
    const from = UNIT_STATUS_LABELS[unit.status];
    const target = UNIT_STATUS_LABELS[to];
    const allowed = UNIT_TRANSITIONS[unit.status];
    return {
      ok: false,
      kind: 'illegal_state',
      message: formatMessage(
        msg(
          `单元「${from.zh}」不能改为「${target.zh}」；可改为：${allowed.map((a) => UNIT_STATUS_LABELS[a].zh).join('、')}`,
          `A unit ${from.en.toLowerCase()} cannot become ${target.en.toLowerCase()}; allowed: ${allowed.join(', ')}`,
        ),
      ),
    };
  }
  if (COMMITTED.includes(to) && !unit.incidentId) {
    return {
      ok: false,
      kind: 'invalid',
      message: formatMessage(msg('单元未调派到任何事件', 'The unit is not assigned to an incident')),
    };
  }
  return { ok: true };
}

/** The incident a unit is committed to after a status change (released units are free). */
export function incidentAfter(unit: UnitSnapshot, to: UnitStatus): string | null {
  return COMMITTED.includes(to) ? unit.incidentId : null;
}

/** A fix of a unit en route (or dispatched) within 50 m of the site: it has arrived. */
export function arrivesAt(unit: Pick<UnitSnapshot, 'status'>, fix: LonLat, site: LonLat): boolean {
  if (unit.status !== 'en_route' && unit.status !== 'dispatched') return false;
  return distanceMeters(fix, site) <= ARRIVAL_RADIUS_M;
}
