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
import { badRequest, notFound } from '../errors';

const DEFAULT = 'default';
/** "normal.accept" → "240 working_minutes": the audit shows the cells that changed. */
const cells = (rows: TimeLimitEntry[]) =>
  Object.fromEntries(rows.map((r) => [`${r.urgency}.${r.step}`, `${r.minutes} ${r.unit}`]));
const order = (r: TimeLimitEntry) => URGENCIES.indexOf(r.urgency) * 10 + LIMIT_STEPS.indexOf(r.step);

/** Plain-word checks the schema cannot make: no step longer than the whole case in the same unit. */
export function checkLimits(rows: TimeLimitEntry[]): void {
  for (const overall of rows.filter((r) => r.step === 'overall')) {
    for (const r of rows) {
      if (r.urgency !== overall.urgency || r.step === 'overall' || r.unit !== overall.unit) continue;
      if (r.minutes > overall.minutes)
        throw badRequest(
          `${r.urgency} 的 ${r.step} 时限（${r.minutes} 分钟）超过了总时限（${overall.minutes} 分钟） / ${r.urgency} ${r.step} (${r.minutes} min) is longer than the overall limit (${overall.minutes} min): shorten it or raise overall`,
        );
    }
  }
}

/** Dates must be real days of the year; a make-up working day (调休) falls on a weekend. */
export function checkCalendar(year: number, days: AdminCalendarPut['days']): void {
  for (const d of days) {
    const at = new Date(`${d.date}T00:00:00Z`);
    if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== d.date)
      throw badRequest(`${d.date} 不是有效日期 / ${d.date} is not a real date`);
    if (!d.date.startsWith(`${year}-`))
      throw badRequest(`${d.date} 不在 ${year} 年 / ${d.date} is not in ${year}`);
    const weekday = at.getUTCDay();
    if (d.kind === 'workday' && weekday !== 0 && weekday !== 6)
      throw badRequest(
        `${d.date} 本来就是工作日，调休上班日应在周末 / ${d.date} is a weekday already: a make-up working day falls on a Saturday or Sunday`,
      );
  }
}

export class AdminLimitsCalendar {
  constructor(
    private readonly ctx: ServerContext,
    private readonly reload: () => Promise<void>,
  ) {}

  private async categoryOf(key: string): Promise<string | null> {
    if (key === DEFAULT) return null;
    if (!(await this.ctx.db.category.findUnique({ where: { id: key } }))) throw notFound(`category ${key}`);
    return key;
  }

  async limits(key: string, actor: Actor): Promise<AdminTimeLimits> {
    requireAdmin(actor, '查看时限 / read time limits');
    const categoryId = await this.categoryOf(key);
    const rows = await this.ctx.db.timeLimit.findMany({ where: { categoryId } });
    return {
      categoryId,
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
    checkLimits(body.rows);
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
    checkCalendar(year, body.days);
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
