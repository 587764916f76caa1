// GET /api/evaluation: one table of the evaluation (rows of a dimension with rates, score, grade and
// rank against the previous period) inside the reader's scope, with the settings it used.
import type { Source } from '@contract/domain';
import type {
  EvaluationQuery,
  EvaluationReport,
  EvaluationRow,
  EvaluationSettings,
} from '@contract/evaluation';
import { SOURCE_LABELS } from '@contract/labels';
import type { ServerContext } from '../context';
import {
  dispatcherRates,
  evaluateDepartment,
  inspectorRates,
  periodOf as domainPeriodOf,
  isDomainError,
  previousPeriod,
  rankByScore,
  shiftLeadRates,
  localDate,
  type Actor,
} from '../domain';
import { evaluationScope as scopeOf } from '../access/rules';
import { badRequest, forbidden } from '../errors';
import { countsBy, missedByInspector, type GroupCounts, type MetricFilter } from './queries';
import { currentSettings } from './settings';

/** A period the caller named; a date that does not exist is the caller's mistake (400). */
export function periodOf(...args: Parameters<typeof domainPeriodOf>) {
  try {
    return domainPeriodOf(...args);
  } catch (error) {
    if (isDomainError(error)) throw badRequest(error.message);
    throw error;
  }
}

type Scope = Pick<MetricFilter, 'districtCode' | 'departmentId'>;

/** What the reader may see: the evaluation rule of access/rules.ts (403 when the question reaches outside). */
export function evaluationScope(actor: Actor, asked: Scope): Scope {
  const decided = scopeOf(actor, asked);
  if ('denied' in decided) throw forbidden(decided.denied);
  return decided.scope;
}

type Names = Map<string, { name: string; nameEn: string }>;

async function namesFor(ctx: ServerContext, by: EvaluationQuery['by'], keys: string[]): Promise<Names> {
  const { db } = ctx;
  const names: Names = new Map();
  if (by === 'department') {
    for (const d of await db.department.findMany({ where: { id: { in: keys } } }))
      names.set(d.id, { name: d.name, nameEn: d.nameEn || d.name });
  } else if (by === 'district' || by === 'street' || by === 'community') {
    for (const d of await db.division.findMany({ where: { code: { in: keys } } }))
      names.set(d.code, { name: d.name, nameEn: d.nameEn || d.name });
  } else if (by === 'category') {
    for (const c of await db.category.findMany({ where: { id: { in: keys } } }))
      names.set(c.id, { name: c.name, nameEn: c.nameEn || c.name });
  } else if (by === 'source') {
    for (const k of keys) {
      const label = SOURCE_LABELS[k as Source];
      names.set(k, label ? { name: label.zh, nameEn: label.en } : { name: k, nameEn: k });
    }
  } else {
    for (const u of await db.user.findMany({ where: { id: { in: keys } } }))
      names.set(u.id, { name: u.displayName, nameEn: u.displayName });
  }
  return names;
}

const PERSON_DIMENSIONS = new Set(['inspector', 'dispatcher', 'shiftLead']);

function scored(groups: GroupCounts[], settings: EvaluationSettings) {
  const maxOpened = Math.max(0, ...groups.map((g) => g.opened));
  return groups.map((g) => ({ g, e: evaluateDepartment(g, settings, { maxOpened }) }));
}

export async function evaluationReport(
  ctx: ServerContext,
  actor: Actor,
  q: EvaluationQuery,
): Promise<EvaluationReport> {
  const provider = ctx.config.database.provider;
  const scope = evaluationScope(actor, { districtCode: q.districtCode, departmentId: q.departmentId });
  const period = periodOf(q.period, q.date ?? localDate(ctx.clock.now()), q.from, q.to);
  const previous = previousPeriod(period);
  const settings = await currentSettings(ctx.db);
  const base = {
    ...scope,
    streetCode: q.streetCode,
    categoryId: q.categoryId,
    source: q.by === 'inspector' ? 'inspector' : undefined,
  };
  const [now, before] = await Promise.all([
    countsBy(ctx.db, provider, q.by, { ...base, from: period.from, to: period.to }),
    countsBy(ctx.db, provider, q.by, { ...base, from: previous.from, to: previous.to }),
  ]);
  const missed =
    q.by === 'inspector'
      ? new Map(
          (await missedByInspector(ctx.db, provider, { ...base, from: period.from, to: period.to })).map(
            (m) => [m.key, m],
          ),
        )
      : null;

  const current = scored(
    now.filter((g) => g.key !== null),
    settings.value,
  );
  const past = scored(
    before.filter((g) => g.key !== null),
    settings.value,
  );
  const ranks = rankByScore(current.map(({ g, e }) => ({ key: String(g.key), score: e.score })));
  const pastRanks = rankByScore(past.map(({ g, e }) => ({ key: String(g.key), score: e.score })));
  const pastScore = new Map(past.map(({ g, e }) => [String(g.key), e.score]));

  let keys = current.map(({ g }) => String(g.key));
  if (PERSON_DIMENSIONS.has(q.by) && scope.departmentId) {
    // a department sees its own people only, never another department's
    const own = await ctx.db.user.findMany({
      where: { id: { in: keys }, departmentId: scope.departmentId },
      select: { id: true },
    });
    const allowed = new Set(own.map((u) => u.id));
    keys = keys.filter((k) => allowed.has(k));
  }
  const names = await namesFor(ctx, q.by, keys);
  const kept = new Set(keys);

  const rows: EvaluationRow[] = current
    .filter(({ g }) => kept.has(String(g.key)))
    .map(({ g, e }) => {
      const key = String(g.key);
      const { key: _key, ...counts } = g;
      const m = missed?.get(key);
      const inspector = inspectorRates({
        reports: g.reports,
        validReports: g.opened,
        missed: m?.missed ?? 0,
        opened: m?.openedInCells ?? 0,
      });
      const dispatch = dispatcherRates({
        dispatched: g.dueForHandling,
        dispatchedInTime: g.dispatchedInTime,
        dispatchedAccurately: g.dispatchedAccurately,
      });
      const open = shiftLeadRates({
        opened: g.opened,
        openedInTime: g.openedInTime,
        openedAccurately: g.openedAccurately,
      });
      return {
        key,
        name: names.get(key)?.name ?? key,
        nameEn: names.get(key)?.nameEn ?? key,
        counts: { ...counts, missed: m?.missed ?? 0, openedInCells: m?.openedInCells ?? 0 },
        rates: {
          ...e.rates,
          validReportRate: inspector.validRate,
          missedRate: missed ? inspector.missedRate : null,
          onTimeDispatchRate: dispatch.onTimeRate,
          accurateDispatchRate: dispatch.accurateRate,
          onTimeOpenRate: open.onTimeRate,
          accurateOpenRate: open.accurateRate,
        },
        score: e.score,
        grade: e.grade,
        rank: ranks.get(key) ?? null,
        previousScore: pastScore.get(key) ?? null,
        previousRank: pastRanks.get(key) ?? null,
      };
    })
    .sort(
      (a, b) =>
        (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
        (b.counts.reports ?? 0) - (a.counts.reports ?? 0) ||
        (a.key < b.key ? -1 : 1),
    );

  return {
    by: q.by,
    period: {
      kind: period.kind,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      previousFrom: previous.from.toISOString(),
      previousTo: previous.to.toISOString(),
    },
    settings: { version: settings.version, changedAt: settings.changedAt, value: settings.value },
    rows,
  };
}
