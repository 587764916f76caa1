// The same workflow suite against PostgreSQL, on a throwaway cluster on 127.0.0.1 (.ci/run installs
// PostgreSQL). On a developer machine without PostgreSQL this file says so and defines no tests; in CI
// (CI=true) a missing PostgreSQL is a failure.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startPostgres, type PgCluster } from '../support/postgres';
import { workflowSuite } from './workflow-suite';

const cluster: PgCluster | null = await startPostgres();
if (cluster) {
  after(() => cluster.stop());
  workflowSuite('PostgreSQL', async () => {
    cluster.createDatabase('workflow');
    return cluster.url('workflow');
  });
} else if (process.env.CI) {
  test('PostgreSQL is installed for CI', () => {
    assert.fail('initdb/pg_ctl not found: .ci/run must install postgresql');
  });
} else {
  console.log('# PostgreSQL not installed: the workflow suite ran on SQLite only');
}
