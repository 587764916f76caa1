// Emergency incidents (应急事件): severity, site, linked cases and alarms, involved departments.
// Created by a commander or dispatcher, or by confirming an alarm as an incident. Every change is
// written with its outbox row (topic 'incident': incident.opened | incident.changed | incident.closed).
import crypto from 'node:crypto';
import type { IncidentBody, IncidentPatch, IncidentView } from '@contract/city';
import type { Actor } from '../auth/sessions';
import type { ServerContext } from '../context';
import type { Tx } from '../db/client';
import type { Incident } from '../db/generated/sqlite/client';
import { incidentTypeOf } from '@contract/incidents';
import { locatePoint } from '../cases/locate';
import { appendOutbox } from '../db/outbox';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { mayAct, mayRead, readFilter, whereOf, type Viewer } from '../access/rules';

const COMMANDERS = new Set(['commander', 'dispatcher']);

export interface NewIncident {
  id: string;
  title: string;
  categoryId: string;
  severity: number;
  lon: number;
  lat: number;
  address: string;
  description: string;
  districtCode: string | null;
  gridCellId: string | null;
  caseIds: string[];
  departmentIds: string[];
  createdBy: string | null;
}

export function incidentView(row: Incident, alarmIds: string[]): IncidentView {
  return {
    id: row.id,
    title: row.title,
    categoryId: row.categoryId,
    severity: row.severity,
    status: row.status as IncidentView['status'],
    lon: row.lon,
    lat: row.lat,
    address: row.address,
    description: row.description,
    districtCode: row.districtCode,
    caseIds: JSON.parse(row.caseIds) as string[],
    alarmIds,
    departmentIds: JSON.parse(row.departmentIds) as string[],
    createdBy: row.createdBy,
    startedAt: row.startedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    drill: row.drill,
    version: row.version,
    state: row.state,
    incidentType: row.incidentType,
    commanderId: row.commanderId,
  };
}

async function outbox(
  tx: Tx,
  type: 'incident.opened' | 'incident.changed' | 'incident.closed',
  row: Incident,
  alarmIds: string[],
  at: Date,
) {
  await appendOutbox(
    tx,
    {
      topic: 'incident',
      type,
      entityId: row.id,
      districtCode: row.districtCode,
      payload: { incident: incidentView(row, alarmIds) },
    },
    at,
  );
}

export async function createIncident(
  tx: Tx,
  ctx: ServerContext,
  data: NewIncident,
  now: Date,
  alarmIds: string[],
) {
  const row = await tx.incident.create({
    data: {
      ...data,
      status: 'active',
      state: 'reported',
      incidentType: incidentTypeOf(data.categoryId),
      commanderId: data.createdBy,
      caseIds: JSON.stringify(data.caseIds),
      departmentIds: JSON.stringify(data.departmentIds),
      startedAt: now,
      drill: ctx.config.drill,
    },
  });
  await outbox(tx, 'incident.opened', row, alarmIds, now);
  return row;
}

export class IncidentService {
  constructor(private readonly ctx: ServerContext) {}

