// Per-user limits on the expensive routes (issue 17): exports (evaluation CSV, audit CSV) share one
// budget per user and minute, playback (state, events, tracks) another. Over it: 429 with Retry-After in
// the project's error shape; other users, and the same user's cheap routes, are not affected.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../server/src/config';
import { raw, type RawAnswer } from '../support/raw';
import { startTestServer, type TestServer } from '../support/server';

const PERIOD = 'from=2026-11-22T00:00:00Z&to=2026-11-23T00:00:00Z';

describe('hardening: per-user limits on exports and playback', () => {
  let server: TestServer;
  const get = async (path: string, token: string) =>
    raw(server.url, 'GET', path, { headers: { authorization: `Bearer ${token}` } });
  const limited = (r: RawAnswer, what: string) => {
    assert.equal(r.status, 429, `${what}: ${r.text.slice(0, 200)}`);
    const retry = Number(r.headers['retry-after']);
    assert.ok(
      Number.isInteger(retry) && retry >= 1 && retry <= 60,
      `Retry-After ${r.headers['retry-after']}`,
    );
    const body = r.json as { error: { code: string; message: { zh: string; en: string } } };
    assert.equal(body.error.code, 'rate_limited');
    assert.match(body.error.message.en, /at most \d+ a minute/);
    assert.match(body.error.message.zh, /每分钟最多/);
  };

  before(async () => {
    server = await startTestServer({ env: { EXPORTS_PER_MINUTE: '3', PLAYBACK_PER_MINUTE: '4' } });
  });
  after(async () => {
    await server.close();
  });

  test('exports: the fourth CSV of a minute is 429, across both exports; JSON and other users go on', async () => {
    const admin = await server.loginAs('admin');
    assert.equal((await get('/api/admin/audit.csv', admin)).status, 200);
    assert.equal((await get('/api/evaluation?format=csv', admin)).status, 200);
    assert.equal((await get('/api/admin/audit.csv', admin)).status, 200);
    limited(await get('/api/admin/audit.csv', admin), 'audit csv');
    limited(await get('/api/evaluation?format=csv', admin), 'evaluation csv');
    assert.equal((await get('/api/evaluation', admin)).status, 200, 'the table itself is not an export');
    assert.equal((await get('/api/admin/audit', admin)).status, 200, 'nor is the audit trail page');
    const leader = await server.loginAs('leader');
    assert.equal((await get('/api/evaluation?format=csv', leader)).status, 200, 'another user');
  });

  test('playback: the fifth request of a minute is 429 for that user only', async () => {
    const leader = await server.loginAs('leader');
    assert.equal((await get('/api/playback/state?at=2026-11-23T01:00:00Z', leader)).status, 200);
    assert.equal((await get(`/api/playback/events?${PERIOD}`, leader)).status, 200);
    assert.equal((await get(`/api/playback/tracks?${PERIOD}`, leader)).status, 200);
    assert.equal((await get('/api/playback/state?at=yesterday', leader)).status, 400, 'a bad one counts too');
    limited(await get('/api/playback/state?at=2026-11-23T01:00:00Z', leader), 'state');
    limited(await get(`/api/playback/tracks?${PERIOD}`, leader), 'tracks');
    assert.equal((await get('/api/playback/range', leader)).status, 200, 'the range is cheap');
    const supervisor = await server.loginAs('supervisor');
    assert.equal((await get(`/api/playback/events?${PERIOD}`, supervisor)).status, 200, 'another user');
  });

  test('the limits are configured by integers, or the server refuses to start', () => {
    assert.throws(() => loadConfig({ EXPORTS_PER_MINUTE: '0' }), /EXPORTS_PER_MINUTE/);
    assert.throws(() => loadConfig({ PLAYBACK_PER_MINUTE: 'many' }), /PLAYBACK_PER_MINUTE/);
    assert.deepEqual(loadConfig({}).routeLimits, { export: 10, playback: 120 });
  });
});
