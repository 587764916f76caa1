// The duty overview (值班概况) and shift hand-over (交接班): who is on duty by role (signed in now), this
// shift's figures (received, opened, dispatched, closed, overdue, alarms, incidents), what is open for the
// next shift, and hand-overs the outgoing officer writes and the incoming one signs. A hand-over keeps the
// figures as they were when it was written; it is never deleted and its acceptance is written once.
import crypto from 'node:crypto';
import {
  DUTY_ROLES,
  DutySummary,
  shiftOf,
  type DutyView,
  type HandoverAcceptBody,
  type HandoverBody,
  type HandoverView,
  type OnDuty,
  type OpenItem,
} from '@contract/duty';
import { RUNNING_CASE_STATES } from '@contract/rules';
import type { Actor } from '../auth/sessions';
import type { ServerContext } from '../context';
import { conflict, forbidden, notFound } from '../errors';

const OPEN_ITEMS = 8;
const ROLE_ORDER = [
  'commander',
  'supervisor',
  'dispatcher',
  'handler',
  'inspector',
  'leader',
  'trainer',
  'admin',
];

type HandoverRow = NonNullable<Awaited<ReturnType<ServerContext['db']['handover']['findUnique']>>>;

export class DutyService {
  constructor(private readonly ctx: ServerContext) {}

  private now(): Date {
    return this.ctx.clock.now();
  }

  /** This shift's figures and open items. */
  async summary(): Promise<DutySummary> {
    const { db } = this.ctx;
    const now = this.now();
    const shift = shiftOf(now);
    const since = { gte: shift.start };
    const overdueWhere = {
      state: { in: [...RUNNING_CASE_STATES] },
      stepDeadline: { lt: now },
      suspendedAt: null,
    };
    const [received, opened, dispatched, closed, overdue, alarms, incidents] = await Promise.all([
      db.case.count({ where: { reportedAt: since } }),
      db.caseEvent.count({ where: { toState: 'opened', at: since } }),
      db.caseEvent.count({ where: { toState: 'dispatched', at: since } }),
      db.caseEvent.count({ where: { toState: 'closed', at: since } }),
      db.case.count({ where: overdueWhere }),
      db.alarm.count({ where: { firstSeenAt: since } }),
      db.incident.count({ where: { startedAt: since } }),
    ]);
    const [openAlarms, activeIncidents, overdueTop, alarmTop, incidentTop] = await Promise.all([
      db.alarm.count({ where: { status: { in: ['open', 'acknowledged'] } } }),
      db.incident.count({ where: { status: 'active' } }),
      db.case.findMany({
        where: overdueWhere,
        orderBy: { stepDeadline: 'asc' },
        take: OPEN_ITEMS,
        select: { id: true, caseNumber: true, address: true, state: true, stepDeadline: true },
      }),
      db.alarm.findMany({
        where: { status: { in: ['open', 'acknowledged'] } },
        orderBy: [{ level: 'asc' }, { lastSeenAt: 'desc' }],
        take: OPEN_ITEMS,
        select: { id: true, sensorId: true, level: true, status: true, lastSeenAt: true },
      }),
      db.incident.findMany({
        where: { status: 'active' },
        orderBy: { startedAt: 'desc' },
        take: OPEN_ITEMS,
        select: { id: true, title: true, severity: true, startedAt: true },
      }),
    ]);
    const items: OpenItem[] = [
      ...incidentTop.map((i) => ({
        kind: 'incident' as const,
        id: i.id,
        label: i.title,
        detail: `severity ${i.severity}`,
        at: i.startedAt.toISOString(),
        level: i.severity,
      })),
      ...alarmTop.map((a) => ({
        kind: 'alarm' as const,
        id: a.id,
        label: a.sensorId,
        detail: `level ${a.level} · ${a.status}`,
        at: a.lastSeenAt.toISOString(),
        level: a.level,
        state: a.status,
      })),
      ...overdueTop.map((c) => ({
        kind: 'case' as const,
        id: c.id,
        label: c.caseNumber,
        detail: `${c.state} · ${c.address}`.slice(0, 120),
        at: (c.stepDeadline ?? now).toISOString(),
        state: c.state,
        address: c.address.slice(0, 120),
      })),
    ];
    return {
      shiftStart: shift.start.toISOString(),
      shiftEnd: shift.end.toISOString(),
      shiftKind: shift.kind,
      counts: { received, opened, dispatched, closed, overdue, alarms, incidents },
      open: { overdue, alarms: openAlarms, incidents: activeIncidents, items },
    };
  }

