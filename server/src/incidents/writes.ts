// The write side of emergency command: every incident and unit change is an append-only event
// (IncidentEvent / UnitEvent) plus an outbox row, in the same transaction as the change. Unit rows are
// updated guarded by their version and status, so of two commanders assigning one unit exactly one wins.
import type { IncidentState, UnitStatus } from '@contract/incidents';
import type { Actor } from '../auth/sessions';
import type { Tx } from '../db/client';
import type { DispatchUnit, Incident } from '../db/generated/sqlite/client';
import { appendOutbox } from '../db/outbox';
import { AppError } from '../errors';
import { incidentView } from './records';
import { unitDistrict, unitLive } from './live-units';

export type WriteActor = Pick<Actor, 'userId' | 'role'> | { userId: null; role: 'system' };

/** Thrown inside a transaction to roll it back; the service turns it into a 409 with the current state. */
export class UnitConflict extends Error {
  constructor(
    readonly unitId: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function unitPayload(row: DispatchUnit) {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    departmentId: row.departmentId,
    status: row.status,
    statusSince: row.statusSince.toISOString(),
    incidentId: row.incidentId,
    version: row.version,
  };
}

/**
 * Moves a unit to `to` (guarded by the version and status read), with its UnitEvent and its `unit.status`
 * outbox row (scoped by the district of the incident it serves or leaves; `etaAt` while it moves there).
 */
export async function changeUnit(
  tx: Tx,
  row: DispatchUnit,
  to: UnitStatus,
  incidentId: string | null,
  actor: WriteActor,
  now: Date,
  note = '',
  etaAt: Date | null = null,
): Promise<DispatchUnit> {
  const n = await tx.dispatchUnit.updateMany({
    where: { id: row.id, version: row.version, status: row.status },
    data: { status: to, incidentId, statusSince: now, version: { increment: 1 } },
  });
  if (n.count !== 1) throw new UnitConflict(row.id, 'changed by someone else');
  const fresh = await tx.dispatchUnit.findUniqueOrThrow({ where: { id: row.id } });
  await tx.unitEvent.create({
    data: {
      unitId: row.id,
      incidentId: incidentId ?? row.incidentId,
      fromStatus: row.status,
      toStatus: to,
      actorId: actor.userId,
      role: actor.role,
      note,
      at: now,
    },
  });
  await appendOutbox(
    tx,
    {
      topic: 'unit',
      type: 'unit.status',
      entityId: row.id,
      departmentId: fresh.departmentId,
      districtCode: await unitDistrict(tx, incidentId ?? row.incidentId, fresh.districtCode),
      payload: { unit: unitLive(fresh, etaAt) },
    },
    now,
  );
  return fresh;
}

export interface IncidentEventDraft {
  command: string;
  fromState: IncidentState;
  toState: IncidentState;
  unitId?: string | null;
  unitStatus?: string | null;
  note?: string;
  data?: Record<string, unknown>;
}

export async function appendIncidentEvent(
  tx: Tx,
  incidentId: string,
  draft: IncidentEventDraft,
  actor: WriteActor,
  now: Date,
): Promise<void> {
  await tx.incidentEvent.create({
    data: {
      incidentId,
      command: draft.command,
      fromState: draft.fromState,
      toState: draft.toState,
      unitId: draft.unitId ?? null,
      unitStatus: draft.unitStatus ?? null,
      actorId: actor.userId,
      role: actor.role,
      note: draft.note ?? '',
      data: JSON.stringify(draft.data ?? {}),
      at: now,
    },
  });
}

/** Writes the incident's new fields (version + 1) and its outbox row. */
export async function updateIncident(
  tx: Tx,
  row: Incident,
  data: Partial<
    Pick<
      Incident,
      'state' | 'status' | 'severity' | 'commanderId' | 'summary' | 'closedAt' | 'caseIds' | 'cameraIds'
    >
  >,
  now: Date,
  command: string,
): Promise<Incident> {
  const n = await tx.incident.updateMany({
    where: { id: row.id, version: row.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (n.count !== 1)
    throw new AppError(
      409,
      'conflict',
      '事件已被他人更新 / The incident was changed by someone else; reload',
    );
  const fresh = await tx.incident.findUniqueOrThrow({ where: { id: row.id } });
  const alarms = await tx.alarm.findMany({ where: { incidentId: row.id }, select: { id: true } });
  await appendOutbox(
    tx,
    {
      topic: 'incident',
      type: fresh.status === 'closed' && row.status !== 'closed' ? 'incident.closed' : 'incident.changed',
      entityId: row.id,
      districtCode: fresh.districtCode,
      payload: {
        incident: incidentView(
          fresh,
          alarms.map((a) => a.id),
        ),
        command,
      },
    },
    now,
  );
  return fresh;
}
