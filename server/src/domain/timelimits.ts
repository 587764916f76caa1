// Time limits as data: per category × urgency × step, in working or natural minutes.
// Lookup falls back from the exact category to its major class to the default row.
// Safety-critical categories (flag on the category) get the safety rule for the on-site and
// handling steps unless an exact row for that category says otherwise.
import type { CategoryKind, Urgency } from '@contract/domain';
import type { LimitUnit } from './calendar';
import { invalid } from './errors';

export { LIMIT_UNITS, type LimitUnit } from './calendar';

/** Steps whose clock runs on a case, one at a time (see CLOCK_BY_STATE in transitions.ts). */
export const CLOCK_STEPS = ['accept', 'dispatch', 'handle', 'check'] as const;
export type ClockStep = (typeof CLOCK_STEPS)[number];

/** Every step a limit can be configured for: the clock steps, the whole case and on-site arrival. */
export const LIMIT_STEPS = [...CLOCK_STEPS, 'overall', 'onsite'] as const;
export type LimitStep = (typeof LIMIT_STEPS)[number];

/** One row of the TimeLimit table. categoryId null is the default row for every category. */
export interface TimeLimitRow {
  categoryId: string | null;
  urgency: Urgency;
  step: LimitStep;
  unit: LimitUnit;
  minutes: number;
}

/** What the lookup needs to know about a category (a row of the Category table). */
export interface LimitCategory {
  kind: CategoryKind;
  /** 4 digits for a subclass (major + minor), 2 for a major class */
  code: string;
  safetyCritical?: boolean;
}

export interface ResolvedLimit {
  unit: LimitUnit;
  minutes: number;
  /** which rule gave the limit, for the case record */
  source: 'category' | 'major' | 'safety' | 'default';
  categoryId: string | null;
}

/** The id convention of the Category table: `${kind}-${code}`, e.g. part-0101, event-04. */
export function categoryId(kind: CategoryKind, code: string): string {
  return `${kind}-${code}`;
}

export function majorCategoryId(kind: CategoryKind, code: string): string {
  return `${kind}-${code.slice(0, 2)}`;
}

/** DOMAIN.md: on site with warning signs within 2 hours of notice, repaired within 24 hours. */
export const SAFETY_LIMITS: Readonly<Partial<Record<LimitStep, { unit: LimitUnit; minutes: number }>>> = {
  onsite: { unit: 'natural_minutes', minutes: 120 },
  handle: { unit: 'natural_minutes', minutes: 24 * 60 },
};

/**
 * Categories flagged safety-critical in a fresh installation (the flag is data; admin edits it):
 * every manhole cover and grate of part class 01 (0101–0111, 0114 不明井盖), 0116 电力设施
 * (fallen overhead line), 0117 电杆 (tilting pole), and event 0401 路面塌陷 (road collapse).
 */
export const DEFAULT_SAFETY_CRITICAL_CATEGORY_IDS: readonly string[] = [
  ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '14', '16', '17'].map((m) =>
    categoryId('part', `01${m}`),
  ),
  categoryId('event', '0401'),
];

function checkRow(row: TimeLimitRow): TimeLimitRow {
  if (!Number.isInteger(row.minutes) || row.minutes <= 0) {
    throw invalid(
      `时限必须是正整数分钟：${row.categoryId ?? '默认'} ${row.step}`,
      `A time limit must be a positive whole number of minutes: ${row.categoryId ?? 'default'} ${row.step}`,
    );
  }
  return row;
}

/**
 * The limit for a step of a case. Order: exact category row → safety rule (if the category is
 * safety-critical and the step is on-site or handle) → major class row → default row. Rows must
 * match the urgency exactly. Returns null when nothing applies (no default row configured).
 */
export function resolveTimeLimit(
  rows: readonly TimeLimitRow[],
  category: LimitCategory,
  urgency: Urgency,
  step: LimitStep,
): ResolvedLimit | null {
  const find = (id: string | null): TimeLimitRow | undefined =>
    rows.find((r) => r.categoryId === id && r.urgency === urgency && r.step === step);
  const exactId = categoryId(category.kind, category.code);
  const exact = category.code.length > 2 ? find(exactId) : undefined;
  if (exact) return { ...pick(checkRow(exact)), source: 'category', categoryId: exactId };
  const safety = category.safetyCritical ? SAFETY_LIMITS[step] : undefined;
  if (safety) return { ...safety, source: 'safety', categoryId: exactId };
  const majorId = majorCategoryId(category.kind, category.code);
  const major = find(majorId);
  if (major) return { ...pick(checkRow(major)), source: 'major', categoryId: majorId };
  const fallback = find(null);
  if (fallback) return { ...pick(checkRow(fallback)), source: 'default', categoryId: null };
  return null;
}

function pick(row: TimeLimitRow): { unit: LimitUnit; minutes: number } {
  return { unit: row.unit, minutes: row.minutes };
}

/** Like resolveTimeLimit, but a missing limit is a configuration error the admin must fix. */
export function requireTimeLimit(
  rows: readonly TimeLimitRow[],
  category: LimitCategory,
  urgency: Urgency,
  step: LimitStep,
): ResolvedLimit {
  const limit = resolveTimeLimit(rows, category, urgency, step);
  if (!limit) {
    throw invalid(
      `未配置时限：${categoryId(category.kind, category.code)} ${urgency} ${step}，请在时限设置中添加默认值`,
      `No time limit configured for ${categoryId(category.kind, category.code)} ${urgency} ${step}; add a default row`,
    );
  }
  return limit;
}

const W = 'working_minutes' as const;
const N = 'natural_minutes' as const;
/** A working day of the default calendar: 3.5 h + 4 h. */
const WORK_DAY = 450;

function defaults(
  step: LimitStep,
  normal: number,
  urgent: number,
  critical: number,
  unit = W,
): TimeLimitRow[] {
  return [
    { categoryId: null, urgency: 'normal', step, unit, minutes: normal },
    { categoryId: null, urgency: 'urgent', step, unit, minutes: urgent },
    { categoryId: null, urgency: 'critical', step, unit: N, minutes: critical },
  ];
}

/**
 * Seed limits for a fresh installation (a city replaces them). Defaults per step, plus the
 * rulebook examples of DOMAIN.md: 暴露垃圾 4 working hours, 道路保洁 2 working hours,
 * 违法搭建 20 working days for removal.
 */
export const SEED_TIME_LIMITS: readonly TimeLimitRow[] = [
  ...defaults('accept', 60, 30, 15),
  ...defaults('dispatch', 30, 15, 10),
  ...defaults('handle', 3 * WORK_DAY, 240, 120),
  ...defaults('check', 120, 60, 30),
  ...defaults('overall', 5 * WORK_DAY, WORK_DAY, 24 * 60),
  ...defaults('onsite', 240, 120, 60),
  { categoryId: 'event-0102', urgency: 'normal', step: 'handle', unit: W, minutes: 240 },
  { categoryId: 'event-0104', urgency: 'normal', step: 'handle', unit: W, minutes: 120 },
  { categoryId: 'event-0101', urgency: 'normal', step: 'handle', unit: W, minutes: 20 * WORK_DAY },
  { categoryId: 'event-0101', urgency: 'normal', step: 'overall', unit: W, minutes: 22 * WORK_DAY },
];
