// The recipe of docs/deploy.md, run: two nodes on one PostgreSQL behind nginx with deploy/nginx.conf (only
// the upstream addresses and the listen port changed). Health, login, the live stream over WebSocket and
// long-polling, readings for both nodes' sensors, and a node killed -9 behind the balancer. Runs where nginx
// is installed (.ci/run installs it); otherwise says so.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CaseDetail } from '@contract/cases';
import type { IngestResult } from '../../server/src/alarms/engine';
import { freePort, spawnServer, type ChildServer } from '../support/child-server';
import { Recorder, waitUntil } from '../support/live';
import { startPostgres, type PgCluster } from '../support/postgres';
import { startTestServer, type TestServer } from '../support/server';

const nginxBin = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => fs.existsSync(p));
const cluster: PgCluster | null = nginxBin ? await startPostgres() : null;

/** deploy/nginx.conf with the nodes' local ports and a free listen port, inside a minimal main config. */
function nginxConfig(dir: string, listen: number, ports: [number, number]): string {
  const site = fs
    .readFileSync('deploy/nginx.conf', 'utf8')
    .replace('server node-a:5870', `server 127.0.0.1:${ports[0]}`)
    .replace('server node-b:5870', `server 127.0.0.1:${ports[1]}`)
    .replace('listen 8080;', `listen 127.0.0.1:${listen};`);
  assert.ok(site.includes(`127.0.0.1:${ports[1]}`) && site.includes(`127.0.0.1:${listen}`));
  fs.writeFileSync(path.join(dir, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${path.join(dir, t)};`)
    .join('\n  ');
  const main = `daemon off;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${temp}
  include ${path.join(dir, 'site.conf')};
}
`;
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, main);
  return file;
}

if (!nginxBin || !cluster) {
  console.log('# nginx or PostgreSQL not installed: the deployment recipe test did not run');
  if (process.env.CI && !cluster && nginxBin)
    test('PostgreSQL is installed for CI', () => assert.fail('no initdb'));
} else {
  describe('two nodes behind nginx (docs/deploy.md)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-nginx-'));
    fs.chmodSync(dir, 0o777);
    let a: TestServer;
    let b: ChildServer;
    let nginx: ChildProcess;
    let url: string;
    const clients: Recorder[] = [];

    before(async () => {
      cluster.createDatabase('deploy');
      const databaseUrl = cluster.url('deploy');
      process.env.INGEST_KEY = 'deploy-recipe-test-ingest-key-01';
      a = await startTestServer({ databaseUrl, now: 'system', env: { NODE_ID: 'node-a' } });
      b = await spawnServer({
        DATABASE_URL: databaseUrl,
        NODE_ID: 'node-b',
        PORT: String(await freePort()),
        DATA_DIR: path.join(dir, 'b'),
      });
      const listen = await freePort();
      const conf = nginxConfig(dir, listen, [a.port, b.port]);
      const check = spawnSync(nginxBin, ['-t', '-c', conf], { encoding: 'utf8' });
      assert.equal(check.status, 0, check.stderr);
      nginx = spawn(nginxBin, ['-c', conf], { stdio: 'ignore' });
      url = `http://127.0.0.1:${listen}`;
      await waitUntil(
        'nginx answering',
        async () => (await fetch(`${url}/api/health`).catch(() => null))?.status === 200,
        20_000,
        200,
      );
    });
    after(async () => {
      for (const c of clients) c.close();
      nginx?.kill('SIGTERM');
      await b?.kill();
      await a?.close();
      cluster.stop();
      delete process.env.INGEST_KEY;
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const login = async () => {
      const r = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'supervisor', password: 'demo123' }),
      });
      assert.equal(r.status, 200);
      return ((await r.json()) as { token: string }).token;
    };

    test('login, the live stream over WebSocket and long-polling, and readings through nginx', async () => {
      const token = await login();
      const ws = new Recorder(url, { token });
      const polling = new Recorder(url, { token, transports: ['polling'] });
      clients.push(ws, polling);
      await ws.resumed();
      await polling.resumed();
      const created = await fetch(`${url}/api/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          source: 'hotline',
          categoryId: 'event-0103',
          lon: 119.16,
          lat: 34.61,
          description: '经负载均衡',
        }),
      });
      assert.equal(created.status, 201);
      const id = ((await created.json()) as CaseDetail).id;
      await waitUntil(
        'the case on both clients',
        () => ws.state.cases.has(id) && polling.state.cases.has(id),
      );

      // Readings for every gas sensor: half of them are evaluated by the other node.
      const gas = await a.ctx.db.sensor.findMany({ where: { type: 'gas' }, select: { id: true } });
      const r = await fetch(`${url}/api/ingest/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ingest-key': process.env.INGEST_KEY! },
        body: JSON.stringify({ readings: gas.map((s) => ({ sensorId: s.id, value: 1 })) }),
      });
      assert.equal(r.status, 200);
      assert.equal(((await r.json()) as IngestResult).accepted, gas.length);
    });

    test('a node killed -9: nginx sends requests to the other one', async () => {
      await b.kill('SIGKILL');
      for (let i = 0; i < 4; i++) {
        const r = await fetch(`${url}/api/health`);
        assert.equal(r.status, 200);
      }
      assert.ok(await login());
    });
  });
}
