// The evaluation suite on PostgreSQL (the migration's plpgsql triggers), on a throwaway cluster; without
// PostgreSQL outside CI it says so and defines no tests.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startPostgres, type PgCluster } from '../support/postgres';
import { evaluationSuite } from './evaluation-suite';

const cluster: PgCluster | null = await startPostgres();
if (cluster) {
  after(() => cluster.stop());
  evaluationSuite('PostgreSQL', async () => {
    cluster.createDatabase('evaluation');
    return cluster.url('evaluation');
  });
} else if (process.env.CI) {
  test('PostgreSQL is installed for CI', () => {
    assert.fail('initdb/pg_ctl not found: .ci/run must install postgresql');
  });
} else {
  console.log('# PostgreSQL not installed: the evaluation suite ran on SQLite only');
}
