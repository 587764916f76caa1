// The same administration suite against PostgreSQL, on a throwaway cluster on 127.0.0.1 (.ci/run installs
// PostgreSQL). Without PostgreSQL this file says so and defines no tests; in CI a missing one is a failure.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startPostgres, type PgCluster } from '../support/postgres';
import { adminSettingsSuite } from './admin-settings-suite';

const cluster: PgCluster | null = await startPostgres();
if (cluster) {
  after(() => cluster.stop());
  adminSettingsSuite('PostgreSQL', async () => {
    cluster.createDatabase('admin');
    return cluster.url('admin');
  });
} else if (process.env.CI) {
  test('PostgreSQL is installed for CI', () => {
    assert.fail('initdb/pg_ctl not found: .ci/run must install postgresql');
  });
} else {
  console.log('# PostgreSQL not installed: the administration suite ran on SQLite only');
}
