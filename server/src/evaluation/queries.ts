// 综合评价 in SQL: sums over CaseMetric (one row per case, kept by a trigger on CaseEvent; docs/adr/0014)
// grouped by one dimension, for a period, inside the reader's scope. Drill cases never count.
import type { EvaluationDimension } from '@contract/evaluation';
import type { Db } from '../db/client';

export type Provider = 'sqlite' | 'postgresql';

/** The CaseMetric column each dimension groups by. */
export const DIMENSION_COLUMN: Readonly<Record<EvaluationDimension, string>> = {
  department: 'departmentId',
  district: 'districtCode',
  street: 'streetCode',
  community: 'communityCode',
  category: 'categoryId',
  source: 'source',
  inspector: 'reporterId',
  dispatcher: 'dispatcherId',
  shiftLead: 'openerId',
};

/** Filters in force: the period and what the reader may see or asked for. */
export interface MetricFilter {
  from: Date;
  to: Date;
  districtCode?: string;
  streetCode?: string;
  departmentId?: string;
  categoryId?: string;
  /** only reports from this channel (inspectors are evaluated on their own reports) */
  source?: string;
}

/** Sums per group; the names of the counts the formulas read (server/src/domain/evaluation). */
export interface GroupCounts {
  key: string | null;
  reports: number;
  opened: number;
  openedInTime: number;
  openedAccurately: number;
  dueForHandling: number;
  dispatchedInTime: number;
  dispatchedAccurately: number;
  handled: number;
  handledInTime: number;
  dueForClosing: number;
  closed: number;
  closedInTime: number;
  reworked: number;
  reworkEvents: number;
  overdueUnhandled: number;
  suspended: number;
}

const SUMS = `COUNT(*) AS "reports",
  SUM("opened") AS "opened",
  SUM("opened" * (1 - "openedLate")) AS "openedInTime",
  SUM("opened" * (1 - "voided")) AS "openedAccurately",
  SUM("dispatched") AS "dueForHandling",
  SUM("dispatched" * (1 - "dispatchedLate")) AS "dispatchedInTime",
  SUM(CASE WHEN "dispatched" = 1 AND "returned" = 0 THEN 1 ELSE 0 END) AS "dispatchedAccurately",
  SUM("dispatched" * "handled") AS "handled",
  SUM("dispatched" * "handled" * (1 - "handledLate")) AS "handledInTime",
  SUM("opened" * (1 - "voided")) AS "dueForClosing",
  SUM("closed") AS "closed",
  SUM("closed" * (1 - "late")) AS "closedInTime",
  SUM(CASE WHEN "reworks" > 0 THEN 1 ELSE 0 END) AS "reworked",
  SUM("reworks") AS "reworkEvents",
  SUM("dispatched" * (1 - "handled") * "handledLate" * (1 - "voided")) AS "overdueUnhandled",
  SUM("suspended") AS "suspended"`;

/** SQL text with the provider's placeholders and the values in order. */
export class Sql {
  readonly values: unknown[] = [];
  constructor(readonly provider: Provider) {}

  /** A placeholder for one value (dates as the provider stores them). */
  param(value: unknown): string {
    this.values.push(
      value instanceof Date && this.provider === 'sqlite'
        ? value.toISOString().replace('Z', '+00:00')
        : value,
    );
    return this.provider === 'sqlite' ? '?' : `$${this.values.length}`;
  }

  /** The WHERE conditions of a metric filter (table alias optional). */
  where(f: MetricFilter, alias = ''): string {
    const col = (c: string) => (alias ? `${alias}."${c}"` : `"${c}"`);
    const parts = [
      `${col('reportedAt')} >= ${this.param(f.from)}`,
      `${col('reportedAt')} < ${this.param(f.to)}`,
      `${col('drill')} = false`,
    ];
    if (f.districtCode) parts.push(`${col('districtCode')} = ${this.param(f.districtCode)}`);
    if (f.streetCode) parts.push(`${col('streetCode')} = ${this.param(f.streetCode)}`);
    if (f.departmentId) parts.push(`${col('departmentId')} = ${this.param(f.departmentId)}`);
    if (f.categoryId) parts.push(`${col('categoryId')} = ${this.param(f.categoryId)}`);
    if (f.source) parts.push(`${col('source')} = ${this.param(f.source)}`);
    return parts.join(' AND ');
  }
}

const toNumbers = <T>(row: Record<string, unknown>): T => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row))
    out[k] = typeof v === 'bigint' ? Number(v) : typeof v === 'string' && k !== 'key' ? Number(v) : v;
  return out as T;
};

