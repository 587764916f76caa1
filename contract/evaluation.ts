// 综合评价 shared by server and renderer: the settings an administrator changes (weights, denominators,
// grade bands), their two published presets, the query of GET /api/evaluation and the report it returns.
// Formulas live in server/src/domain/evaluation; definitions in ../shared/DOMAIN.md and docs/adr/0014.
import { z } from 'zod';

/** Inputs of the composite score; each is a share 0–1 (the inverted ones count as 1 − rate). */
export const SCORE_METRICS = [
  'handlingRate', // 处置率
  'handlingInTimeRate', // 按期处置率
  'closingRate', // 结案率
  'closingInTimeRate', // 按期结案率
  'reworkRate', // 返工率 (inverted)
  'overdueRate', // 超期待处置率 (inverted)
  'suspensionRate', // 延期率 (inverted)
  'openedScore', // 立案数分值: opened ÷ the most opened among the compared rows
] as const;
export const ScoreMetric = z.enum(SCORE_METRICS);
export type ScoreMetric = z.infer<typeof ScoreMetric>;
export const INVERTED_METRICS: ReadonlySet<ScoreMetric> = new Set([
  'reworkRate',
  'overdueRate',
  'suspensionRate',
]);

export const EvaluationSettings = z
  .object({
    preset: z.enum(['domain', 'published', 'custom']),
    /** points per metric; they add up to 100 */
    weights: z.array(z.object({ metric: ScoreMetric, weight: z.number().min(0).max(100) })).min(1),
    /** 按期结案率 ÷ 应结案数, or ÷ (应结案数 − 缓办) as some cities publish */
    closingInTimeDenominator: z.enum(['due', 'dueMinusSuspended']),
    /** lowest score of each grade; E is everything below D */
    bands: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }),
  })
  .refine((s) => Math.abs(s.weights.reduce((sum, w) => sum + w.weight, 0) - 100) < 1e-9, {
    message: 'weights must add up to 100',
    path: ['weights'],
  })
  .refine((s) => s.bands.A > s.bands.B && s.bands.B > s.bands.C && s.bands.C > s.bands.D, {
    message: 'bands must fall from A to D',
    path: ['bands'],
  })
  .refine((s) => new Set(s.weights.map((w) => w.metric)).size === s.weights.length, {
    message: 'a metric appears twice',
    path: ['weights'],
  });
export type EvaluationSettings = z.infer<typeof EvaluationSettings>;

const BANDS = { A: 90, B: 75, C: 60, D: 40 };

/** DOMAIN.md: 处置率×30 + 按期处置率×20 + (1−返工率)×20 + (1−超期待处置率)×20 + (1−延期率)×10. */
export const DOMAIN_PRESET: EvaluationSettings = {
  preset: 'domain',
  weights: [
    { metric: 'handlingRate', weight: 30 },
    { metric: 'handlingInTimeRate', weight: 20 },
    { metric: 'reworkRate', weight: 20 },
    { metric: 'overdueRate', weight: 20 },
    { metric: 'suspensionRate', weight: 10 },
  ],
  closingInTimeDenominator: 'dueMinusSuspended',
  bands: BANDS,
};

/** A published bulletin: 立案数分值 10 % + 结案率 30 % + 按时处置率 30 % + (100 − 返工率) 30 %. */
export const PUBLISHED_PRESET: EvaluationSettings = {
  preset: 'published',
  weights: [
    { metric: 'openedScore', weight: 10 },
    { metric: 'closingRate', weight: 30 },
    { metric: 'handlingInTimeRate', weight: 30 },
    { metric: 'reworkRate', weight: 30 },
  ],
  closingInTimeDenominator: 'due',
  bands: BANDS,
};

export const EVALUATION_DIMENSIONS = [
  'department',
  'district',
  'street',
  'community',
  'category',
  'source',
  'inspector',
  'dispatcher',
  'shiftLead',
] as const;
export const EvaluationDimension = z.enum(EVALUATION_DIMENSIONS);
export type EvaluationDimension = z.infer<typeof EvaluationDimension>;

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date YYYY-MM-DD');

