// Sign-in that cannot be hammered (issue 17, defect 5), the audit trail, and machine channels that
// refuse times from the future (defect 7), on a real server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/server';
import { ingest, send } from './ingest-helpers';

interface Entry {
  action: string;
  outcome: string;
  username: string | null;
  target: string | null;
}

describe('hardening: sign-in throttling, audit, future times', () => {
  let server: TestServer;
  let admin: string;
  const login = (username: string, password = 'demo123') =>
    server.api<{ error?: { code: string; message: { zh: string; en: string } } }>('POST', '/api/auth/login', {
      username,
      password,
    });
  const entries = async (query = '') =>
    (await server.api<{ entries: Entry[] }>('GET', `/api/admin/audit${query}`, undefined, admin)).body
      .entries;

  before(async () => {
    server = await startTestServer({
      env: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '6' },
    });
    admin = await server.loginAs('admin');
  });
  after(async () => {
    await server.close();
  });

  test('an account locks after 3 failures, refuses even the right password, and an admin unlocks it', async () => {
    assert.equal((await login('leader', 'wrong-1')).status, 401);
    assert.equal((await login('leader', 'wrong-2')).status, 401);
    const third = await login('leader', 'wrong-3');
    assert.equal(third.status, 429);
    assert.equal(third.body.error?.code, 'locked');
    assert.match(third.body.error?.message.zh ?? '', /锁定/);
    const right = await server.api('POST', '/api/auth/login', { username: 'leader', password: 'demo123' });
    assert.equal(right.status, 429, 'locked: the right password is refused too');
    assert.equal((await login('dispatcher')).status, 200, 'other accounts are not affected');

    const locks = await entries('?action=auth.locked');
    assert.equal(locks.length, 1);
    assert.equal(locks[0]?.target, 'leader');
    const supervisor = await server.loginAs('supervisor');
    const notAdmin = await server.api(
      'POST',
      '/api/admin/lockouts/unlock',
      { username: 'leader' },
      supervisor,
    );
    assert.equal(notAdmin.status, 403);
    assert.equal((await server.api('GET', '/api/admin/audit', undefined, supervisor)).status, 403);
    const unlock = await server.api('POST', '/api/admin/lockouts/unlock', { username: 'leader' }, admin);
    assert.equal(unlock.status, 200);
    assert.equal((await login('leader')).status, 200, 'unlocked');
  });

  test('an address that sprays many accounts is blocked until unlocked', async () => {
    // 3 failures counted above; 3 more on other names reach the address limit of 6
    for (const name of ['nobody-1', 'nobody-2']) assert.equal((await login(name, 'x')).status, 401);
    assert.equal((await login('nobody-3', 'x')).status, 429);
    assert.equal((await login('commander')).status, 429, 'the address is blocked for every account');
    const unlock = await server.api('POST', '/api/admin/lockouts/unlock', { address: '127.0.0.1' }, admin);
    assert.equal(unlock.status, 200);
    assert.equal((await login('commander')).status, 200);
  });

  test('the audit trail records sign-ins, failures, locks and commands, exports CSV and is append-only', async () => {
    const commander = await server.loginAs('commander');
    const created = await server.api<{ incident: { id: string } }>(
      'POST',
      '/api/incidents',
      { title: '路面塌陷', categoryId: 'event-0401', severity: 2, lon: 119.18, lat: 34.6 },
      commander,
    );
    const handler = await server.loginAs('handler.water');
    const refused = await server.api(
      'POST',
      '/api/incidents',
      { title: 'x', categoryId: 'event-0401', severity: 2, lon: 119.18, lat: 34.6 },
      handler,
    );
    assert.equal(refused.status, 403);
    await server.api('POST', '/api/auth/logout', undefined, handler);
    const all = await entries('?limit=1000');
    const count = (action: string, outcome?: string) =>
      all.filter((e) => e.action === action && (!outcome || e.outcome === outcome)).length;
    assert.ok(count('auth.login') >= 5);
    assert.equal(count('auth.failed'), 6);
    assert.equal(count('auth.locked'), 2);
    assert.ok(count('auth.refused') >= 2);
    assert.equal(count('auth.unlocked'), 2);
    assert.equal(count('auth.logout'), 1);
    if (created.status === 201) assert.equal(count('incident.create', 'ok'), 1);
    assert.equal(count('incident.create', 'denied'), 1);

    const csv = await fetch(`${server.url}/api/admin/audit.csv?action=auth.failed`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.match(lines[0] ?? '', /id,at,action,outcome,username/);
    assert.equal(lines.length, 7);

    await assert.rejects(server.ctx.db.auditEntry.updateMany({ data: { outcome: 'ok' } }));
    await assert.rejects(server.ctx.db.auditEntry.deleteMany({}));
  });

  test('a GPS fix, camera status or detection from the future is refused, and later real fixes count', async () => {
    const devices = await send<{ vehicles: Array<{ id: string }>; cameras: Array<{ id: string }> }>(
      server,
      'GET',
      '/api/ingest/devices',
      undefined,
      { 'x-ingest-key': server.ingestKey },
    );
    const vehicle = devices.body.vehicles[0]!.id;
    const camera = devices.body.cameras[0]!.id;
    const future = await ingest<{ rejected: Array<{ error: string }> }>(server, '/api/ingest/positions', {
      positions: [{ id: vehicle, lon: 119.18, lat: 34.6, at: '2099-01-01T00:00:00+00:00' }],
    });
    assert.equal(future.status, 207);
    assert.match(future.body.rejected[0]?.error ?? '', /future/);
    const now = server.clock.now().toISOString();
    const real = await ingest(server, '/api/ingest/positions', {
      positions: [{ id: vehicle, lon: 119.19, lat: 34.61, at: now }],
    });
    assert.equal(real.status, 200);
    assert.equal(server.iot.positions.latest.get(vehicle)?.lon, 119.19);
    const status = await ingest(server, '/api/ingest/cameras/status', {
      items: [{ cameraId: camera, status: 'offline', at: '2099-01-01T00:00:00+00:00' }],
    });
    assert.equal(status.status, 207);
    const reading = await ingest<{ rejected: Array<{ error: string }> }>(server, '/api/ingest/readings', {
      readings: [{ sensorId: 'nope', value: 1, at: '2099-01-01T00:00:00+00:00' }],
    });
    assert.equal(reading.status, 207);
  });
});