/** Dimensions the daily sums (EvaluationDaily) can answer, and their column there. */
const DAILY_COLUMN: Partial<Record<EvaluationDimension, string>> = {
  department: 'departmentId',
  district: 'districtCode',
  street: 'streetCode',
};
const COUNT_NAMES = SUMS.split(/,\s*\n/).map((part) => /AS "(\w+)"$/.exec(part.trim())![1]!);
const LOCAL_DAY_MS = 86_400_000;
const LOCAL_OFFSET_MS = 8 * 3_600_000;
const localDay = (at: Date) => new Date(at.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
const atLocalMidnight = (at: Date) => (at.getTime() + LOCAL_OFFSET_MS) % LOCAL_DAY_MS === 0;

/** The daily sums answer whole local days by department, district or street without other filters. */
function dailyAnswers(by: EvaluationDimension, f: MetricFilter): boolean {
  return (
    DAILY_COLUMN[by] !== undefined &&
    !f.categoryId &&
    !f.source &&
    atLocalMidnight(f.from) &&
    atLocalMidnight(f.to)
  );
}

async function dailyCountsBy(
  db: Db,
  provider: Provider,
  by: EvaluationDimension,
  f: MetricFilter,
): Promise<GroupCounts[]> {
  const sql = new Sql(provider);
  const column = DAILY_COLUMN[by]!;
  const parts = [`"day" >= ${sql.param(localDay(f.from))}`, `"day" < ${sql.param(localDay(f.to))}`];
  if (f.districtCode) parts.push(`"districtCode" = ${sql.param(f.districtCode)}`);
  if (f.streetCode) parts.push(`"streetCode" = ${sql.param(f.streetCode)}`);
  if (f.departmentId) parts.push(`"departmentId" = ${sql.param(f.departmentId)}`);
  const text = `SELECT "${column}" AS "key", ${COUNT_NAMES.map((c) => `SUM("${c}") AS "${c}"`).join(', ')}
    FROM "EvaluationDaily" WHERE ${parts.join(' AND ')} GROUP BY "${column}"`;
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...sql.values);
  return rows
    .map((r) => toNumbers<GroupCounts>(r))
    .map((r) => ({ ...r, key: r.key === '' ? null : r.key }))
    .filter((r) => r.reports !== 0);
}

/** Sums per group: from the daily sums where they answer the question, else from CaseMetric. */
export async function countsBy(
  db: Db,
  provider: Provider,
  by: EvaluationDimension,
  filter: MetricFilter,
): Promise<GroupCounts[]> {
  if (dailyAnswers(by, filter)) return dailyCountsBy(db, provider, by, filter);
  return metricCountsBy(db, provider, by, filter);
}

/** Sums per group straight from CaseMetric (any dimension and filter). */
export async function metricCountsBy(
  db: Db,
  provider: Provider,
  by: EvaluationDimension,
  filter: MetricFilter,
): Promise<GroupCounts[]> {
  const sql = new Sql(provider);
  const column = DIMENSION_COLUMN[by];
  const text = `SELECT "${column}" AS "key", ${SUMS} FROM "CaseMetric" WHERE ${sql.where(filter)} GROUP BY "${column}"`;
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...sql.values);
  return rows.map((r) => toNumbers<GroupCounts>(r));
}

export interface MissedCounts {
  key: string;
  /** cases opened in the inspector's cells */
  openedInCells: number;
  /** of those, reported by the public, the hotline, the media or from above: the patrol missed them */
  missed: number;
}

/** 漏报: per inspector, opened cases in its grid cells that came from outside channels. */
export async function missedByInspector(
  db: Db,
  provider: Provider,
  filter: MetricFilter,
): Promise<MissedCounts[]> {
  const sql = new Sql(provider);
  const text = `SELECT g."inspectorId" AS "key", SUM(m."opened") AS "openedInCells",
      SUM(CASE WHEN m."opened" = 1 AND m."source" IN ('hotline', 'public', 'media', 'leader', 'upper') THEN 1 ELSE 0 END) AS "missed"
    FROM "CaseMetric" m JOIN "GridCell" g ON g."id" = m."gridCellId"
    WHERE ${sql.where({ ...filter, source: undefined }, 'm')} AND g."inspectorId" IS NOT NULL
    GROUP BY g."inspectorId"`;
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...sql.values);
  return rows.map((r) => toNumbers<MissedCounts>(r));
}
