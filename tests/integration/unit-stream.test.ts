// Dispatch units on the stream (topic `unit`, ADR 0022), on a real server, database and Socket.IO: a unit
// assigned to an incident and turning out reaches a commander's socket (with its expected arrival), and
// never the socket of a handler, not even of the department that owns the vehicle; a client that
// connects later finds the committed units in its snapshot; a release takes the unit out of the picture.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Recommendation } from '../../contract/incidents';
import { Recorder } from '../support/live';
import { startTestServer, type TestServer } from '../support/server';

describe('dispatch units on the live stream', () => {
  let server: TestServer;
  let commander: string;
  let commanderSocket: Recorder;
  let handlerSocket: Recorder;
  let incidentId = '';
  let unitId = '';

  const command = (body: Record<string, unknown>) =>
    server.api<{ incident: { version: number } }>(
      'POST',
      `/api/incidents/${incidentId}/commands`,
      body,
      commander,
    );
  const head = async () => (await server.ctx.db.outbox.aggregate({ _max: { seq: true } }))._max.seq ?? 0;

  before(async () => {
    server = await startTestServer();
    commander = await server.loginAs('commander');
    commanderSocket = new Recorder(server.url, { token: commander });
    handlerSocket = new Recorder(server.url, { token: await server.loginAs('handler.gas') });
    await Promise.all([commanderSocket.resumed(), handlerSocket.resumed()]);
  });
  after(async () => {
    commanderSocket.close();
    handlerSocket.close();
    await server.close();
  });

  test('a unit assigned and en route reaches the commander with its ETA, not the handler', async () => {
    const gas = await server.ctx.db.sensor.findFirstOrThrow({
      where: { type: 'gas' },
      orderBy: { id: 'asc' },
    });
    const created = await server.api<{ incident: { id: string } }>(
      'POST',
      '/api/incidents',
      { title: '燃气泄漏', categoryId: 'event-0403', severity: 3, lon: gas.lon, lat: gas.lat },
      commander,
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    incidentId = created.body.incident.id;
    const rec = await server.api<Recommendation>(
      'GET',
      `/api/incidents/${incidentId}/recommendations`,
      undefined,
      commander,
    );
    const gasRepair = rec.body.picks.find((p) => p.need.departmentId === 'gas')?.units[0];
    assert.ok(gasRepair, 'a gas repair vehicle is recommended');
    unitId = gasRepair.unitId;
    assert.equal((await command({ command: 'assign', unitIds: [unitId] })).status, 200);
    assert.equal((await command({ command: 'unitStatus', unitId, status: 'en_route' })).status, 200);

    const seq = await head();
    await Promise.all([commanderSocket.reach(seq), handlerSocket.reach(seq)]);
    const seen = commanderSocket.events.filter((e) => e.type === 'unit.status' && e.entityId === unitId);
    assert.equal(seen.length, 2, 'dispatched, then en route');
    assert.equal(seen[0]?.topic, 'unit');
    const live = commanderSocket.state.units.get(unitId);
    assert.equal(live?.status, 'en_route');
    assert.equal(live?.incidentId, incidentId);
    assert.ok(
      live?.etaAt && Date.parse(live.etaAt) > Date.parse(live.statusSince),
      'an ETA after it set off',
    );
    assert.ok(commanderSocket.state.incidents.has(incidentId));

    assert.equal(
      handlerSocket.events.filter((e) => e.topic === 'unit' || e.topic === 'incident').length,
      0,
      'a handler sees no units and no incidents',
    );
    assert.equal(handlerSocket.state.units.size, 0);
    const unitRow = await server.ctx.db.dispatchUnit.findUniqueOrThrow({ where: { id: unitId } });
    assert.equal(unitRow.departmentId, 'gas', "the vehicle is the handler's own department's");
  });

  test('a later client finds the committed unit in its snapshot; REST lists it to the commander only', async () => {
    // a snapshot built now (kept ones are reused for 30 s, followed by the replay since)
    server.live.hub.snapshots.invalidate();
    // in the columns form the renderer asks for: the units come along with the cases in columns
    const late = new Recorder(server.url, { token: commander, snapshot: 'columns' });
    try {
      await late.resumed();
      assert.equal(late.snapshots.length, 1);
      const unit = late.snapshots[0]?.units?.find((u) => u.id === unitId);
      assert.equal(unit?.status, 'en_route');
      assert.ok(unit?.etaAt, 'a moving unit has an ETA in the snapshot too');
      assert.equal(late.state.units.get(unitId)?.status, 'en_route');
    } finally {
      late.close();
    }
    const handler = await server.loginAs('handler.gas');
    // unit lists are the command centre's (access/rules.ts feature `command`): a handler sees its own
    // vehicles as vehicles (/api/vehicles), never the dispatch board
    const byHandler = await server.api('GET', '/api/units', undefined, handler);
    assert.equal(byHandler.status, 403);
    const byCommander = await server.api<{ units: Array<{ id: string }> }>(
      'GET',
      '/api/units?status=en_route',
      undefined,
      commander,
    );
    assert.ok(byCommander.body.units.some((u) => u.id === unitId));
    // the briefing names commanders: those who read incidents may list them, handlers may not
    const leader = await server.loginAs('leader');
    const names = await server.api<{ commanders: Array<{ id: string; displayName: string }> }>(
      'GET',
      '/api/commanders',
      undefined,
      leader,
    );
    assert.equal(names.status, 200);
    assert.ok(names.body.commanders.some((c) => c.id === 'u-commander' && c.displayName));
    assert.equal((await server.api('GET', '/api/commanders', undefined, handler)).status, 403);
  });

  test('released, the unit leaves the live picture', async () => {
    assert.equal((await command({ command: 'release', unitId })).status, 200);
    await commanderSocket.reach(await head());
    assert.equal(commanderSocket.state.units.has(unitId), false);
    const last = commanderSocket.events.filter((e) => e.entityId === unitId).at(-1);
    assert.equal((last?.payload as { unit: { status: string } }).unit.status, 'returning');
  });
});
