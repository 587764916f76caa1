// The case workflow on top of the database: every command runs the pure state machine, then writes
// the case (guarded by its version), one CaseEvent and one Outbox row in one transaction.
import crypto from 'node:crypto';
import type { CaseDetail, CaseSummary, CommandBody, ReportBody } from '@contract/cases';
import type { Urgency } from '@contract/domain';
import type { CasePayload } from '@contract/stream';
import {
  allowedCommands,
  applyCommand,
  caseNumberDay,
  followUpNote,
  followUpOf,
  formatCaseNumber,
  nextEscalationAt,
  nextStepClock,
  suggestDepartment,
  SYSTEM_ACTOR,
  toClockRecord,
  fromClockRecord,
  type Actor,
  type CaseEventDraft,
  type CommandFailure,
  type CommandInput,
  type CommandSuccess,
  type EscalationKind,
  withSuggestedDepartment,
} from '../domain';
import type { ServerContext } from '../context';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors';
import type { Tx } from '../db/client';
import { appendOutbox, outboxRow } from '../db/outbox';
import type { CategoryRef, Reference } from '../db/reference';
import { locatePoint } from './locate';
import { caseOutbox, eventRow, type CaseStore, type TransitionWrite } from './store';
import { duplicatesOf, toDetail } from './read';
import { clockRecordOf, toSnapshot, toSummary, type CaseRow } from './view';

export function failureToError(failure: CommandFailure, current?: unknown): AppError {
  if (failure.kind === 'illegal_state') {
    return new AppError(409, 'illegal_state', failure.message, { allowed: failure.allowed, case: current });
  }
  return failure.kind === 'forbidden' ? forbidden(failure.message) : badRequest(failure.message);
}

function resolveCategory(ref: Reference, body: ReportBody, partCategoryId: string | null): CategoryRef {
  const id = body.categoryId ?? (body.kind && body.code ? `${body.kind}-${body.code}` : partCategoryId);
  const category = id ? ref.categories.get(id) : undefined;
  if (!category || category.isMajor) {
    throw badRequest(
      `未知的问题类别 ${id ?? ''} / Unknown category "${id ?? ''}": use a subclass id such as event-0102 or part-0101`,
    );
  }
  if (!category.active)
    throw badRequest(`类别 ${category.name} 已停用 / Category ${category.id} is no longer in use`);
  return category;
}

interface Written {
  row: CaseRow;
  seq: number;
}

export class CaseService {
  constructor(
    private readonly ctx: ServerContext,
    public ref: Reference,
    private readonly store: CaseStore,
  ) {}

  private now(): Date {
    return this.ctx.clock.now();
  }

  private clockFields(
    row: CaseRow | null,
    category: CategoryRef,
    urgency: Urgency,
    result: CommandSuccess,
    now: Date,
  ) {
    const current = row ? fromClockRecord(clockRecordOf(row)) : null;
    const { clock, resetEscalations } = nextStepClock(
      current,
      result.clock,
      now,
      (step) => this.ref.limitFor(category, urgency, step),
      this.ref.calendar,
    );
    const emitted = resetEscalations || !row ? [] : (JSON.parse(row.escalations) as string[]);
    const next = clock
      ? nextEscalationAt(clock, emitted as EscalationKind[], this.ref.calendar, this.ref.escalation)
      : null;
    return {
      ...toClockRecord(clock, this.ref.calendar),
      escalations: JSON.stringify(emitted),
      nextEscalationAt: next?.at ?? null,
    };
  }

  private async appendEvent(tx: Tx, caseId: string, event: CaseEventDraft): Promise<void> {
    await tx.caseEvent.create({ data: { caseId, ...eventRow(event) } });
  }

  private async outbox(
    tx: Tx,
    type: 'case.created' | 'case.changed',
    row: CaseRow,
    now: Date,
    extra: Omit<CasePayload, 'case'> = {},
  ) {
    return appendOutbox(tx, caseOutbox(type, row, toSummary(row, this.ref, now), extra), now);
  }

