// 综合评价 for leaders and the centre (access/rules.ts `evaluation`: a district leader its district, a
// department its own cases and people; inspectors not at all):
//   GET /api/evaluation?by=department|district|street|community|category|source|inspector|dispatcher|shiftLead
//       &period=day|week|month|quarter|custom&date=YYYY-MM-DD&from=&to=&districtCode=&streetCode=
//       &departmentId=&categoryId=&format=json|csv
//   GET /api/evaluation/trend?span=days|months    last 30 days or 12 months: reports by channel, closed
//       in time, overdue
//   GET /api/evaluation/hotspots?period=…&categoryId=    case positions, top categories, repeating cells
//   GET /api/evaluation/settings    in force and history; PUT (admin) {value, note} adds a version
import type { Response, Router } from 'express';
import { z } from 'zod';
import {
  EvaluationQuery,
  EvaluationSettings,
  type EvaluationHotspots,
  type EvaluationReport,
  type EvaluationSettingsAnswer,
  type EvaluationTrend,
  type TrendPoint,
} from '@contract/evaluation';
import { recordChange } from '../audit/admin-changes';
import type { ServerContext } from '../context';
import { conflict } from '../errors';
import { localDate, lastDays, lastMonths } from '../domain';
import { evaluationReport, evaluationScope, periodOf } from '../evaluation/report';
import { changeSettings, currentSettings, settingsHistory } from '../evaluation/settings';
import { hotspotRows, trendRows } from '../evaluation/trends';
import { allow } from './access';
import type { RouteLimits } from './route-limits';
import { actorOf, requireActor } from './auth';
import { csvDisposition } from './csv';
import { asyncHandler, parseOr400 } from './errors';

export const TrendQuery = z
  .object({
    span: z.enum(['days', 'months']).default('days'),
    districtCode: z
      .string()
      .regex(/^\d{6}$/, 'a 6-digit district code')
      .optional(),
    departmentId: z.string().min(1).max(64).optional(),
  })
  .strict();

