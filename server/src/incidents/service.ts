// Emergency command: incident commands (the lifecycle table in domain/incidents/lifecycle.ts), unit
// status changes by hand, by the simulator and by arrival (a fix within 50 m of the site while en
// route). Each command is one transaction of changes, append-only events and outbox rows.
import type { IncidentCommandBody, IncidentLevel, IncidentState, UnitStatus } from '@contract/incidents';
import type { Actor } from '../auth/sessions';
import type { ServerContext } from '../context';
import type { DispatchUnit, Incident } from '../db/generated/sqlite/client';
import {
  arrivesAt,
  checkAssign,
  checkIncidentCommand,
  checkUnitStatus,
  COMMITTED,
  deriveIncidentState,
  incidentAfter,
  type IncidentCommandInput,
} from '../domain/incidents';
import type { AppError } from '../errors';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import type { PositionTracker } from '../ingest/positions';
import { MOVING, type LiveUnits } from './live-units';
import type { UnitStore } from './unit-store';
import {
  appendIncidentEvent,
  changeUnit,
  UnitConflict,
  unitPayload,
  updateIncident,
  type IncidentEventDraft,
  type WriteActor,
} from './writes';

const VERSIONED = new Set(['setLevel', 'handOver', 'control', 'close', 'cancel']);
const json = (s: string) => JSON.parse(s) as string[];
const merge = (s: string, add: string[] = []) => JSON.stringify([...new Set([...json(s), ...add])]);

