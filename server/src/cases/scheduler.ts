// The clock scheduler: emits reminder (提醒), urge (催办) and supervision (督办) slips as case events
// when a step clock reaches its escalation points, and resumes suspended cases whose extension ended.
// It looks only at cases whose nextEscalationAt / resumeAt has passed. Suspended clocks emit nothing.
import {
  applyCommand,
  dueEscalations,
  escalationEvent,
  fromClockRecord,
  nextEscalationAt,
  SYSTEM_ACTOR,
  type EscalationKind,
} from '../domain';
import type { ServerContext } from '../context';
import type { CaseService } from './service';
import { clockRecordOf, toSnapshot, toSummary, type CaseRow } from './view';
import { appendOutbox } from '../db/outbox';
import { caseOutbox, eventRow } from './store';

export interface SweepResult {
  slips: number;
  resumed: number;
}

export async function sweepClocks(
  ctx: ServerContext,
  service: CaseService,
  batch = 500,
): Promise<SweepResult> {
  const now = ctx.clock.now();
  const ref = service.ref;
  let slips = 0;
  let resumed = 0;

  const resumable = await ctx.db.case.findMany({
    where: { state: 'suspended', resumeAt: { lte: now } },
    take: batch,
  });
  for (const row of resumable as CaseRow[]) {
    const result = applyCommand(
      toSnapshot(row),
      { command: 'resume', note: '延期到期，自动恢复 / extension ended' },
      SYSTEM_ACTOR,
      now,
    );
    if (!result.ok) continue;
    try {
      await service.command(
        row.id,
        { command: 'resume', version: row.version, note: result.event.note },
        SYSTEM_ACTOR,
      );
      resumed++;
    } catch (error) {
      ctx.log.debug('auto-resume skipped', { caseId: row.id, err: error });
    }
  }

  const due = await ctx.db.case.findMany({
    where: { nextEscalationAt: { lte: now }, suspendedAt: null, clockStep: { not: null } },
    orderBy: { nextEscalationAt: 'asc' },
    take: batch,
  });
  for (const row of due as CaseRow[]) {
    const clock = fromClockRecord(clockRecordOf(row));
    if (!clock) continue;
    const emitted = JSON.parse(row.escalations) as EscalationKind[];
    const kinds = dueEscalations(clock, emitted, now, ref.calendar, ref.escalation);
    const all = [...emitted, ...kinds];
    const next = nextEscalationAt(clock, all, ref.calendar, ref.escalation);
    await ctx.db.$transaction(async (tx) => {
      // Guarded by the emitted list, not the version: slips must not make people's commands stale.
      const updated = await tx.case.updateMany({
        where: {
          id: row.id,
          escalations: row.escalations,
          clockStep: row.clockStep,
          stepStartedAt: row.stepStartedAt,
        },
        data: { escalations: JSON.stringify(all), nextEscalationAt: next?.at ?? null },
      });
      if (updated.count !== 1) return;
      const fresh = { ...row, escalations: JSON.stringify(all), nextEscalationAt: next?.at ?? null };
      for (const kind of kinds) {
        const event = escalationEvent(toSnapshot(row), kind, clock.step, now, SYSTEM_ACTOR);
        await tx.caseEvent.create({ data: { caseId: row.id, ...eventRow(event) } });
        await appendOutbox(
          tx,
          caseOutbox('case.escalated', row, toSummary(fresh, ref, now), {
            escalation: kind,
            step: clock.step,
          }),
          now,
        );
        slips++;
      }
    });
  }
  if (slips) ctx.bus.notifyOutbox();
  return { slips, resumed };
}

export function startScheduler(ctx: ServerContext, service: CaseService, everyMs = 15_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepClocks(ctx, service)
      .then((r) => {
        if (r.slips || r.resumed) ctx.log.info('clock sweep', { ...r });
      })
      .catch((error: unknown) => ctx.log.error('clock sweep failed', { err: error }))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