export const HotspotQuery = z
  .object({
    period: z.enum(['day', 'week', 'month', 'quarter', 'custom']).default('month'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date YYYY-MM-DD')
      .optional(),
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date YYYY-MM-DD')
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date YYYY-MM-DD')
      .optional(),
    categoryId: z.string().min(1).max(64).optional(),
    districtCode: z
      .string()
      .regex(/^\d{6}$/, 'a 6-digit district code')
      .optional(),
  })
  .strict();

export const SettingsBody = z.object({
  value: EvaluationSettings,
  note: z.string().max(500).default(''),
  /** the version edited (docs/adr/0020); a stale one is a 409 */
  version: z.number().int().min(0).optional(),
});

const RATE_COLUMNS = [
  'handlingRate',
  'handlingInTimeRate',
  'closingRate',
  'closingInTimeRate',
  'reworkRate',
  'overdueRate',
  'suspensionRate',
  'validReportRate',
  'missedRate',
  'onTimeDispatchRate',
  'accurateDispatchRate',
  'onTimeOpenRate',
  'accurateOpenRate',
];

const cell = (v: unknown): string => {
  const text = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The table as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese names). */
export function reportCsv(report: EvaluationReport): string {
  const countKeys = Object.keys(report.rows[0]?.counts ?? {});
  const head = [
    'key',
    'name',
    'nameEn',
    ...countKeys,
    ...RATE_COLUMNS,
    'score',
    'grade',
    'rank',
    'previousScore',
    'previousRank',
  ];
  const lines = [
    `# period ${report.period.from} .. ${report.period.to}; settings version ${report.settings.version} (${report.settings.value.preset})`,
    head.join(','),
    ...report.rows.map((r) =>
      [
        r.key,
        r.name,
        r.nameEn,
        ...countKeys.map((k) => r.counts[k]),
        ...RATE_COLUMNS.map((k) => {
          const v = r.rates[k];
          return v === null || v === undefined ? '' : v.toFixed(4);
        }),
        r.score,
        r.grade,
        r.rank,
        r.previousScore,
        r.previousRank,
      ]
        .map(cell)
        .join(','),
    ),
  ];
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

function sendCsv(res: Response, name: string, body: string, drill: boolean) {
  res.type('text/csv; charset=utf-8');
  res.set('Content-Disposition', csvDisposition(name, drill));
  res.send(body);
}

export function mountEvaluation(ctx: ServerContext, limits: RouteLimits) {
  const provider = ctx.config.database.provider;
  return (router: Router) => {
    const auth = requireActor(ctx);
    router.get(
      '/evaluation',
      auth,
      allow('evaluation'),
      limits.limit('export', (req) => req.query.format === 'csv'),
      asyncHandler(async (req, res) => {
        const q = parseOr400(EvaluationQuery, req.query, 'evaluation query');
        const report = await evaluationReport(ctx, actorOf(req), q);
        if (q.format === 'csv')
          sendCsv(
            res,
            `evaluation-${q.by}-${report.period.from.slice(0, 10)}`,
            reportCsv(report),
            ctx.config.drill,
          );
        else res.json(report satisfies EvaluationReport);
      }),
    );
    router.get(
      '/evaluation/trend',
      auth,
      allow('evaluation'),
      asyncHandler(async (req, res) => {
        const q = parseOr400(TrendQuery, req.query, 'trend query');
        const scope = evaluationScope(actorOf(req), {
          districtCode: q.districtCode,
          departmentId: q.departmentId,
        });
        const now = ctx.clock.now();
        const buckets = q.span === 'days' ? lastDays(now, 30) : lastMonths(now, 12);
        const first = q.span === 'days' ? buckets[0]! : `${buckets[0]!}-01`;
        const from = periodOf('day', first).from;
        const to = periodOf('day', localDate(now)).to;
        const rows = await trendRows(ctx.db, provider, q.span === 'days' ? 'day' : 'month', {
          ...scope,
          from,
          to,
        });
        const points = new Map<string, TrendPoint>(
          buckets.map((b) => [b, { bucket: b, bySource: {}, closedInTime: 0, overdue: 0 }]),
        );
        for (const r of rows.reports) {
          const p = points.get(r.bucket);
          if (p) p.bySource[r.source] = (p.bySource[r.source] ?? 0) + r.n;
        }
        for (const r of rows.closedInTime) {
          const p = points.get(r.bucket);
          if (p) p.closedInTime += r.n;
        }
        for (const r of rows.overdue) {
          const p = points.get(r.bucket);
          if (p) p.overdue += r.n;
        }
        const body: EvaluationTrend = { span: q.span, points: [...points.values()] };
        res.json(body);
      }),
    );
    router.get(
      '/evaluation/hotspots',
      auth,
      allow('evaluation'),
      asyncHandler(async (req, res) => {
        const q = parseOr400(HotspotQuery, req.query, 'hot-spot query');
        const scope = evaluationScope(actorOf(req), { districtCode: q.districtCode });
        const period = periodOf(q.period, q.date ?? localDate(ctx.clock.now()), q.from, q.to);
        const rows = await hotspotRows(ctx.db, provider, {
          ...scope,
          categoryId: q.categoryId,
          from: period.from,
          to: period.to,
        });
        const names = new Map(
          (
            await ctx.db.category.findMany({
              where: { id: { in: rows.categories.map((c) => c.categoryId) } },
            })
          ).map((c) => [c.id, { name: c.name, nameEn: c.nameEn || c.name }]),
        );
        const body: EvaluationHotspots = {
          period: { from: period.from.toISOString(), to: period.to.toISOString() },
          points: rows.points,
          categories: rows.categories.map((c) => ({
            ...c,
            ...(names.get(c.categoryId) ?? { name: c.categoryId, nameEn: c.categoryId }),
          })),
          cells: rows.cells,
        };
        res.json(body);
      }),
    );
    router.get(
      '/evaluation/settings',
      auth,
      allow('evaluation'),
      asyncHandler(async (_req, res) => {
        const body: EvaluationSettingsAnswer = {
          current: await currentSettings(ctx.db),
          history: await settingsHistory(ctx.db),
        };
        res.json(body);
      }),
    );
    router.put(
      '/evaluation/settings',
      auth,
      allow('evaluationSettings'),
      asyncHandler(async (req, res) => {
        const actor = actorOf(req);
        const body = parseOr400(SettingsBody, req.body, 'evaluation settings');
        // The new version and its audit entry commit together; a stale `version` is a 409.
        const saved = await ctx.db.$transaction(async (tx) => {
          const before = await currentSettings(tx);
          if (body.version !== undefined && body.version !== before.version)
            throw conflict(
              `评价设置已被他人修改（当前版本 ${before.version}） / The evaluation settings were changed by someone else (version ${before.version}, you edited ${body.version}): reload and apply your change again`,
              { version: before.version, current: before },
            );
          const next = await changeSettings(tx, body.value, actor.userId, body.note, ctx.clock.now());
          await recordChange(tx, ctx, actor, {
            entity: 'evaluation',
            id: 'settings',
            action: 'update',
            before: { version: before.version, ...before.value },
            after: { version: next.version, ...next.value, note: body.note },
          });
          return next;
        });
        ctx.log.info('evaluation settings changed', { version: saved.version, by: actor.userId });
        res.status(201).json({ current: saved });
      }),
    );
  };
}
