// Drill isolation against real servers, databases and Socket.IO streams: a trainer starts a drill (its own
// SQLite file from the live reference data, its own node); a drill case and a live case are reported at the
// same time; the live database has no drill row, the live stream no drill event, the drill stream no live
// event, and the live counters do not move with the drill.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { CaseDetail } from '@contract/cases';
import type { DrillInfo } from '../../server/src/drills/manager';
import { Recorder, waitUntil } from '../support/live';
import { callAt, loginAt, startTestServer, type TestServer } from '../support/server';

const REPORT = {
  source: 'hotline',
  description: '路边有暴露垃圾',
  categoryId: 'event-0103',
  lon: 119.16,
  lat: 34.61,
};

describe('drills on their own database', () => {
  let live: TestServer;
  const recorders: Recorder[] = [];

  before(async () => {
    live = await startTestServer({ now: 'system' });
  });
  after(async () => {
    for (const r of recorders) r.close();
    await live?.close();
  });

  test('a drill and live at the same time never see each other', async () => {
    const admin = await live.loginAs('admin');
    const supervisor = await live.loginAs('supervisor');

    const denied = await live.api<{ error: { code: string } }>('POST', '/api/drills', {}, supervisor);
    assert.equal(denied.status, 403, 'only a trainer starts a drill');
    const bad = await live.api<{ error: { code: string } }>('POST', '/api/drills', { scenario: 1 }, admin);
    assert.equal(bad.status, 400);

    const started = await live.api<DrillInfo>('POST', '/api/drills', {}, admin);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const drill = started.body;
    assert.notEqual(new URL(drill.url).port, new URL(live.url).port, 'a node of its own');
    const again = await live.api<{ error: { code: string } }>('POST', '/api/drills', {}, admin);
    assert.equal(again.status, 409, 'one drill at a time');

    // The drill database is a separate file under DATA_DIR with the live reference data and nothing else.
    const drillFile = path.join(live.dataDir, 'drills', drill.id, 'city-ops.db');
    assert.ok(fs.existsSync(drillFile));
    const drillDb = new Database(drillFile, { readonly: true });
    const count = (db: Database.Database, table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const liveFile = live.ctx.config.database.provider === 'sqlite' ? live.ctx.config.database.file : '';
    const liveDb = new Database(liveFile, { readonly: true });
    for (const table of ['Division', 'GridCell', 'Part', 'Department', 'User', 'Camera', 'Vehicle']) {
      assert.ok(count(liveDb, table) > 0, `live has ${table}`);
      assert.equal(count(drillDb, table), count(liveDb, table), `${table} copied`);
    }
    for (const table of ['Case', 'CaseEvent', 'Outbox', 'Session', 'Alarm', 'Incident']) {
      assert.equal(count(drillDb, table), 0, `${table} starts empty in a drill`);
    }

    const city = await callAt<{ drill: boolean }>(drill.url, 'GET', '/api/city');
    assert.equal(city.body.drill, true, 'the drill node says so (演练 banner)');

    const drillSupervisor = await loginAt(drill.url, 'supervisor');
    const liveStream = new Recorder(live.url, { token: supervisor });
    const drillStream = new Recorder(drill.url, { token: drillSupervisor });
    recorders.push(liveStream, drillStream);
    await Promise.all([liveStream.resumed(), drillStream.resumed()]);
    const liveCasesBefore = count(liveDb, 'Case');

    const [drillCase, liveCase] = await Promise.all([
      callAt<CaseDetail>(
        drill.url,
        'POST',
        '/api/cases',
        { ...REPORT, address: '演练 燃气泄漏' },
        drillSupervisor,
      ),
      live.api<CaseDetail>('POST', '/api/cases', { ...REPORT, address: '实时 暴露垃圾' }, supervisor),
    ]);
    assert.equal(drillCase.status, 201, JSON.stringify(drillCase.body));
    assert.equal(liveCase.status, 201, JSON.stringify(liveCase.body));
    assert.equal(drillCase.body.drill, true, 'a drill record is marked drill');
    assert.equal(liveCase.body.drill, false);

    await Promise.all([liveStream.reach(1), drillStream.reach(1)]);
    const liveIds = () => new Set(liveStream.events.map((e) => e.entityId));
    const drillIds = () => new Set(drillStream.events.map((e) => e.entityId));
    assert.ok(liveIds().has(liveCase.body.id), 'live stream carries the live case');
    assert.ok(drillIds().has(drillCase.body.id), 'drill stream carries the drill case');
    assert.ok(!liveIds().has(drillCase.body.id), 'live stream carries no drill event');
    assert.ok(!drillIds().has(liveCase.body.id), 'drill stream carries no live event');
    assert.ok(!liveStream.state.cases.has(drillCase.body.id));

    assert.equal(count(liveDb, 'Case'), liveCasesBefore + 1, 'live counters move only with live work');
    const drillRows = liveDb
      .prepare(
        `SELECT (SELECT count(*) FROM "Case" WHERE drill = 1) + (SELECT count(*) FROM "Outbox" WHERE entityId = ?) AS n`,
      )
      .get(drillCase.body.id) as { n: number };
    assert.equal(drillRows.n, 0, 'the live database has no drill row');
    assert.equal(count(drillDb, 'Case'), 1, 'the drill database has only the drill case');

    // The drill's sessions are its own: a live token does not open the drill, nor the other way round.
    assert.equal((await callAt(drill.url, 'GET', '/api/auth/me', undefined, supervisor)).status, 401);
    assert.equal((await live.api('GET', '/api/auth/me', undefined, drillSupervisor)).status, 401);

    const stopped = await live.api<DrillInfo>('POST', `/api/drills/${drill.id}/stop`, undefined, admin);
    assert.equal(stopped.status, 200);
    assert.equal(stopped.body.status, 'stopped');
    await assert.rejects(fetch(`${drill.url}/api/health`), 'the drill node is gone');
    assert.ok(fs.existsSync(drillFile), 'its database stays for the review');
    const list = await live.api<{ drills: DrillInfo[] }>('GET', '/api/drills', undefined, admin);
    assert.deepEqual(
      list.body.drills.map((d) => [d.id, d.status]),
      [[drill.id, 'stopped']],
    );
    const unknown = await live.api<{ error: { code: string } }>(
      'POST',
      '/api/drills/nope/stop',
      undefined,
      admin,
    );
    assert.equal(unknown.status, 404);
    drillDb.close();
    liveDb.close();
  });

  test('a trainer runs the gas-leak scenario: readings raise an alarm, 12345 reports, pause and speed', async () => {
    const admin = await live.loginAs('admin');
    const list = await live.api<{ scenarios: Array<{ id: string }> }>(
      'GET',
      '/api/drills/scenarios',
      undefined,
      admin,
    );
    assert.deepEqual(list.body.scenarios.map((s) => s.id).sort(), [
      'gas-leak',
      'vehicle-breakdown',
      'waterlogged-underpass',
    ]);
    const missing = await live.api<{ error: { code: string } }>(
      'POST',
      '/api/drills',
      { scenarioId: 'nope' },
      admin,
    );
    assert.equal(missing.status, 404);

    const started = await live.api<DrillInfo>('POST', '/api/drills', { scenarioId: 'gas-leak' }, admin);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const id = started.body.id;
    const badSpeed = await live.api(
      'POST',
      `/api/drills/${id}/scenario`,
      { action: 'speed', speed: 7 },
      admin,
    );
    assert.equal(badSpeed.status, 400);
    const fast = await live.api<DrillInfo>(
      'POST',
      `/api/drills/${id}/scenario`,
      { action: 'speed', speed: 60 },
      admin,
    );
    assert.equal(fast.body.scenario?.clock.speed, 60);
    await waitUntil(
      'the scenario to finish',
      async () => {
        const d = (
          await live.api<{ drills: DrillInfo[] }>('GET', '/api/drills', undefined, admin)
        ).body.drills.find((x) => x.id === id);
        return d?.scenario?.clock.status === 'finished' && d.scenario.injected.length === 3;
      },
      20_000,
    );
    const drill = (
      await live.api<{ drills: DrillInfo[] }>('GET', '/api/drills', undefined, admin)
    ).body.drills.find((x) => x.id === id) as DrillInfo;
    assert.deepEqual(
      drill.scenario?.injected.map((s) => [s.kind, s.ok]),
      [
        ['readings', true],
        ['report', true],
        ['readings', true],
      ],
      JSON.stringify(drill.scenario?.injected),
    );
    const drillDb = new Database(path.join(live.dataDir, 'drills', id, 'city-ops.db'), { readonly: true });
    const liveFile = live.ctx.config.database.provider === 'sqlite' ? live.ctx.config.database.file : '';
    const liveDb = new Database(liveFile, { readonly: true });
    const one = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;
    assert.equal(
      one(drillDb, `SELECT count(*) AS n FROM "Case" WHERE externalRef = 'DRILL-12345-0001' AND drill = 1`),
      1,
    );
    assert.ok(
      one(drillDb, `SELECT count(*) AS n FROM "Alarm" WHERE drill = 1`) >= 1,
      'the gas readings raised an alarm',
    );
    assert.equal(one(liveDb, `SELECT count(*) AS n FROM "Case" WHERE externalRef LIKE 'DRILL-%'`), 0);
    assert.equal(one(liveDb, `SELECT count(*) AS n FROM "Alarm" WHERE drill = 1`), 0);
    const paused = await live.api<{ error: { code: string } }>(
      'POST',
      `/api/drills/${id}/scenario`,
      { action: 'pause' },
      admin,
    );
    assert.equal(paused.status, 200, 'a finished scenario answers with its clock');
    await live.api('POST', `/api/drills/${id}/stop`, undefined, admin);
    drillDb.close();
    liveDb.close();
  });
});
