// Trend series (last 30 days, last 12 months) and hot spots for the briefing, in SQL over CaseMetric.
import type { Db } from '../db/client';
import { Sql, type MetricFilter, type Provider } from './queries';

/** The local (+08:00) day or month of a stored instant, as SQL. */
function bucketSql(provider: Provider, column: string, unit: 'day' | 'month'): string {
  if (provider === 'sqlite') {
    const day = `date("${column}", '+8 hours')`;
    return unit === 'day' ? day : `substr(${day}, 1, 7)`;
  }
  return `to_char("${column}" + interval '8 hours', '${unit === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'}')`;
}

export interface TrendRows {
  reports: { bucket: string; source: string; n: number }[];
  closedInTime: { bucket: string; n: number }[];
  overdue: { bucket: string; n: number }[];
}

export async function trendRows(
  db: Db,
  provider: Provider,
  unit: 'day' | 'month',
  filter: MetricFilter,
): Promise<TrendRows> {
  const num = (rows: Record<string, unknown>[]) =>
    rows.map((r) => ({ ...r, n: Number(r.n) })) as { bucket: string; n: number; source: string }[];
  const reported = new Sql(provider);
  const reports = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${bucketSql(provider, 'reportedAt', unit)} AS "bucket", "source", COUNT(*) AS "n"
     FROM "CaseMetric" WHERE ${reported.where(filter)} GROUP BY 1, 2`,
    ...reported.values,
  );
  const overdueSql = new Sql(provider);
  const overdue = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${bucketSql(provider, 'reportedAt', unit)} AS "bucket", COUNT(*) AS "n"
     FROM "CaseMetric" WHERE ${overdueSql.where(filter)} AND "late" = 1 GROUP BY 1`,
    ...overdueSql.values,
  );
  // closed in time counts on the day of closing
  const closedSql = new Sql(provider);
  const closedWhere = closedSql
    .where(filter)
    .replaceAll('"reportedAt" >=', '"closedAt" >=')
    .replaceAll('"reportedAt" <', '"closedAt" <');
  const closed = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${bucketSql(provider, 'closedAt', unit)} AS "bucket", COUNT(*) AS "n"
     FROM "CaseMetric" WHERE ${closedWhere} AND "closed" = 1 AND "late" = 0 GROUP BY 1`,
    ...closedSql.values,
  );
  return { reports: num(reports), closedInTime: num(closed), overdue: num(overdue) };
}

export interface HotspotRows {
  points: [number, number][];
  categories: { categoryId: string; n: number }[];
  cells: { categoryId: string; gridCellId: string; n: number }[];
}

/** Case positions of the period (at most `limit`), the top categories and the cells where they repeat. */
export async function hotspotRows(
  db: Db,
  provider: Provider,
  filter: MetricFilter,
  limit = 50_000,
): Promise<HotspotRows> {
  const p = new Sql(provider);
  const points = await db.$queryRawUnsafe<{ lon: number; lat: number }[]>(
    `SELECT c."lon", c."lat" FROM "CaseMetric" m JOIN "Case" c ON c."id" = m."caseId"
     WHERE ${p.where(filter, 'm')} LIMIT ${Math.floor(limit)}`,
    ...p.values,
  );
  const t = new Sql(provider);
  const categories = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT "categoryId", COUNT(*) AS "n" FROM "CaseMetric" WHERE ${t.where(filter)}
     GROUP BY "categoryId" ORDER BY 2 DESC LIMIT 10`,
    ...t.values,
  );
  const top = categories.map((r) => String(r.categoryId));
  const g = new Sql(provider);
  const cells = top.length
    ? await db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT "categoryId", "gridCellId", COUNT(*) AS "n" FROM "CaseMetric"
         WHERE ${g.where(filter)} AND "gridCellId" IS NOT NULL AND "categoryId" IN (${top.map((c) => g.param(c)).join(', ')})
         GROUP BY "categoryId", "gridCellId" HAVING COUNT(*) > 1 ORDER BY 3 DESC LIMIT 20`,
        ...g.values,
      )
    : [];
  return {
    points: points.map((r) => [Number(r.lon), Number(r.lat)]),
    categories: categories.map((r) => ({ categoryId: String(r.categoryId), n: Number(r.n) })),
    cells: cells.map((r) => ({
      categoryId: String(r.categoryId),
      gridCellId: String(r.gridCellId),
      n: Number(r.n),
    })),
  };
}
