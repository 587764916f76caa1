// `--pg` for the benches: a throwaway PostgreSQL cluster on 127.0.0.1 started as the tests start theirs
// (tests/support/postgres.ts: initdb + pg_ctl on a free port, fsync off), one database per bench.
import { startPostgres, type PgCluster } from '../tests/support/postgres';

export const usePg = process.argv.includes('--pg');

export interface BenchDb {
  /** DATABASE_URL for the server config ('' for the default SQLite file in DATA_DIR) */
  url: string;
  cluster: PgCluster | null;
  stop(): void;
}

export async function benchDatabase(name: string, pgOnly = false): Promise<BenchDb> {
  if (!usePg && !pgOnly) return { url: '', cluster: null, stop: () => undefined };
  const cluster = await startPostgres();
  if (!cluster) {
    console.error('--pg needs PostgreSQL (initdb, pg_ctl) installed, or TEST_DATABASE_URL_PG');
    process.exit(2);
  }
  cluster.createDatabase(name);
  return { url: cluster.url(name), cluster, stop: () => cluster.stop() };
}