  /** A new report from any channel: located, routed, checked for duplicates, numbered. */
  async report(body: ReportBody, actor: Actor): Promise<CaseDetail> {
    const now = this.now();
    const { db } = this.ctx;
    const part = body.partId ? await db.part.findUnique({ where: { id: body.partId } }) : null;
    if (body.partId && !part)
      throw badRequest(`部件 ${body.partId} 不存在 / Part ${body.partId} is not in the part census`);
    const category = resolveCategory(this.ref, body, part?.categoryId ?? null);
    if (part && part.categoryId !== category.id) {
      throw badRequest(
        `部件 ${part.id} 属于 ${part.categoryId}，与类别 ${category.id} 不符 / part and category disagree`,
      );
    }
    const where = await locatePoint(db, body.lon, body.lat);
    if (!where) {
      throw badRequest(
        `位置 (${body.lon}, ${body.lat}) 不在本市网格内 / The point is outside the city's grid: check lon/lat`,
      );
    }
    const urgency = body.urgency ?? category.defaultUrgency;
    const input: CommandInput = { command: 'report', source: body.source, note: body.description };
    const result = applyCommand(null, input, actor, now);
    if (!result.ok) throw failureToError(result);

    const routing = suggestDepartment({
      kind: category.kind,
      categoryCode: category.code,
      districtCode: where.districtCode,
      streetCode: where.streetCode,
      partOwnerDepartmentId: part?.ownerDepartmentId ?? null,
      autoDispatch: category.autoDispatch,
      departments: [...this.ref.departments.values()],
    });
    const duplicates = await duplicatesOf(db, {
      categoryId: category.id,
      lon: body.lon,
      lat: body.lat,
      reportedAt: now,
    });
    const id = crypto.randomUUID();
    const clock = this.clockFields(null, category, urgency, result, now);

    const written = await db.$transaction(async (tx): Promise<Written> => {
      const day = caseNumberDay(now);
      const serial = await tx.caseSerial.upsert({
        where: { day },
        create: { day, last: 1 },
        update: { last: { increment: 1 } },
      });
      const row = (await tx.case.create({
        data: {
          id,
          caseNumber: formatCaseNumber(now, serial.last),
          source: body.source,
          kind: category.kind,
          categoryId: category.id,
          partId: part?.id ?? null,
          lon: body.lon,
          lat: body.lat,
          ...where,
          address: body.address,
          description: body.description,
          photos: JSON.stringify(body.photos),
          urgency,
          state: result.next.state,
          reporterId: result.next.reporterId ?? null,
          externalRef: body.externalRef ?? null,
          suggestedDepartmentId: routing.departmentId,
          routingReason: routing.reason,
          duplicateOfId: duplicates[0]?.id ?? null,
          drill: this.ctx.config.drill,
          reportedAt: now,
          createdAt: now,
          ...clock,
        },
      })) as CaseRow;
      await this.appendEvent(tx, id, {
        ...result.event,
        attachments: body.photos,
        data: {
          ...result.event.data,
          suggestedDepartmentId: routing.departmentId,
          routingRule: routing.rule,
          duplicateOfId: duplicates[0]?.id ?? null,
        },
      });
      const seq = await this.outbox(tx, 'case.created', row, now, {
        possibleDuplicates: duplicates.map((d) => d.id),
      });
      return { row, seq };
    });
    this.ctx.bus.notifyOutbox();
    if (duplicates.length) {
      this.ctx.log.info('possible duplicate reported', {
        caseId: id,
        duplicates: duplicates.map((d) => d.id),
      });
    }
    return this.detail(written.row.id, actor);
  }

  /** Runs one workflow command and returns the full detail (timeline, allowed commands) for the UI. */
  async command(caseId: string, body: CommandBody, actor: Actor): Promise<CaseDetail> {
    await this.transition(caseId, body, actor);
    return this.detail(caseId, actor);
  }

