// The per-user route limits on PostgreSQL (docs/deploy.md: nodes share one database): a request is
// consumed in the "RouteLimit" table through the node's one limiter pool (shared with sign-in throttling),
// so a second node on the same database refuses the same user's next export, and and sign-in throttling counts through the same pool.
// On a throwaway cluster; without PostgreSQL outside CI it says so and defines no tests.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { startPostgres, type PgCluster } from '../support/postgres';
import { raw } from '../support/raw';
import { startTestServer, type TestServer } from '../support/server';

const cluster: PgCluster | null = await startPostgres();
if (cluster) {
  describe('hardening: route limits on PostgreSQL', () => {
    let a: TestServer;
    let b: TestServer;
    let sql: pg.Client;
    const env = { EXPORTS_PER_MINUTE: '2', LOGIN_MAX_FAILURES: '3' };
    const csv = async (server: TestServer, token: string) =>
      (
        await raw(server.url, 'GET', '/api/admin/audit.csv', {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status;

    before(async () => {
      cluster.createDatabase('limits');
      const databaseUrl = cluster.url('limits');
      a = await startTestServer({ databaseUrl, env });
      b = await startTestServer({ databaseUrl, env });
      sql = new pg.Client({ connectionString: databaseUrl });
      await sql.connect();
    });
    after(async () => {
      await sql?.end();
      await a?.close();
      await b?.close();
      cluster.stop();
    });

    test('an export is consumed in the RouteLimit table; the other node refuses the third', async () => {
      const admin = await a.loginAs('admin');
      assert.equal(await csv(a, admin), 200);
      const { rows } = await sql.query<{ key: string; points: number }>(
        `SELECT key, points FROM "RouteLimit" WHERE key LIKE 'export:%'`,
      );
      assert.equal(rows.length, 1, 'one counter, for the admin');
      assert.equal(rows[0]!.points, 1);
      assert.equal(await csv(b, admin), 200, 'the second export, on the other node');
      assert.equal(await csv(b, admin), 429, 'the third is over the budget both nodes share');
      assert.equal(await csv(a, admin), 429);
      const later = await sql.query<{ points: number }>(`SELECT points FROM "RouteLimit" WHERE key = $1`, [
        rows[0]!.key,
      ]);
      assert.ok(later.rows[0]!.points >= 3, `points ${later.rows[0]!.points}`);
    });

    test('sign-in throttling counts in PostgreSQL too: failures on both nodes add up to one lock', async () => {
      const login = (server: TestServer, password: string) =>
        server.api('POST', '/api/auth/login', { username: 'leader', password });
      assert.equal((await login(a, 'wrong-1')).status, 401);
      assert.equal((await login(b, 'wrong-2')).status, 401);
      assert.equal((await login(a, 'wrong-3')).status, 429, 'the third failure, across both nodes, locks');
      const { rows } = await sql.query<{ key: string }>(
        `SELECT key FROM "LoginLimit" WHERE key LIKE 'acct:%'`,
      );
      assert.equal(rows.length, 1, 'the account counter is in PostgreSQL');
      assert.equal(
        (await login(b, 'demo123')).status,
        429,
        'locked on the other node, even with the right password',
      );
    });
  });
} else if (process.env.CI) {
  test('PostgreSQL is installed for CI', () => {
    assert.fail('initdb/pg_ctl not found: .ci/run must install postgresql');
  });
} else {
  console.log('# PostgreSQL not installed: the route limits ran on SQLite only (hardening-limits.test.ts)');
}
