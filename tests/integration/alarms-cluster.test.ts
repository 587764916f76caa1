// Alarms across two nodes on one PostgreSQL (docs/adr/0018): node A in this process, node B a child process
// that is killed -9 mid-stream. Sensors are shared by advisory-lock leases; readings sent to A for B's
// sensors reach B; when B dies, A takes its partitions over, rebuilds their state from the database, and
// exactly one alarm per sensor is raised and streamed to the client.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { partitionOf } from '../../server/src/alarms/leases';
import type { IngestResult } from '../../server/src/alarms/engine';
import { freePort, spawnServer, type ChildServer } from '../support/child-server';
import { Recorder, waitUntil } from '../support/live';
import { startPostgres, type PgCluster } from '../support/postgres';
import { startTestServer, type TestServer } from '../support/server';
import { ingest } from './ingest-helpers';

const cluster: PgCluster | null = await startPostgres();

const partitionLocks = `SELECT l.pid, count(*)::int AS n FROM pg_locks l
  WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid::int = ${0x0a1a} GROUP BY l.pid`;

if (!cluster) {
  if (process.env.CI) test('PostgreSQL is installed for CI', () => assert.fail('initdb/pg_ctl not found'));
  else console.log('# PostgreSQL not installed: the two-node alarm tests did not run');
} else {
  describe('alarms across two nodes (PostgreSQL)', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-alarm-b-'));
    let a: TestServer;
    let b: ChildServer;
    let sql: pg.Client;
    let client: Recorder;
    const partitions = 32;

    before(async () => {
      cluster.createDatabase('alarmcluster');
      const databaseUrl = cluster.url('alarmcluster');
      // Every node of a cluster shares the ingest key (forwards carry it); the child inherits it.
      process.env.INGEST_KEY = 'alarm-cluster-test-ingest-key-0123';
      a = await startTestServer({
        databaseUrl,
        now: 'system',
        env: { NODE_ID: 'node-a', ALARM_PARTITIONS: String(partitions) },
      });
      b = await spawnServer({
        DATABASE_URL: databaseUrl,
        NODE_ID: 'node-b',
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        ALARM_PARTITIONS: String(partitions),
      });
      sql = new pg.Client({ connectionString: databaseUrl });
      await sql.connect();
      client = new Recorder(a.url, { token: await a.loginAs('supervisor') });
      await client.resumed();
    });
    after(async () => {
      client?.close();
      await sql?.end();
      await b?.kill();
      await a?.close();
      cluster.stop();
      delete process.env.INGEST_KEY;
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const owned = () => a.iot.readings.leases?.owned ?? new Set<number>();

    test('the two nodes share the partitions', async () => {
      await waitUntil(
        'each node holding half of the partitions',
        async () => {
          const { rows } = await sql.query<{ pid: number; n: number }>(partitionLocks);
          return rows.length === 2 && rows.every((r) => r.n === partitions / 2) && owned().size === 16;
        },
        20_000,
        200,
      );
    });

    test('node B killed -9 mid-stream: one alarm per sensor, raised once, streamed to the client', async () => {
      const gas = await a.ctx.db.sensor.findMany({ where: { type: 'gas' }, orderBy: { id: 'asc' } });
      const onB = gas.filter((s) => !owned().has(partitionOf(s.id, partitions))).slice(0, 2);
      assert.equal(onB.length, 2);
      const [s1, s2] = onB.map((s) => s.id) as [string, string];
      const post = async (readings: Array<{ sensorId: string; value: number }>) => {
        const r = await ingest<IngestResult>(a, '/api/ingest/readings', { readings });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body;
      };

      // Through A, evaluated by B: A's own copy of these sensors does not move.
      const seen = a.iot.engine.sensors.get(s1)!.state.lastSeenMs;
      assert.equal((await post([{ sensorId: s1, value: 1 }])).accepted, 1);
      assert.equal(a.iot.engine.sensors.get(s1)!.state.lastSeenMs, seen);
      // s1 crosses the threshold (debounce 2) on B; s2 is half-way through its debounce when B dies.
      assert.equal((await post([{ sensorId: s1, value: 30 }])).raised, 0);
      assert.equal((await post([{ sensorId: s1, value: 30 }])).raised, 1);
      assert.equal((await post([{ sensorId: s2, value: 30 }])).raised, 0);

      const results: IngestResult[] = [];
      let killed: Promise<void> | null = null;
      for (let i = 0; i < 30; i++) {
        if (i === 3) killed = b.kill('SIGKILL');
        results.push(
          await post([
            { sensorId: s1, value: 31 },
            { sensorId: s2, value: 32 },
          ]),
        );
      }
      await killed;
      assert.ok(
        results.every((r) => r.accepted === 2 && r.rejected.length === 0),
        'every reading accepted',
      );
      assert.equal(
        results.reduce((n, r) => n + r.raised, 0),
        1,
        's2 raised once',
      );
      assert.equal(owned().size, partitions, 'A evaluates every partition');

      for (const id of [s1, s2]) {
        const alarms = await a.ctx.db.alarm.findMany({ where: { sensorId: id, kind: 'threshold' } });
        assert.equal(alarms.length, 1, `one alarm for ${id}`);
        assert.equal(alarms[0]!.status, 'open');
      }
      const first = await a.ctx.db.alarm.findFirstOrThrow({ where: { sensorId: s1 } });
      assert.ok(
        first.count >= 30,
        `s1's alarm folded the readings after the takeover (count ${first.count})`,
      );

      await waitUntil(
        'both alarms on the client',
        () =>
          [...client.state.alarms.values()].filter((x) => x.sensorId === s1 || x.sensorId === s2).length ===
          2,
        10_000,
      );
      const raised = client.events.filter(
        (e) =>
          e.type === 'alarm.raised' &&
          [s1, s2].includes((e.payload as { alarm: { sensorId: string } }).alarm.sensorId),
      );
      assert.equal(raised.length, 2, 'alarm.raised streamed once per sensor');
    });
  });
}