  /** Who is signed in now, by role (the earliest sign-in of each person this session). */
  async onDuty(): Promise<OnDuty[]> {
    const sessions = await this.ctx.db.session.findMany({
      where: { expiresAt: { gt: this.now() } },
      select: {
        createdAt: true,
        user: { select: { id: true, displayName: true, role: true, active: true } },
      },
      orderBy: { createdAt: 'asc' },
      take: 5000,
    });
    const byRole = new Map<string, Map<string, OnDuty['users'][number]>>();
    for (const s of sessions) {
      if (!s.user.active) continue;
      const users = byRole.get(s.user.role) ?? new Map();
      if (!users.has(s.user.id))
        users.set(s.user.id, {
          userId: s.user.id,
          displayName: s.user.displayName,
          since: s.createdAt.toISOString(),
        });
      byRole.set(s.user.role, users);
    }
    return [...byRole.entries()]
      .sort(([a], [b]) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b))
      .map(([role, users]) => ({ role, users: [...users.values()] }));
  }

  async view(): Promise<DutyView> {
    const [summary, onDuty, handovers] = await Promise.all([this.summary(), this.onDuty(), this.list(5)]);
    return { ...summary, onDuty, handovers };
  }

  async list(limit = 20): Promise<HandoverView[]> {
    const rows = await this.ctx.db.handover.findMany({ orderBy: { createdAt: 'desc' }, take: limit });
    return rows.map(toView);
  }

  private checkRole(actor: Actor): void {
    if (!(DUTY_ROLES as readonly string[]).includes(actor.role))
      throw forbidden(
        '只有值班的受理员、派遣员和指挥长可以交接班 / Only the duty supervisor, dispatcher or commander hand over a shift',
      );
  }

  /** The outgoing officer writes the hand-over: their notes and the shift's figures as they are now. */
  async create(body: HandoverBody, actor: Actor): Promise<HandoverView> {
    this.checkRole(actor);
    const summary = await this.summary();
    const row = await this.ctx.db.handover.create({
      data: {
        id: crypto.randomUUID(),
        shiftStart: new Date(summary.shiftStart),
        shiftEnd: new Date(summary.shiftEnd),
        fromUserId: actor.userId,
        fromName: actor.displayName,
        fromRole: actor.role,
        notes: body.notes,
        summary: JSON.stringify(summary),
        createdAt: this.now(),
        drill: this.ctx.config.drill,
      },
    });
    this.ctx.log.info('handover written', { handoverId: row.id, userId: actor.userId, role: actor.role });
    return toView(row);
  }

  /** The incoming officer signs it, once; not the person who wrote it. */
  async accept(id: string, body: HandoverAcceptBody, actor: Actor): Promise<HandoverView> {
    this.checkRole(actor);
    const row = await this.ctx.db.handover.findUnique({ where: { id } });
    if (!row) throw notFound(`handover ${id}`);
    if (row.fromUserId === actor.userId)
      throw forbidden('交班人不能自己接班签字 / The officer handing over cannot sign as the one taking over');
    const signed = await this.ctx.db.handover.updateMany({
      where: { id, toUserId: null },
      data: {
        toUserId: actor.userId,
        toName: actor.displayName,
        toNote: body.note ?? '',
        acceptedAt: this.now(),
      },
    });
    const fresh = await this.ctx.db.handover.findUniqueOrThrow({ where: { id } });
    if (signed.count !== 1)
      throw conflict(`交接班已由 ${fresh.toName ?? ''} 签收 / Already signed by ${fresh.toName ?? ''}`, {
        handover: toView(fresh),
      });
    this.ctx.log.info('handover signed', { handoverId: id, userId: actor.userId, role: actor.role });
    return toView(fresh);
  }
}

function toView(row: HandoverRow): HandoverView {
  return {
    id: row.id,
    shiftStart: row.shiftStart.toISOString(),
    shiftEnd: row.shiftEnd.toISOString(),
    fromUserId: row.fromUserId,
    fromName: row.fromName,
    fromRole: row.fromRole,
    notes: row.notes,
    summary: DutySummary.parse(JSON.parse(row.summary)),
    toUserId: row.toUserId,
    toName: row.toName,
    toNote: row.toNote,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    drill: row.drill,
  };
}