export class IncidentCommands {
  /** units en route (or dispatched) and their sites, for arrival by GPS */
  private watch = new Map<string, { incidentId: string; site: [number, number] }>();
  private arriving = new Set<string>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly units: UnitStore,
    private readonly live: LiveUnits,
  ) {}

  /** The expected arrival of a unit moving to the incident's site (for the live picture). */
  private etaAt(u: DispatchUnit, to: UnitStatus, site: Incident, now: Date): Date | null {
    return MOVING.includes(to) ? this.live.etaAt(u, [site.lon, site.lat], now) : null;
  }

  async start(positions: PositionTracker): Promise<void> {
    await this.units.ensure();
    await this.refreshWatch();
    positions.onFixes = (fixes) => this.onFixes(fixes);
  }

  private async refreshWatch(): Promise<void> {
    const rows = await this.ctx.db.dispatchUnit.findMany({
      where: { status: { in: ['dispatched', 'en_route'] }, incidentId: { not: null } },
    });
    const incidents = await this.ctx.db.incident.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.incidentId as string))] } },
      select: { id: true, lon: true, lat: true },
    });
    const site = new Map(incidents.map((i) => [i.id, [i.lon, i.lat] as [number, number]]));
    this.watch = new Map(
      rows
        .filter((r) => site.has(r.incidentId as string))
        .map((r) => [r.id, { incidentId: r.incidentId as string, site: site.get(r.incidentId as string)! }]),
    );
  }

  private onFixes(fixes: ReadonlyArray<{ id: string; lon: number; lat: number }>): void {
    for (const f of fixes) {
      const w = this.watch.get(f.id);
      if (!w || this.arriving.has(f.id)) continue;
      if (!arrivesAt({ status: 'en_route' }, [f.lon, f.lat], w.site)) continue;
      this.arriving.add(f.id);
      void this.unitStatus(f.id, { status: 'on_scene', note: '到达现场 50 m 内 / arrived within 50 m' }, null)
        .catch((err: unknown) => this.ctx.log.warn('arrival not recorded', { unitId: f.id, err }))
        .finally(() => this.arriving.delete(f.id));
    }
  }

  private async load(id: string): Promise<Incident> {
    const row = await this.ctx.db.incident.findUnique({ where: { id } });
    if (!row) throw notFound(`incident ${id}`);
    return row;
  }

  private async unitConflict(unitId: string, reason: string): Promise<AppError> {
    const row = await this.ctx.db.dispatchUnit.findUnique({ where: { id: unitId } });
    return conflict(reason, { unit: row ? unitPayload(row) : null });
  }

  /** One command on an incident. Returns the incident row after it. */
  async command(id: string, body: IncidentCommandBody, actor: Actor | null): Promise<Incident> {
    const who: WriteActor = actor
      ? { userId: actor.userId, role: actor.role }
      : { userId: null, role: 'system' };
    const row = await this.load(id);
    const state = row.state as IncidentState;
    const unitIds = body.unitIds ?? (body.unitId ? [body.unitId] : []);
    const input: IncidentCommandInput = { ...body, unitId: unitIds[0] };
    const check = checkIncidentCommand(state, who, input);
    if (!check.ok) {
      if (check.kind === 'illegal_state')
        throw conflict(check.message, { allowed: check.allowed, state, version: row.version });
      throw check.kind === 'forbidden' ? forbidden(check.message) : badRequest(check.message);
    }
    if (VERSIONED.has(body.command)) {
      if (body.version === undefined) throw badRequest(`${body.command} needs the incident version you saw`);
      if (body.version !== row.version)
        throw conflict(
          `事件已被更新（当前版本 ${row.version}） / The incident changed (now version ${row.version}); reload`,
          {
            state,
            version: row.version,
          },
        );
    }
    if (body.command === 'handOver') {
      const user = await this.ctx.db.user.findUnique({ where: { id: body.commanderId as string } });
      if (!user || user.role !== 'commander') throw badRequest('commanderId must name a commander');
    }
    const now = this.ctx.clock.now();
    try {
      const fresh = await this.ctx.db.$transaction(async (tx) => {
        const ev = (command: string, to: IncidentState, extra: Partial<IncidentEventDraft> = {}) =>
          appendIncidentEvent(tx, id, { command, fromState: state, toState: to, ...extra }, who, now);
        const note = body.note ?? '';
        switch (body.command) {
          case 'assign': {
            const statuses: UnitStatus[] = [];
            for (const unitId of unitIds) {
              const u = await tx.dispatchUnit.findUnique({ where: { id: unitId } });
              if (!u) throw new UnitConflict(unitId, `unit ${unitId} not found`);
              const ok = checkAssign(this.units.snapshot(this.units.locate(u)), id);
              if (!ok.ok) throw new UnitConflict(unitId, ok.message);
              await changeUnit(
                tx,
                u,
                'dispatched',
                id,
                who,
                now,
                note,
                this.etaAt(u, 'dispatched', row, now),
              );
              statuses.push('dispatched');
            }
            const to = deriveIncidentState(state, statuses, true);
            for (const unitId of unitIds) await ev('assign', to, { unitId, unitStatus: 'dispatched', note });
            return updateIncident(tx, row, { state: to }, now, 'assign');
          }
          case 'release':
          case 'unitStatus': {
            const u = await tx.dispatchUnit.findUnique({ where: { id: unitIds[0] as string } });
            if (!u || u.incidentId !== id)
              throw badRequest(`unit ${unitIds[0]} is not assigned to this incident`);
            const target: UnitStatus =
              body.command === 'release'
                ? u.kind === 'inspector'
                  ? 'available'
                  : 'returning'
                : (body.status as UnitStatus);
            const ok = checkUnitStatus(this.units.snapshot(this.units.locate(u)), target);
            if (!ok.ok) throw new UnitConflict(u.id, ok.message);
            await changeUnit(
              tx,
              u,
              target,
              incidentAfter(this.units.snapshot(this.units.locate(u)), target),
              who,
              now,
              note,
              this.etaAt(u, target, row, now),
            );
            const others = await tx.dispatchUnit.findMany({
              where: { incidentId: id },
              select: { status: true },
            });
            const to = deriveIncidentState(
              state,
              [target, ...others.map((o) => o.status as UnitStatus)],
              true,
            );
            await ev(body.command, to, { unitId: u.id, unitStatus: target, note });
            return updateIncident(tx, row, { state: to }, now, body.command);
          }
          case 'note':
            await ev('note', state, { note });
            return updateIncident(tx, row, {}, now, 'note');
          case 'setLevel':
            await ev('setLevel', state, { note, data: { from: row.severity, to: body.level } });
            return updateIncident(tx, row, { severity: body.level as IncidentLevel }, now, 'setLevel');
          case 'handOver':
            await ev('handOver', state, { note, data: { from: row.commanderId, to: body.commanderId } });
            return updateIncident(tx, row, { commanderId: body.commanderId as string }, now, 'handOver');
          case 'link': {
            const l = body.links ?? {};
            if (l.alarmIds?.length)
              await tx.alarm.updateMany({ where: { id: { in: l.alarmIds } }, data: { incidentId: id } });
            await ev('link', state, { note, data: l });
            return updateIncident(
              tx,
              row,
              { caseIds: merge(row.caseIds, l.caseIds), cameraIds: merge(row.cameraIds, l.cameraIds) },
              now,
              'link',
            );
          }
          case 'control':
            await ev('control', 'under_control', { note });
            return updateIncident(tx, row, { state: 'under_control' }, now, 'control');
          case 'close':
          case 'cancel': {
            const to: IncidentState = body.command === 'close' ? 'closed' : 'cancelled';
            const committed = await tx.dispatchUnit.findMany({ where: { incidentId: id } });
            for (const u of committed) {
              if (!COMMITTED.includes(u.status as UnitStatus)) continue;
              const back: UnitStatus = u.kind === 'inspector' ? 'available' : 'returning';
              await changeUnit(tx, u, back, null, who, now, body.command);
              await ev('release', to, { unitId: u.id, unitStatus: back, note: body.command });
            }
            const text = body.command === 'close' ? (body.summary as string) : (body.reason as string);
            await ev(body.command, to, { note: text });
            return updateIncident(
              tx,
              row,
              { state: to, status: 'closed', closedAt: now, summary: text },
              now,
              body.command,
            );
          }
        }
      });
      this.ctx.bus.notifyOutbox();
      await this.refreshWatch();
      return fresh;
    } catch (err) {
      if (err instanceof UnitConflict) throw await this.unitConflict(err.unitId, err.reason);
      throw err;
    }
  }

  /**
   * A unit's status by hand (commander, dispatcher), by the simulator or by arrival (actor null = system).
   * A committed unit's change goes through its incident so the incident state follows.
   */
  async unitStatus(
    unitId: string,
    body: { status: UnitStatus; version?: number; note?: string },
    actor: Actor | null,
  ): Promise<DispatchUnit> {
    if (actor && actor.role !== 'commander' && actor.role !== 'dispatcher')
      throw forbidden(
        '只有指挥长和派遣员可以改变单元状态 / Only commanders and dispatchers change unit status',
      );
    const u = await this.ctx.db.dispatchUnit.findUnique({ where: { id: unitId } });
    if (!u) throw notFound(`unit ${unitId}`);
    if (body.version !== undefined && body.version !== u.version)
      throw conflict(`单元已被更新 / The unit changed (now version ${u.version}); reload`, {
        unit: unitPayload(u),
      });
    if (u.status === body.status) return u;
    if (u.incidentId && COMMITTED.includes(u.status as UnitStatus)) {
      await this.command(
        u.incidentId,
        { command: 'unitStatus', unitId, status: body.status, note: body.note },
        actor,
      );
      return this.ctx.db.dispatchUnit.findUniqueOrThrow({ where: { id: unitId } });
    }
    const ok = checkUnitStatus(this.units.snapshot(this.units.locate(u)), body.status);
    if (!ok.ok)
      throw ok.kind === 'invalid' ? badRequest(ok.message) : conflict(ok.message, { unit: unitPayload(u) });
    const who: WriteActor = actor
      ? { userId: actor.userId, role: actor.role }
      : { userId: null, role: 'system' };
    try {
      const fresh = await this.ctx.db.$transaction((tx) =>
        changeUnit(tx, u, body.status, null, who, this.ctx.clock.now(), body.note ?? ''),
      );
      this.ctx.bus.notifyOutbox();
      return fresh;
    } catch (err) {
      if (err instanceof UnitConflict) throw await this.unitConflict(err.unitId, err.reason);
      throw err;
    }
  }
}