  private async alarmIds(id: string): Promise<string[]> {
    const rows = await this.ctx.db.alarm.findMany({ where: { incidentId: id }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** Incidents the viewer may see (access/rules.ts); no viewer: all (snapshots filter by audience). */
  async list(status?: 'active' | 'closed', viewer?: Viewer): Promise<IncidentView[]> {
    const scope = viewer ? whereOf(readFilter('incident', viewer)) : {};
    if (!scope) return [];
    const rows = await this.ctx.db.incident.findMany({
      where: { ...(status ? { status } : {}), ...scope },
      orderBy: { startedAt: 'desc' },
      take: 500,
    });
    const alarms = await this.ctx.db.alarm.findMany({
      where: { incidentId: { in: rows.map((r) => r.id) } },
      select: { id: true, incidentId: true },
    });
    return rows.map((r) =>
      incidentView(
        r,
        alarms.filter((a) => a.incidentId === r.id).map((a) => a.id),
      ),
    );
  }

  async get(id: string, viewer?: Viewer): Promise<IncidentView> {
    const row = await this.ctx.db.incident.findUnique({ where: { id } });
    if (
      !row ||
      (viewer && !mayRead('incident', viewer, { departmentId: null, districtCode: row.districtCode }))
    )
      throw notFound(`incident ${id}`);
    return incidentView(row, await this.alarmIds(id));
  }

  private check(actor: Actor) {
    if (!COMMANDERS.has(actor.role)) {
      throw forbidden(
        '只有指挥长和派遣员可以管理应急事件 / Only commanders and dispatchers manage incidents',
      );
    }
  }

  async create(body: IncidentBody, actor: Actor): Promise<IncidentView> {
    this.check(actor);
    const where = await locatePoint(this.ctx.db, body.lon, body.lat);
    if (!where) throw badRequest('位置不在本市网格内 / The site is outside the city grid: check lon/lat');
    if (!mayAct('incident', actor, { departmentId: null, districtCode: where.districtCode }))
      throw forbidden('只能在本辖区内建立应急事件 / You may open incidents only in your district');
    const now = this.ctx.clock.now();
    const id = crypto.randomUUID();
    const { alarmIds, ...rest } = body;
    await this.ctx.db.$transaction(async (tx) => {
      await createIncident(
        tx,
        this.ctx,
        {
          ...rest,
          id,
          districtCode: where.districtCode,
          gridCellId: where.gridCellId,
          createdBy: actor.userId,
        },
        now,
        alarmIds,
      );
      if (alarmIds.length)
        await tx.alarm.updateMany({ where: { id: { in: alarmIds } }, data: { incidentId: id } });
    });
    this.ctx.bus.notifyOutbox();
    return this.get(id);
  }

  async patch(id: string, body: IncidentPatch, actor: Actor): Promise<IncidentView> {
    this.check(actor);
    const row = await this.ctx.db.incident.findUnique({ where: { id } });
    const scoped = row && { departmentId: null, districtCode: row.districtCode };
    if (!row || !scoped || !mayRead('incident', actor, scoped)) throw notFound(`incident ${id}`);
    if (!mayAct('incident', actor, scoped))
      throw forbidden('只能指挥本辖区的应急事件 / You may command only incidents in your district');
    if (row.version !== body.version)
      throw conflict(
        `事件已被更新（当前版本 ${row.version}） / The incident changed (now version ${row.version}); reload`,
      );
    const now = this.ctx.clock.now();
    const merge = (json: string, add?: string[]) =>
      JSON.stringify([...new Set([...(JSON.parse(json) as string[]), ...(add ?? [])])]);
    const closing = body.status === 'closed' && row.status !== 'closed';
    const ok = await this.ctx.db.$transaction(async (tx) => {
      const n = await tx.incident.updateMany({
        where: { id, version: body.version },
        data: {
          ...(body.severity ? { severity: body.severity } : {}),
          ...(body.status
            ? {
                status: body.status,
                closedAt: body.status === 'closed' ? now : null,
                ...(closing ? { state: 'closed' } : {}),
              }
            : {}),
          caseIds: merge(row.caseIds, body.addCaseIds),
          departmentIds: merge(row.departmentIds, body.addDepartmentIds),
          ...(body.note
            ? {
                description:
                  `${row.description}\n${now.toISOString()} ${actor.displayName}：${body.note}`.trim(),
              }
            : {}),
          version: { increment: 1 },
        },
      });
      if (n.count !== 1) return false;
      if (body.addAlarmIds?.length)
        await tx.alarm.updateMany({ where: { id: { in: body.addAlarmIds } }, data: { incidentId: id } });
      const fresh = await tx.incident.findUniqueOrThrow({ where: { id } });
      const alarms = await tx.alarm.findMany({ where: { incidentId: id }, select: { id: true } });
      await outbox(
        tx,
        closing ? 'incident.closed' : 'incident.changed',
        fresh,
        alarms.map((a) => a.id),
        now,
      );
      return true;
    });
    if (!ok) throw conflict('事件已被他人更新 / The incident was changed by someone else; reload');
    this.ctx.bus.notifyOutbox();
    return this.get(id);
  }
}
