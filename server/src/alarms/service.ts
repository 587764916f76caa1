// What people do with alarms: acknowledge (seen, being looked at), mark false, or confirm. A confirmed
// alarm becomes a case (CaseService.report with source 'sensor', category by sensor family or the
// watched part's own category) or an emergency incident. Each change and its outbox row commit together.
import crypto from 'node:crypto';
import type { AlarmConfirmBody, AlarmNoteBody, AlarmView } from '@contract/alarms';
import type { Urgency } from '@contract/domain';
import type { ServerContext } from '../context';
import type { Actor } from '../auth/sessions';
import type { CaseService } from '../cases/service';
import { decidesAlarms } from '@contract/rules';
import { FAMILY_BY_TYPE } from '../city/catalogue';
import { SYSTEM_ACTOR } from '../domain';
import { AppError, conflict, forbidden, notFound } from '../errors';
import type { AlarmEngine } from './engine';
import { alarmOutbox, toAlarmView, type AlarmRow } from './view';
import { createIncident } from '../incidents/records';
import { mayAct, mayRead } from '../access/rules';

/** Roles that open cases themselves (domain/transitions.ts `open`). */
const OPENERS = new Set(['supervisor', 'commander']);
const LEVEL_NAMES = ['', '一级', '二级', '三级', '四级'];
const URGENCY_BY_LEVEL: Urgency[] = ['critical', 'critical', 'urgent', 'normal', 'normal'];

export class AlarmService {
  constructor(
    private readonly ctx: ServerContext,
    private readonly engine: AlarmEngine,
    private readonly cases: CaseService,
  ) {}

  sensorName(sensorId: string): string {
    return this.engine.sensors.get(sensorId)?.info.name ?? sensorId;
  }

  view(row: AlarmRow): AlarmView {
    return toAlarmView(row, this.sensorName(row.sensorId));
  }

  private check(actor: Actor): void {
    if (!decidesAlarms(actor.role)) {
      throw forbidden(
        '只有受理员、派遣员和指挥长可以处理告警 / Only supervisors, dispatchers and commanders handle alarms',
      );
    }
  }

  private async load(
    id: string,
    version: number | undefined,
    allowed: string[],
    what: string,
    actor: Actor,
  ): Promise<AlarmRow> {
    const row = await this.ctx.db.alarm.findUnique({ where: { id } });
    // Out of the actor's scope reads as absent (access/rules.ts), as it does in lists and the stream.
    if (!row || !mayRead('alarm', actor, row)) throw notFound(`alarm ${id}`);
    if (!mayAct('alarm', actor, row))
      throw forbidden('只能处理本辖区的告警 / You may decide only alarms in your district');
    if (!allowed.includes(row.status)) {
      throw new AppError(
        409,
        'illegal_state',
        `告警当前状态为 ${row.status}，不能${what} / The alarm is ${row.status}: cannot ${what}`,
        {
          alarm: this.view(row),
        },
      );
    }
    if (version !== undefined && version !== row.version) throw this.stale(row);
    return row;
  }

  private stale(row: AlarmRow): AppError {
    return conflict(
      `告警已被更新（当前版本 ${row.version}），请刷新 / The alarm changed (now version ${row.version}); reload`,
      {
        alarm: this.view(row),
      },
    );
  }

  /** Guarded update + outbox in one transaction; 409 when someone else changed it first. */
  private async decide(
    row: AlarmRow,
    data: Partial<AlarmRow>,
    type: Parameters<typeof alarmOutbox>[1],
  ): Promise<AlarmRow> {
    const now = this.ctx.clock.now();
    const updated = await this.ctx.db.$transaction(async (tx) => {
      const n = await tx.alarm.updateMany({
        where: { id: row.id, version: row.version, status: row.status },
        data: { ...data, version: { increment: 1 } },
      });
      if (n.count !== 1) return null;
      const fresh = await tx.alarm.findUniqueOrThrow({ where: { id: row.id } });
      await alarmOutbox(tx, type, fresh, this.sensorName(fresh.sensorId), now);
      return fresh;
    });
    if (!updated) throw this.stale(await this.ctx.db.alarm.findUniqueOrThrow({ where: { id: row.id } }));
    this.ctx.bus.notifyOutbox();
    return updated;
  }

  async acknowledge(id: string, body: AlarmNoteBody, actor: Actor): Promise<AlarmView> {
    this.check(actor);
    const row = await this.load(id, body.version, ['open'], '确认收到 acknowledge', actor);
    const now = this.ctx.clock.now();
    return this.view(
      await this.decide(
        row,
        {
          status: 'acknowledged',
          acknowledgedAt: now,
          acknowledgedBy: actor.userId,
          note: body.note ?? row.note,
        },
        'alarm.acknowledged',
      ),
    );
  }

  async markFalse(id: string, body: AlarmNoteBody, actor: Actor): Promise<AlarmView> {
    this.check(actor);
    const row = await this.load(
      id,
      body.version,
      ['open', 'acknowledged', 'cleared'],
      '判定误报 mark false',
      actor,
    );
    const now = this.ctx.clock.now();
    return this.view(
      await this.decide(
        row,
        { status: 'false', decidedAt: now, decidedBy: actor.userId, note: body.note ?? row.note },
        'alarm.false',
      ),
    );
  }

