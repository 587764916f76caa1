// Fast bulk inserts for the seed (100k parts): multi-row INSERT statements with bound parameters
// through Prisma's raw API, inside the seed transaction. Prisma's createMany costs ~0.3 ms a row;
// this costs a few microseconds. Works for SQLite (? placeholders) and PostgreSQL ($n placeholders).
import type { Tx } from '../db/client';

export type Provider = 'sqlite' | 'postgresql';
type Value = string | number | boolean | null;

export async function insertRows(
  tx: Tx,
  provider: Provider,
  table: string,
  columns: string[],
  rows: Value[][],
  maxParams = 30_000,
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(maxParams / columns.length));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: Value[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length)
        throw new Error(`${table}: row has ${row.length} values, not ${columns.length}`);
      const marks = row.map((value) => {
        params.push(provider === 'sqlite' && typeof value === 'boolean' ? (value ? 1 : 0) : value);
        return provider === 'sqlite' ? '?' : `$${params.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    await tx.$executeRawUnsafe(head + tuples.join(', '), ...params);
  }
}

/** Rows of objects to insertRows' column lists, in the order of `columns`. */
export function toRows<T extends object>(items: T[], columns: Array<keyof T & string>): Value[][] {
  return items.map((item) => columns.map((c) => (item[c] ?? null) as Value));
}
