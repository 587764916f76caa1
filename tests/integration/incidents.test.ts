// Emergency command end to end on a real server and database: a gas alarm confirmed as an incident,
// units recommended by road ETA, two commanders assigning one unit at once, arrival by GPS within
// 50 m, the audited timeline, close with a summary and the response-time segments.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AlarmView } from '../../contract/alarms';
import type {
  IncidentCommandView,
  Recommendation,
  TimelineEntry,
  UnitRoute,
  UnitView,
} from '../../contract/incidents';
import { startTestServer, type TestServer } from '../support/server';
import { ingest } from './ingest-helpers';

describe('emergency command', () => {
  let server: TestServer;
  let commander: string;
  let commanderB: string;
  let dispatcher: string;
  let incidentId = '';
  let picked: string[] = [];

  const view = async () =>
    (
      await server.api<{ incident: IncidentCommandView }>(
        'GET',
        `/api/incidents/${incidentId}/command`,
        undefined,
        commander,
      )
    ).body.incident;
  const command = (body: Record<string, unknown>, token = commander) =>
    server.api<{
      incident: IncidentCommandView;
      error?: { message: string; details: Record<string, unknown> };
    }>('POST', `/api/incidents/${incidentId}/commands`, body, token);

  before(async () => {
    server = await startTestServer();
    [commander, commanderB, dispatcher] = await Promise.all([
      server.loginAs('commander'),
      server.loginAs('commander2'),
      server.loginAs('dispatcher'),
    ]);
  });
  after(async () => {
    await server.close();
  });

  test('a gas reading above 50 %LEL raises an alarm that the commander confirms as an incident', async () => {
    const sensors = await server.api<{ sensors: Array<{ id: string; type: string }> }>(
      'GET',
      '/api/sensors',
      undefined,
      commander,
    );
    const gas = sensors.body.sensors.find((s) => s.type === 'gas');
    assert.ok(gas);
    // two readings in a row (the engine debounces single spikes)
    await ingest(server, '/api/ingest/readings', {
      readings: [
        { sensorId: gas.id, value: 58 },
        { sensorId: gas.id, value: 62 },
      ],
    });
    const alarms = await server.api<{ alarms: AlarmView[] }>('GET', '/api/alarms', undefined, commander);
    const alarm = alarms.body.alarms.find((a) => a.sensorId === gas.id);
    assert.ok(alarm, 'the gas alarm is open');
    assert.equal(alarm.level, 1, 'above 50 %LEL: 一级/红');
    const confirmed = await server.api<{ alarm: AlarmView }>(
      'POST',
      `/api/alarms/${alarm.id}/confirm`,
      { as: 'incident' },
      commander,
    );
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    incidentId = confirmed.body.alarm.incidentId as string;
    const v = await view();
    assert.equal(v.state, 'reported');
    assert.equal(v.incidentType, 'gas_leak');
    assert.deepEqual(v.alarmIds, [alarm.id]);
    assert.ok(v.allowedCommands.includes('assign') && !v.allowedCommands.includes('close'));
  });

  test('a command not allowed in this state answers 409 with what is allowed', async () => {
    const r = await command({ command: 'close', summary: 'x', version: (await view()).version });
    assert.equal(r.status, 409);
    assert.deepEqual((r.body.error?.details as { allowed: string[] }).allowed.includes('assign'), true);
    const bad = await command({ command: 'assign' });
    assert.equal(bad.status, 400);
    const leader = await server.loginAs('leader');
    assert.equal((await command({ command: 'note', note: 'x' }, leader)).status, 403);
  });

  test('at least 3 units are recommended for the run card, ranked by road ETA, with reasons', async () => {
    const r = await server.api<Recommendation & { labels: Record<string, string> }>(
      'GET',
      `/api/incidents/${incidentId}/recommendations`,
      undefined,
      commander,
    );
    assert.equal(r.status, 200);
    const units = r.body.picks.flatMap((p) => p.units);
    assert.ok(units.length >= 3, `${units.length} units recommended`);
    for (const p of r.body.picks) {
      const etas = p.units.map((u) => u.etaS);
      assert.deepEqual(
        etas,
        [...etas].sort((a, b) => a - b),
        'ranked by ETA within each need',
      );
      for (const u of p.units) {
        assert.ok(u.reasons.includes('closest_eta') && u.reasons.includes('kind_match'));
        assert.ok(u.roadM >= u.straightM * 0.9, 'road distance is not shorter than a straight line');
        assert.ok(r.body.labels[u.unitId]);
      }
    }
    assert.ok(r.body.picks.some((p) => p.need.kind === 'repair' && p.need.departmentId === 'gas'));
    picked = units.map((u) => u.unitId);
  });

  test('two commanders assign the same unit at once: exactly one wins, the other gets 409 and the unit', async () => {
    const unit = picked[0] as string;
    const [a, b] = await Promise.all([
      command({ command: 'assign', unitIds: [unit] }, commander),
      command({ command: 'assign', unitIds: [unit] }, commanderB),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const loser = a.status === 409 ? a : b;
    const current = (loser.body.error?.details as { unit: UnitView }).unit;
    assert.equal(current.status, 'dispatched');
    assert.equal(current.incidentId, incidentId);
    const events = await server.ctx.db.unitEvent.findMany({ where: { unitId: unit } });
    assert.equal(events.length, 1, 'one assignment recorded');
  });

  test('the rest are assigned at once; the incident is dispatched; routes lead to the site', async () => {
    const r = await command({ command: 'assign', unitIds: picked.slice(1) }, dispatcher);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.incident.state, 'dispatched');
    assert.equal(r.body.incident.units.length, picked.length);
    assert.ok(r.body.incident.units.every((u) => u.status === 'dispatched' && u.etaS !== null));
    const routes = await server.api<{ routes: UnitRoute[] }>(
      'GET',
      `/api/incidents/${incidentId}/routes`,
      undefined,
      commander,
    );
    assert.equal(routes.body.routes.length, picked.length);
    const v = await view();
    for (const route of routes.body.routes) {
      assert.deepEqual(route.path.at(-1), [v.lon, v.lat]);
      assert.ok(route.path.length >= 2);
    }
    const again = await server.api<Recommendation>(
      'GET',
      `/api/incidents/${incidentId}/recommendations`,
      undefined,
      commander,
    );
    assert.ok(
      again.body.picks.every((p) => !p.units.some((u) => picked.includes(u.unitId))),
      'assigned units are not offered again',
    );
  });

  test('en route by the simulator, then a fix within 50 m turns the unit on scene by itself', async () => {
    const unit = picked[0] as string;
    const key = { 'x-ingest-key': server.ingestKey };
    const res = await fetch(`${server.url}/api/ingest/units/${unit}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...key },
      body: JSON.stringify({ status: 'en_route' }),
    });
    assert.equal(res.status, 200);
    assert.equal((await view()).state, 'responding');
    const site = await view();
    await ingest(server, '/api/ingest/positions', {
      positions: [{ id: unit, lon: site.lon + 0.0003, lat: site.lat }], // about 28 m east
    });
    let state = '';
    for (let i = 0; i < 100 && state !== 'on_scene'; i++) {
      state = (await view()).state;
      if (state !== 'on_scene') await new Promise((r) => setImmediate(r));
    }
    assert.equal(state, 'on_scene');
    const unitNow = (await view()).units.find((u) => u.id === unit);
    assert.equal(unitNow?.status, 'on_scene');
  });

  test('level change, note and hand-over are recorded; a stale version gets 409', async () => {
    const v = await view();
    assert.equal((await command({ command: 'setLevel', level: 2, version: v.version - 1 })).status, 409);
    assert.equal((await command({ command: 'setLevel', level: 2, version: v.version })).status, 200);
    assert.equal((await command({ command: 'note', note: '现场已设警戒' }, dispatcher)).status, 200);
    const after = await view();
    const h = await command({ command: 'handOver', commanderId: 'u-commander2', version: after.version });
    assert.equal(h.status, 200);
    assert.equal(h.body.incident.commanderId, 'u-commander2');
  });

  test('close with a summary: units return, the timeline lists every step with times, segments are shown', async () => {
    const v = await view();
    const closed = await command(
      { command: 'close', summary: '泄漏点已封堵，现场恢复', version: v.version },
      commanderB,
    );
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.incident.state, 'closed');
    assert.ok(closed.body.incident.units.every((u) => u.status === 'returning' || u.status === 'available'));
    const seg = closed.body.incident.segments;
    assert.ok(
      seg.callProcessingS !== null && seg.turnoutS !== null && seg.travelS !== null && seg.responseS !== null,
    );
    const t = await server.api<{ events: TimelineEntry[] }>(
      'GET',
      `/api/incidents/${incidentId}/timeline`,
      undefined,
      commander,
    );
    const commands = t.body.events.map((e) => e.command);
    for (const c of ['assign', 'unitStatus', 'setLevel', 'note', 'handOver', 'release', 'close'])
      assert.ok(commands.includes(c), `${c} in the timeline`);
    assert.equal(commands.filter((c) => c === 'assign').length, picked.length);
    assert.ok(t.body.events.every((e) => !Number.isNaN(Date.parse(e.at))));
    assert.ok(t.body.events.some((e) => e.actorName === '指挥中心 张派遣'));
    const onScene = t.body.events.find((e) => e.unitStatus === 'on_scene');
    assert.equal(onScene?.role, 'system');
    assert.equal((await command({ command: 'note', note: 'late' })).status, 409);
  });

  test('events are append-only and every change has its outbox row', async () => {
    await assert.rejects(server.ctx.db.incidentEvent.updateMany({ data: { note: 'rewrite' } }));
    await assert.rejects(server.ctx.db.unitEvent.deleteMany({}));
    const unitRows = await server.ctx.db.outbox.count({ where: { type: 'unit.status' } });
    const unitEvents = await server.ctx.db.unitEvent.count();
    assert.equal(unitRows, unitEvents);
    assert.ok(
      (await server.ctx.db.outbox.count({ where: { entityId: incidentId, type: 'incident.closed' } })) === 1,
    );
  });

  test('run cards: administrators edit them, others may not; response-time figures by type and district', async () => {
    const admin = await server.loginAs('admin');
    const body = { needs: [{ kind: 'emergency', departmentId: null, count: 3 }] };
    assert.equal((await server.api('PUT', '/api/run-cards/gas_leak/3', body, commander)).status, 403);
    assert.equal((await server.api('PUT', '/api/run-cards/gas_leak/9', body, admin)).status, 400);
    assert.equal((await server.api('PUT', '/api/run-cards/gas_leak/3', body, admin)).status, 200);
    const cards = await server.api<{ edited: Array<{ type: string; level: number }> }>(
      'GET',
      '/api/run-cards',
      undefined,
      commander,
    );
    assert.deepEqual(
      cards.body.edited.map((c) => [c.type, c.level]),
      [['gas_leak', 3]],
    );
    const figures = await server.api<{ groups: Array<{ type: string; p90: { responseS: number | null } }> }>(
      'GET',
      '/api/response-times?days=7',
      undefined,
      commander,
    );
    assert.ok(figures.body.groups.some((g) => g.type === 'gas_leak' && g.p90.responseS !== null));
    assert.equal((await server.api('GET', '/api/units?status=bogus', undefined, commander)).status, 400);
  });
});