export const EvaluationQuery = z
  .object({
    by: EvaluationDimension.default('department'),
    period: z.enum(PERIOD_KINDS).default('month'),
    /** a day inside the period (day, week, month, quarter); today when absent */
    date: LocalDate.optional(),
    /** custom period: first and last local day, both included */
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    districtCode: z
      .string()
      .regex(/^\d{6}$/, 'a 6-digit district code')
      .optional(),
    streetCode: z
      .string()
      .regex(/^\d{9}$/, 'a 9-digit street code')
      .optional(),
    departmentId: z.string().min(1).max(64).optional(),
    categoryId: z.string().min(1).max(64).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict()
  .refine((q) => q.period !== 'custom' || (q.from !== undefined && q.to !== undefined), {
    message: 'a custom period needs from and to',
    path: ['from'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['to'],
  });
export type EvaluationQuery = z.infer<typeof EvaluationQuery>;

// The JSON answers of /api/evaluation* (CSV aside): the server types what it sends with them and the
// renderer checks what it receives (services/api.ts), so a wrong answer is an error, not a broken chart.

export const Grade = z.enum(['A', 'B', 'C', 'D', 'E']);
export type Grade = z.infer<typeof Grade>;

export const EvaluationRow = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** 立案数 and the counts behind the rates */
  counts: z.record(z.string(), z.number()),
  rates: z.record(z.string(), z.number().nullable()),
  score: z.number().nullable(),
  grade: Grade.nullable(),
  rank: z.number().int().nullable(),
  /** the previous period of the same length */
  previousScore: z.number().nullable(),
  previousRank: z.number().int().nullable(),
});
export type EvaluationRow = z.infer<typeof EvaluationRow>;

/** GET /api/evaluation (format=json) */
export const EvaluationReport = z.object({
  by: EvaluationDimension,
  period: z.object({
    kind: z.enum(PERIOD_KINDS),
    from: z.string(),
    to: z.string(),
    previousFrom: z.string(),
    previousTo: z.string(),
  }),
  /** which settings the figures used (each published report says so) */
  settings: z.object({
    version: z.number().int().nonnegative(),
    changedAt: z.string(),
    value: EvaluationSettings,
  }),
  rows: z.array(EvaluationRow),
});
export type EvaluationReport = z.infer<typeof EvaluationReport>;

export const TrendPoint = z.object({
  /** local day YYYY-MM-DD or month YYYY-MM */
  bucket: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  bySource: z.record(z.string(), z.number().int().nonnegative()),
  closedInTime: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** GET /api/evaluation/trend?span=days|months: the last 30 days or 12 months, oldest first */
export const EvaluationTrend = z.object({ span: z.enum(['days', 'months']), points: z.array(TrendPoint) });
export type EvaluationTrend = z.infer<typeof EvaluationTrend>;

/** GET /api/evaluation/hotspots: case positions, the top categories and the grid cells where they repeat */
export const EvaluationHotspots = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  /** [lon, lat] of each case */
  points: z.array(z.tuple([z.number(), z.number()])),
  categories: z.array(
    z.object({ categoryId: z.string(), name: z.string(), nameEn: z.string(), n: z.number().int() }),
  ),
  cells: z.array(z.object({ categoryId: z.string(), gridCellId: z.string(), n: z.number().int() })),
});
export type EvaluationHotspots = z.infer<typeof EvaluationHotspots>;

export const EvaluationSettingsVersion = z.object({
  version: z.number().int().nonnegative(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  note: z.string(),
  value: EvaluationSettings,
});
export type EvaluationSettingsVersion = z.infer<typeof EvaluationSettingsVersion>;

/** GET /api/evaluation/settings: the version in force and the history, newest first */
export const EvaluationSettingsAnswer = z.object({
  current: EvaluationSettingsVersion,
  history: z.array(EvaluationSettingsVersion),
});
export type EvaluationSettingsAnswer = z.infer<typeof EvaluationSettingsAnswer>;
