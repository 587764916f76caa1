// Two nodes on one PostgreSQL behind one address: node A in this process, node B a child process
// (so it can be killed -9), a TCP proxy in front that prefers B. Cross-node delivery of cases and
// transient layers, out-of-order commits and rollbacks, and failover from B to A without a gap.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import type { CaseDetail } from '@contract/cases';
import { freePort, spawnServer, type ChildServer } from '../support/child-server';
import { assertOrderedOnce, Recorder, waitUntil } from '../support/live';
import { maxSeq, probe, produceEvents } from '../support/outbox';
import { startPostgres, type PgCluster } from '../support/postgres';
import { startProxy, type Proxy } from '../support/proxy';
import { startTestServer, type TestServer } from '../support/server';

const cluster: PgCluster | null = await startPostgres();

if (!cluster) {
  if (process.env.CI) test('PostgreSQL is installed for CI', () => assert.fail('initdb/pg_ctl not found'));
  else console.log('# PostgreSQL not installed: the two-node live tests did not run');
} else {
  describe('live stream across two nodes (PostgreSQL)', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-live-b-'));
    let a: TestServer;
    let b: ChildServer;
    let proxy: Proxy;
    let client: Recorder;
    let sql: pg.Client;
    let bAlive = true;

    before(async () => {
      cluster.createDatabase('live');
      const databaseUrl = cluster.url('live');
      // Node B runs on the system clock, so node A must too: B checks A's session tokens (expiry) and runs
      // the clock scheduler over A's cases by its own clock.
      a = await startTestServer({
        databaseUrl,
        now: 'system',
        env: { NODE_ID: 'node-a', STREAM_PRUNE_MS: '3600000' },
      });
      b = await spawnServer({
        DATABASE_URL: databaseUrl,
        NODE_ID: 'node-b',
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
      });
      proxy = await startProxy(() => (bAlive ? [b.port, a.port] : [a.port]));
      sql = new pg.Client({ connectionString: databaseUrl });
      await sql.connect();
      client = new Recorder(proxy.url, { token: await a.loginAs('supervisor'), reconnectionDelay: 50 });
      await client.resumed();
    });
    after(async () => {
      client?.close();
      await sql?.end();
      await proxy?.close();
      await b?.kill();
      await a?.close();
      cluster.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    test('a client on node B receives a case created through node A', async () => {
      const hello = await new Promise<{ node: string }>((resolve) => {
        client.socket.once('server:hello', resolve);
        client.socket.disconnect().connect();
      });
      assert.equal(hello.node, 'node-b');
      await client.resumed(2);
      const created = await a.api<CaseDetail>(
        'POST',
        '/api/cases',
        { source: 'hotline', categoryId: 'event-0103', lon: 119.16, lat: 34.61, description: '跨节点' },
        await a.loginAs('supervisor'),
      );
      assert.equal(created.status, 201);
      await waitUntil('the case on node B', () => client.state.cases.has(created.body.id), 5_000);
    });

    test('transient layers published on node A reach a client on node B (through the adapter)', async () => {
      const got: string[] = [];
      client.socket.on('live:positions', (items) => got.push(...items.map((i) => i.id)));
      await client.socket.timeout(5000).emitWithAck('viewport:set', { bbox: [119, 34, 120, 35] });
      await waitUntil(
        'a position from node A',
        () => {
          a.ctx.bus.publishTransient('vehicle.position', [
            { id: 'truck-a', lon: 119.2, lat: 34.6, at: new Date().toISOString() },
          ]);
          return got.includes('truck-a');
        },
        10_000,
        300,
      );
    });

    test('a later seq committed first waits for the earlier one; a rolled-back seq is skipped', async () => {
      const insert = `INSERT INTO "Outbox" ("topic","type","entityId","payload") VALUES ('case','test.probe','held','{}') RETURNING "seq"`;
      await sql.query('BEGIN');
      const held = (await sql.query<{ seq: number }>(insert)).rows[0]!.seq;
      const [later] = await produceEvents(a.ctx, 1, probe());
      assert.ok(later! > held);
      await new Promise((r) => setTimeout(r, 700));
      assert.ok(client.stream.lastSeq! < held, 'nothing past the open transaction is streamed');
      await sql.query('COMMIT');
      await client.reach(later!);
      assert.deepEqual(client.seqs.slice(-2), [held, later]);

      await sql.query('BEGIN');
      const aborted = (await sql.query<{ seq: number }>(insert)).rows[0]!.seq;
      const [next] = await produceEvents(a.ctx, 1, probe());
      await sql.query('ROLLBACK');
      await client.reach(next!);
      assert.ok(!client.seqs.includes(aborted));
      assert.equal(client.seqs.at(-1), next);
    });

    test('node B killed: the client reconnects to node A and resumes without a gap', async () => {
      const start = client.stream.lastSeq!;
      let stop = false;
      const writing = (async () => {
        while (!stop) {
          await produceEvents(a.ctx, 5, probe(), 5);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      await waitUntil('events streaming through B', () => (client.stream.lastSeq ?? 0) > start + 50, 10_000);
      bAlive = false;
      await b.kill('SIGKILL');
      const hello = await new Promise<{ node: string }>((resolve) =>
        client.socket.once('server:hello', resolve),
      );
      assert.equal(hello.node, 'node-a');
      await waitUntil('events streaming through A', () => (client.stream.lastSeq ?? 0) > start + 150, 10_000);
      stop = true;
      await writing;
      const head = await maxSeq(a.ctx);
      await client.reach(head);
      const rows = await a.ctx.db.outbox.findMany({
        where: { seq: { gt: start } },
        select: { seq: true },
        orderBy: { seq: 'asc' },
      });
      const after = client.seqs.filter((s) => s > start);
      assert.equal(assertOrderedOnce(client.seqs), null);
      assert.deepEqual(
        after,
        rows.map((r) => r.seq),
      );
    });
  });
}