  /**
   * Runs one workflow command with optimistic concurrency: checks, then case update (guarded by the
   * version) + CaseEvent + Outbox row in one transaction. Returns the case as written.
   */
  async transition(caseId: string, body: CommandBody, actor: Actor): Promise<CaseSummary> {
    const { db } = this.ctx;
    const row = await this.store.load(caseId);
    if (!row) throw notFound(`case ${caseId}`);
    const now = this.now();
    const category = this.ref.categories.get(row.categoryId);
    if (!category)
      throw new AppError(500, 'internal', `case ${caseId} has unknown category ${row.categoryId}`);
    const { version, ...rest } = body;
    const input = rest as CommandInput;
    if (input.departmentId !== undefined && !this.ref.departments.get(input.departmentId)?.active) {
      throw badRequest(
        `部门 ${input.departmentId} 不存在或已停用 / Unknown or inactive department "${input.departmentId}"`,
      );
    }
    if (input.mergedIntoId !== undefined) {
      if (input.mergedIntoId === caseId)
        throw badRequest('不能合并到自身 / A case cannot be merged into itself');
      const target = await db.case.findUnique({ where: { id: input.mergedIntoId }, select: { id: true } });
      if (!target) throw badRequest(`目标案件 ${input.mergedIntoId} 不存在 / Case to merge into not found`);
    }
    const command = withSuggestedDepartment(input, row);
    const result = applyCommand(toSnapshot(row), command, actor, now);
    if (!result.ok) {
      if (result.kind === 'forbidden') {
        this.ctx.log.warn('command denied', {
          caseId,
          command: input.command,
          userId: actor.userId,
          role: actor.role,
        });
      }
      throw failureToError(
        result,
        result.kind === 'illegal_state' ? toSummary(row, this.ref, now) : undefined,
      );
    }
    if (row.version !== version) throw this.stale(row, now);

    const first = this.plan(row, category, result, version, now, input.extensionMinutes);
    const writes = [first.write];
    let fresh = first.row;
    let summary = first.summary;
    const followUp = followUpOf(command, category, fresh);
    if (followUp) {
      const auto = applyCommand(toSnapshot(fresh), followUp, SYSTEM_ACTOR, now);
      if (auto.ok) {
        const { note, data } = followUpNote(fresh);
        auto.event.note = note;
        auto.event.data = { ...auto.event.data, ...data };
        const second = this.plan(fresh, category, auto, fresh.version, now);
        writes.push(second.write);
        fresh = second.row;
        summary = second.summary;
      }
    }
    const committed = await this.store.commit(writes);
    if (!committed.ok) throw this.stale(committed.current ?? row, now);
    this.ctx.bus.notifyOutbox();
    return summary;
  }

  private stale(row: CaseRow, now: Date): AppError {
    return conflict(
      `案件已被他人更新（当前版本 ${row.version}），请刷新后重试 / The case was changed by someone else (now version ${row.version}); reload and try again`,
      { case: toSummary(row, this.ref, now) },
    );
  }

  /** The write of one transition, the row as it will be (without reading it back) and its summary. */
  private plan(
    row: CaseRow,
    category: CategoryRef,
    result: CommandSuccess,
    version: number,
    now: Date,
    extensionMinutes?: number,
  ): { write: TransitionWrite; row: CaseRow; summary: CaseSummary } {
    const urgency = (result.next.urgency ?? row.urgency) as Urgency;
    const clock = result.clock === 'keep' ? {} : this.clockFields(row, category, urgency, result, now);
    const resumeAt =
      result.next.state === 'suspended' && extensionMinutes
        ? new Date(now.getTime() + extensionMinutes * 60_000)
        : null;
    const set: Partial<CaseRow> = { ...result.next, ...clock, resumeAt, updatedAt: now };
    const fresh = { ...row, ...set, version: version + 1 } as CaseRow;
    const e = result.event;
    const type = ['urge', 'supervise'].includes(e.command) ? 'case.escalated' : 'case.changed';
    const summary = toSummary(fresh, this.ref, now);
    return {
      row: fresh,
      summary,
      write: {
        id: row.id,
        expectedVersion: version,
        set,
        event: eventRow(e),
        outbox: outboxRow(
          caseOutbox(type, fresh, summary, {
            event: { command: e.command, from: e.fromState, to: e.toState },
          }),
          now,
        ),
      },
    };
  }

  /** Turns stored photo URLs into URLs the reader's <img> can load (photos/store.ts signs them). */
  attachmentSigner: ((url: string) => string) | null = null;

  async detail(caseId: string, actor: Actor): Promise<CaseDetail> {
    const detail = await toDetail(this.ctx.db, this.ref, caseId, actor, this.now(), (row) =>
      allowedCommands(toSnapshot(row), actor),
    );
    const sign = this.attachmentSigner;
    if (!sign) return detail;
    return {
      ...detail,
      photos: detail.photos.map(sign),
      events: detail.events.map((e) =>
        e.attachments.length ? { ...e, attachments: e.attachments.map(sign) } : e,
      ),
    };
  }
}