  async confirm(id: string, body: AlarmConfirmBody, actor: Actor): Promise<AlarmView> {
    this.check(actor);
    const row = await this.load(id, body.version, ['open', 'acknowledged', 'cleared'], '确认 confirm', actor);
    const now = this.ctx.clock.now();
    const decided = { decidedAt: now, decidedBy: actor.userId, note: body.note ?? row.note };
    if (body.as === 'incident') return this.view(await this.toIncident(row, body, actor, decided));
    // Claim first (confirmed + outbox), so two people confirming at once make one case, then link the case.
    const claimed = await this.decide(row, { status: 'confirmed', ...decided }, 'alarm.confirmed');
    let caseId: string;
    try {
      const reported = await this.cases.report(await this.reportFor(claimed, body), SYSTEM_ACTOR);
      caseId = reported.id;
      // A confirmed sensor alarm is a trusted source: the case is opened at once (立案), by the person
      // who confirmed it when their role opens cases, else by the system on their behalf.
      if (reported.state === 'reported') {
        const opener = OPENERS.has(actor.role) ? actor : SYSTEM_ACTOR;
        await this.cases.transition(caseId, { command: 'open', version: reported.version }, opener);
      }
    } catch (error) {
      await this.decide(claimed, { status: row.status, decidedAt: null, decidedBy: null }, 'alarm.linked');
      throw error;
    }
    return this.view(await this.decide(claimed, { caseId }, 'alarm.linked'));
  }

  private async reportFor(row: AlarmRow, body: AlarmConfirmBody) {
    const family = FAMILY_BY_TYPE.get(row.sensorType as never);
    const sensor = this.engine.sensors.get(row.sensorId)?.info;
    let categoryId = body.categoryId ?? family?.categoryId ?? 'event-0403';
    let partId: string | undefined;
    // Part families, and any device that went offline, report the part the device is mounted on.
    if (!body.categoryId && (categoryId.startsWith('part-') || row.kind === 'offline') && sensor?.partId) {
      const part = await this.ctx.db.part.findUnique({ where: { id: sensor.partId } });
      if (part) {
        partId = part.id;
        categoryId = part.categoryId;
      }
    }
    const level = LEVEL_NAMES[row.level] ?? '';
    const kind = row.kind === 'offline' ? '设备离线' : `${level}告警`;
    const low = row.direction === 'below';
    const reading =
      row.kind === 'offline'
        ? ''
        : low
          ? `：最低 ${row.peak ?? row.value}${row.unit}（低于下限 ${row.threshold}${row.unit}），共 ${row.count} 次`
          : `：峰值 ${row.peak ?? row.value}${row.unit}（阈值 ${row.threshold}${row.unit}），共 ${row.count} 次`;
    return {
      source: 'sensor' as const,
      categoryId,
      ...(partId ? { partId } : {}),
      lon: row.lon,
      lat: row.lat,
      address: (sensor?.name ?? row.sensorId).slice(0, 200),
      description:
        `${family?.name ?? row.sensorType}${kind}${reading}。传感器 ${row.sensorId}${body.note ? `。${body.note}` : ''}`.slice(
          0,
          2000,
        ),
      urgency: URGENCY_BY_LEVEL[row.level] ?? 'normal',
      externalRef: `alarm-${row.id}`,
      photos: [],
    };
  }

  private async toIncident(
    row: AlarmRow,
    body: AlarmConfirmBody,
    actor: Actor,
    decided: Partial<AlarmRow>,
  ): Promise<AlarmRow> {
    const family = FAMILY_BY_TYPE.get(row.sensorType as never);
    const now = this.ctx.clock.now();
    const incidentId = crypto.randomUUID();
    const result = await this.ctx.db.$transaction(async (tx) => {
      const n = await tx.alarm.updateMany({
        where: { id: row.id, version: row.version, status: row.status },
        data: { status: 'confirmed', incidentId, ...decided, version: { increment: 1 } },
      });
      if (n.count !== 1) return null;
      const fresh = await tx.alarm.findUniqueOrThrow({ where: { id: row.id } });
      await createIncident(
        tx,
        this.ctx,
        {
          id: incidentId,
          title:
            body.title ??
            `${family?.name ?? row.sensorType}告警 ${this.sensorName(row.sensorId)}`.slice(0, 100),
          categoryId: body.categoryId ?? family?.categoryId ?? 'event-0403',
          severity: body.severity ?? row.level,
          lon: row.lon,
          lat: row.lat,
          address: this.sensorName(row.sensorId).slice(0, 200),
          description: body.note ?? '',
          districtCode: row.districtCode,
          gridCellId: row.gridCellId,
          caseIds: [],
          departmentIds: row.departmentId ? [row.departmentId] : [],
          createdBy: actor.userId,
        },
        now,
        [fresh.id],
      );
      await alarmOutbox(tx, 'alarm.confirmed', fresh, this.sensorName(fresh.sensorId), now);
      return fresh;
    });
    if (!result) throw this.stale(await this.ctx.db.alarm.findUniqueOrThrow({ where: { id: row.id } }));
    this.ctx.bus.notifyOutbox();
    return result;
  }
}
