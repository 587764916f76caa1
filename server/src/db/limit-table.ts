// The table a PostgreSQL rate limiter (rate-limiter-flexible) keeps its counters in, created once per
// database. The library creates it itself with CREATE TABLE IF NOT EXISTS, which PostgreSQL does not make
// safe between concurrent sessions: two nodes (or two limiters of one node) starting together fail with
// "type … already exists" and the library throws it as an unhandled rejection. Here the creation runs
// under a transaction-scoped advisory lock per table name, and the limiters are built with
// `tableCreated: true` and wait for it. The limiters of a node (sign-in, route limits) share one pool,
// opened and closed with the node (openLimitPool).
import pg from 'pg';
import type { DatabaseTarget } from './url';

/** The counters' pool of one node: PostgreSQL only (in memory on SQLite, where this is null). */
export type LimitPool = pg.Pool | null;

export function openLimitPool(database: DatabaseTarget): LimitPool {
  return database.provider === 'postgresql' ? new pg.Pool({ connectionString: database.url, max: 4 }) : null;
}

/** The statement rate-limiter-flexible's RateLimiterPostgres would run (same columns). */
const createStatement = (table: string) =>
  `CREATE TABLE IF NOT EXISTS "${table}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`;

export async function ensureLimitTable(pool: pg.Pool, table: string): Promise<void> {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rate-limit-table:${table}`]);
    await client.query(createStatement(table));
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
