// The alarm engine's hand-written SQL (sensor and vehicle flushes) and the alarm -> case path on
// PostgreSQL, on a throwaway cluster (see workflow-postgres.test.ts). Skipped without PostgreSQL outside CI.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AlarmView } from '../../contract/alarms';
import { startPostgres, type PgCluster } from '../support/postgres';
import { startTestServer, type TestServer } from '../support/server';
import { ingest } from './ingest-helpers';

const cluster: PgCluster | null = await startPostgres();
if (cluster) {
  describe('alarms on PostgreSQL', () => {
    let server: TestServer;
    before(async () => {
      cluster.createDatabase('alarms');
      server = await startTestServer({ databaseUrl: cluster.url('alarms') });
    });
    after(async () => {
      await server.close();
      cluster.stop();
    });

    test('a gas alarm is raised, confirmed into a case, and sensor and vehicle state is flushed', async () => {
      const gas = await server.ctx.db.sensor.findFirstOrThrow({
        where: { type: 'gas' },
        orderBy: { id: 'asc' },
      });
      const r = await ingest<{ raised: number }>(server, '/api/ingest/readings', {
        readings: [
          { sensorId: gas.id, value: 40 },
          { sensorId: gas.id, value: 45 },
        ],
      });
      assert.equal(r.body.raised, 1);
      const token = await server.loginAs('supervisor');
      const list = await server.api<{ alarms: AlarmView[] }>(
        'GET',
        '/api/alarms?status=open',
        undefined,
        token,
      );
      const alarm = list.body.alarms.find((a) => a.sensorId === gas.id);
      assert.ok(alarm);
      const confirmed = await server.api<{ alarm: AlarmView }>(
        'POST',
        `/api/alarms/${alarm.id}/confirm`,
        {},
        token,
      );
      assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
      assert.ok(confirmed.body.alarm.caseId);
      assert.ok((await server.iot.engine.flush()) >= 1);
      const row = await server.ctx.db.sensor.findUniqueOrThrow({ where: { id: gas.id } });
      assert.equal(row.lastValue, 45);
      assert.ok(row.lastSeenAt);
      await ingest(server, '/api/ingest/positions', {
        positions: [{ id: 'V0002', lon: 119.19, lat: 34.61 }],
      });
      assert.equal(await server.iot.positions.flush(), 1);
      assert.equal((await server.ctx.db.vehicle.findUniqueOrThrow({ where: { id: 'V0002' } })).lat, 34.61);
    });

    test('concurrent batches that raise and clear one sensor commit in order (no clear before its raise)', async () => {
      const gas = await server.ctx.db.sensor.findMany({ where: { type: 'gas' }, orderBy: { id: 'asc' } });
      const id = gas[5]!.id;
      const values = [30, 30, 2, 2, 30, 30, 2, 2, 30, 30, 2, 2];
      const answers = await Promise.all(
        values.map((value) =>
          ingest<{ raised: number; cleared: number }>(server, '/api/ingest/readings', {
            readings: [{ sensorId: id, value }],
          }),
        ),
      );
      assert.deepEqual(
        answers.map((r) => r.status),
        values.map(() => 200),
      );
      const alarms = await server.ctx.db.alarm.findMany({ where: { sensorId: id } });
      assert.ok(alarms.length >= 1);
      assert.ok(alarms.every((a) => a.clearedAt === null || a.clearedAt >= a.firstSeenAt));
    });
  });
} else if (process.env.CI) {
  test('PostgreSQL is installed for CI', () => {
    assert.fail('initdb/pg_ctl not found: .ci/run must install postgresql');
  });
} else {
  console.log('# PostgreSQL not installed: the alarm engine ran on SQLite only');
}
