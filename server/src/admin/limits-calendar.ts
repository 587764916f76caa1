// Time limits per category (or the default rows) and the working calendar of a year, for the
// administrator. Each is replaced as a whole with its audit entry in one transaction, then the in-memory
// reference is reloaded: new clocks use the new limits and deadlines count the new holidays.
import type {
  AdminCalendar,
  AdminCalendarPut,
  AdminTimeLimits,
  AdminTimeLimitsPut,
  TimeLimitEntry,
} from '@contract/admin';
import { LIMIT_STEPS } from '@contract/admin';
import { URGENCIES } from '@contract/domain';
import { changedEntries, expectVersion, recordChange, requireAdmin, versionOf } from '../audit/admin-changes';
import type { Actor } from '../auth/sessions';
import type { ServerContext } from '../context';
import { calendarProblem, limitsProblem } from '../domain/admin-rules';
import { badRequest, notFound } from '../errors';

const DEFAULT = 'default';
/** "normal.accept" → "240 working_minutes": the audit shows the cells that changed. */
const cells = (rows: TimeLimitEntry[]) =>
  Object.fromEntries(rows.map((r) => [`${r.urgency}.${r.step}`, `${r.minutes} ${r.unit}`]));
const order = (r: TimeLimitEntry) => URGENCIES.indexOf(r.urgency) * 10 + LIMIT_STEPS.indexOf(r.step);

export class AdminLimitsCalendar {
  constructor(
    private readonly ctx: ServerContext,
    private readonly reload: () => Promise<void>,
  ) {}

  private async categoryOf(key: string): Promise<string | null> {
    return (await this.categoryRow(key))?.id ?? null;
  }

  private async categoryRow(key: string) {
    if (key === DEFAULT) return null;
    const row = await this.ctx.db.category.findUnique({ where: { id: key } });
    if (!row) throw notFound(`category ${key}`);
    return row;
  }

  async limits(key: string, actor: Actor): Promise<AdminTimeLimits> {
    requireAdmin(actor, '查看时限 / read time limits');
    const category = await this.categoryRow(key);
    const categoryId = category?.id ?? null;
    const rows = await this.ctx.db.timeLimit.findMany({ where: { categoryId } });
    return {
      categoryId,
      category: category && {
        id: category.id,
        name: category.name,
        nameEn: category.nameEn,
        defaultUrgency: category.defaultUrgency as AdminTimeLimits['rows'][number]['urgency'],
        autoDispatch: category.autoDispatch,
        safetyCritical: category.safetyCritical,
        active: category.active,
        version: await versionOf(this.ctx.db, 'category', category.id),
      },
      rows: rows
        .map((r) => ({
          urgency: r.urgency as TimeLimitEntry['urgency'],
          step: r.step as TimeLimitEntry['step'],
          unit: r.unit as TimeLimitEntry['unit'],
          minutes: r.minutes,
        }))
        .sort((a, b) => order(a) - order(b)),
      version: await versionOf(this.ctx.db, 'timeLimit', key),
    };
  }

  async putLimits(key: string, body: AdminTimeLimitsPut, actor: Actor): Promise<AdminTimeLimits> {
    requireAdmin(actor, '修改时限 / change time limits');
    const categoryId = await this.categoryOf(key);
    const problem = limitsProblem(body.rows);
    if (problem) throw badRequest(problem);
    const before = await this.limits(key, actor);
    await this.ctx.db.$transaction(async (tx) => {
      await expectVersion(tx, 'timeLimit', key, body.version, before);
      await tx.timeLimit.deleteMany({ where: { categoryId } });
      await tx.timeLimit.createMany({
        data: body.rows.map((r) => ({ id: `${key}:${r.urgency}:${r.step}`, categoryId, ...r })),
      });
      await recordChange(tx, this.ctx, actor, {
        entity: 'timeLimit',
        id: key,
        action: 'update',
        ...changedEntries(cells(before.rows), cells(body.rows)),
      });
    });
    await this.reload();
    return this.limits(key, actor);
  }

  async calendar(year: number, actor: Actor): Promise<AdminCalendar> {
    requireAdmin(actor, '查看工作日历 / read the working calendar');
    const days = await this.ctx.db.calendarDay.findMany({
      where: { date: { startsWith: `${year}-` } },
      orderBy: { date: 'asc' },
    });
    return {
      year,
      days: days.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'workday', name: d.name })),
      version: await versionOf(this.ctx.db, 'calendar', String(year)),
    };
  }

  async putCalendar(year: number, body: AdminCalendarPut, actor: Actor): Promise<AdminCalendar> {
    requireAdmin(actor, '修改工作日历 / change the working calendar');
    const problem = calendarProblem(year, body.days);
    if (problem) throw badRequest(problem);
    const before = await this.calendar(year, actor);
    const was = new Map(before.days.map((d) => [d.date, d]));
    const now = new Map(body.days.map((d) => [d.date, d]));
    const same = (a?: { kind: string; name: string }, b?: { kind: string; name: string }) =>
      a?.kind === b?.kind && a?.name === b?.name;
    // The audit keeps the days that changed, not the whole year twice.
    const changed = [...new Set([...was.keys(), ...now.keys()])].filter((d) => !same(was.get(d), now.get(d)));
    await this.ctx.db.$transaction(async (tx) => {
      await expectVersion(tx, 'calendar', String(year), body.version, before);
      await tx.calendarDay.deleteMany({ where: { date: { startsWith: `${year}-` } } });
      if (body.days.length) await tx.calendarDay.createMany({ data: body.days });
      await recordChange(tx, this.ctx, actor, {
        entity: 'calendar',
        id: String(year),
        action: 'update',
        before: Object.fromEntries(changed.map((d) => [d, was.get(d)?.kind ?? 'normal'])),
        after: Object.fromEntries(changed.map((d) => [d, now.get(d)?.kind ?? 'normal'])),
      });
    });
    await this.reload();
    return this.calendar(year, actor);
  }
}
