// Drills on a PostgreSQL live server (docs/adr/0024): the drill gets a database of its own on the same
// server (made by the migrations, then the live reference data copied in), its node runs on it, the
// gas-leak scenario injects there and nowhere else, and the review reads it after the stop. On a
// throwaway cluster; skipped without PostgreSQL outside CI (see workflow-postgres.test.ts). Then the
// register after a restart, the replay from the drill archive, and DELETE dropping the drill database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import type { AlarmView } from '@contract/alarms';
import type { DrillReview } from '@contract/drills';
import type { DrillInfo } from '../../server/src/drills/manager';
import { drillDatabaseName } from '../../server/src/drills/copy-postgres';
import { waitUntil } from '../support/live';
import { startPostgres, type PgCluster } from '../support/postgres';
import { startTestServer, type TestServer } from '../support/server';

const cluster: PgCluster | null = await startPostgres();
if (cluster) {
  describe('drills on PostgreSQL', () => {
    let server: TestServer;
    before(async () => {
      cluster.createDatabase('drills');
      server = await startTestServer({ databaseUrl: cluster.url('drills'), now: 'system' });
    });
    after(async () => {
      await server.close();
      cluster.stop();
    });

    test('a drill database of its own, from the live reference data; the scenario lands there only', async () => {
      const trainer = await server.loginAs('trainer');
      const started = await server.api<DrillInfo>('POST', '/api/drills', { scenarioId: 'gas-leak' }, trainer);
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const drill = started.body;
      await server.api('POST', `/api/drills/${drill.id}/scenario`, { action: 'speed', speed: 60 }, trainer);

      const live = new pg.Client({ connectionString: cluster.url('drills') });
      const copy = new pg.Client({ connectionString: cluster.url(drillDatabaseName('drills', drill.id)) });
      await Promise.all([live.connect(), copy.connect()]);
      try {
        const count = async (c: pg.Client, sql: string) => Number((await c.query(sql)).rows[0].n);
        for (const table of [
          'Division',
          'GridCell',
          'Part',
          'Department',
          'User',
          'Camera',
          'Sensor',
          'Vehicle',
        ]) {
          const n = await count(live, `SELECT count(*) AS n FROM "${table}"`);
          assert.ok(n > 0, `live has ${table}`);
          assert.equal(await count(copy, `SELECT count(*) AS n FROM "${table}"`), n, `${table} copied`);
        }
        await waitUntil(
          'the scenario to finish',
          async () => {
            const list = await server.api<{ drills: DrillInfo[] }>('GET', '/api/drills', undefined, trainer);
            const d = list.body.drills.find((x) => x.id === drill.id);
            return d?.scenario?.clock.status === 'finished' && d.scenario.injected.length === 3;
          },
          30_000,
        );
        assert.ok(
          (await count(copy, `SELECT count(*) AS n FROM "Alarm" WHERE drill`)) >= 1,
          'alarm in the drill',
        );
        assert.equal(
          await count(copy, `SELECT count(*) AS n FROM "Case" WHERE "externalRef" = 'DRILL-12345-0001'`),
          1,
        );
        assert.equal(await count(live, `SELECT count(*) AS n FROM "Alarm" WHERE drill`), 0, 'none in live');
        assert.equal(
          await count(live, `SELECT count(*) AS n FROM "Case" WHERE "externalRef" LIKE 'DRILL-%'`),
          0,
        );
      } finally {
        await Promise.all([live.end(), copy.end()]);
      }

      // A trainee acts on the drill node; the review reads the drill database after the stop.
      const login = await fetch(`${drill.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'commander', password: 'demo123' }),
      });
      const { token } = (await login.json()) as { token: string };
      const alarms = (await (
        await fetch(`${drill.url}/api/alarms`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { alarms: AlarmView[] };
      const alarm = alarms.alarms.find((a) => a.sensorType === 'gas');
      assert.ok(alarm);
      const ack = await fetch(`${drill.url}/api/alarms/${alarm.id}/acknowledge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ version: alarm.version }),
      });
      assert.equal(ack.status, 200);
      await server.api('POST', `/api/drills/${drill.id}/stop`, undefined, trainer);
      const review = await server.api<DrillReview>(
        'GET',
        `/api/drills/${drill.id}/review`,
        undefined,
        trainer,
      );
      assert.equal(review.status, 200, JSON.stringify(review.body).slice(0, 300));
      assert.equal(review.body.drill.status, 'stopped');
      assert.deepEqual(
        review.body.actions.filter((a) => a.username === 'commander').map((a) => a.command),
        ['acknowledge'],
      );
      assert.equal(review.body.figures.total.answered, 1);

      // The drill's own archive replays it (docs/adr/0024).
      const range = await server.api<{ to: string | null }>(
        'GET',
        `/api/drills/${drill.id}/playback/range`,
        undefined,
        trainer,
      );
      assert.equal(range.status, 200);
      assert.ok(range.body.to);
      const state = await server.api<{ alarms: unknown[] }>(
        'GET',
        `/api/drills/${drill.id}/playback/state?at=${encodeURIComponent(range.body.to)}`,
        undefined,
        trainer,
      );
      assert.equal(state.status, 200);
      assert.ok(state.body.alarms.length >= 1);

      // Restarted on the same database: the register lists the drill and its review answers; deleted by
      // hand, its database is dropped and the drill stays listed as purged.
      await server.close();
      server = await startTestServer({ databaseUrl: cluster.url('drills'), now: 'system' });
      const trainer2 = await server.loginAs('trainer');
      const list = await server.api<{ drills: DrillInfo[] }>('GET', '/api/drills', undefined, trainer2);
      assert.deepEqual(
        list.body.drills.map((d) => [d.id, d.status]),
        [[drill.id, 'stopped']],
      );
      const again = await server.api<DrillReview>(
        'GET',
        `/api/drills/${drill.id}/review`,
        undefined,
        trainer2,
      );
      assert.equal(again.status, 200);
      assert.equal(again.body.figures.total.answered, 1);
      const deleted = await server.api<DrillInfo>('DELETE', `/api/drills/${drill.id}`, undefined, trainer2);
      assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
      assert.equal(deleted.body.status, 'purged');
      const admin = new pg.Client({ connectionString: cluster.url('drills') });
      await admin.connect();
      try {
        const left = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
          drillDatabaseName('drills', drill.id),
        ]);
        assert.equal(left.rowCount, 0, 'the drill database is dropped');
      } finally {
        await admin.end();
      }
    });
  });
}
