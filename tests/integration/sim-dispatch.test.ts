// The simulator drives committed units (sim/dispatch.ts) on a real server: two units assigned to an
// incident are reported en route by the simulator, drive their road routes, and the server turns each
// on scene by itself when its GPS comes within 50 m of the site; released, they drive back to the depot
// and report available. Every change reaches a commander's stream as a `unit.status` event.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Recommendation } from '../../contract/incidents';
import type { UnitPayload } from '../../contract/stream';
import { memoryLogger } from '../../server/src/log';
import { startSimulator, type RunningSimulator } from '../../server/src/sim/simulator';
import { Recorder, waitUntil } from '../support/live';
import { startTestServer, type TestServer } from '../support/server';

describe('simulated dispatch: en route → on scene → back to the depot', () => {
  let server: TestServer;
  let sim: RunningSimulator | null = null;
  let stream: Recorder;
  let commander: string;
  let incidentId = '';
  let units: string[] = [];

  const statusesOf = (unitId: string) =>
    stream.events
      .filter((e) => e.type === 'unit.status' && e.entityId === unitId)
      .map((e) => (e.payload as UnitPayload).unit.status);
  const last = new Map<string, string>();
  const statusNow = async (unitId: string) => {
    const status = (await server.ctx.db.dispatchUnit.findUniqueOrThrow({ where: { id: unitId } })).status;
    last.set(unitId, status);
    return status;
  };

  before(async () => {
    server = await startTestServer();
    commander = await server.loginAs('commander');
    stream = new Recorder(server.url, { token: commander });
    await stream.resumed();
  });
  after(async () => {
    await sim?.stop();
    stream.close();
    await server.close();
  });

  test('assigned units drive to the site and turn on scene by their GPS', async () => {
    // A site on the road network about a kilometre from a vehicle's depot.
    const vehicle = await server.ctx.db.vehicle.findFirstOrThrow({
      where: { kind: 'repair' },
      orderBy: { id: 'asc' },
    });
    const created = await server.api<{ incident: { id: string } }>(
      'POST',
      '/api/incidents',
      {
        title: '自来水管破裂',
        categoryId: 'event-0402',
        severity: 3,
        lon: vehicle.lon + 0.008,
        lat: vehicle.lat,
      },
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
    units = rec.body.picks
      .flatMap((p) => p.units)
      .filter((u) => u.kind !== 'inspector')
      .sort((a, b) => a.etaS - b.etaS)
      .slice(0, 2)
      .map((u) => u.unitId);
    assert.equal(units.length, 2, 'two vehicles recommended');
    const assign = await server.api(
      'POST',
      `/api/incidents/${incidentId}/commands`,
      { command: 'assign', unitIds: units },
      commander,
    );
    assert.equal(assign.status, 200, JSON.stringify(assign.body));

    sim = await startSimulator({
      baseUrl: server.url,
      ingestKey: server.ingestKey,
      seed: server.ctx.config.seed,
      rate: 1,
      tickMs: 60,
      log: memoryLogger(),
    });
    for (const unitId of units)
      await waitUntil(
        () => `${unitId} on scene (now ${last.get(unitId)}; seen ${statusesOf(unitId).join(' → ')})`,
        async () => (await statusNow(unitId)) === 'on_scene',
        120_000,
        200,
      );
    const head = (await server.ctx.db.outbox.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
    await stream.reach(head);
    for (const unitId of units) {
      assert.deepEqual(statusesOf(unitId), ['dispatched', 'en_route', 'on_scene'], unitId);
      const events = await server.ctx.db.unitEvent.findMany({ where: { unitId }, orderBy: { id: 'asc' } });
      assert.deepEqual(
        events.map((e) => [e.toStatus, e.role]),
        [
          ['dispatched', 'commander'],
          ['en_route', 'system'],
          ['on_scene', 'system'],
        ],
        'the simulator reports en route; the server decides the arrival',
      );
    }
    const incident = await server.ctx.db.incident.findUniqueOrThrow({ where: { id: incidentId } });
    assert.equal(incident.state, 'on_scene');
  });

  test('released, they drive back to the depot and report available', async () => {
    for (const unitId of units) {
      const r = await server.api(
        'POST',
        `/api/incidents/${incidentId}/commands`,
        { command: 'release', unitId },
        commander,
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    for (const unitId of units)
      await waitUntil(
        () => `${unitId} available (now ${last.get(unitId)})`,
        async () => (await statusNow(unitId)) === 'available',
        120_000,
        200,
      );
    const head = (await server.ctx.db.outbox.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
    await stream.reach(head);
    for (const unitId of units) {
      assert.deepEqual(statusesOf(unitId).slice(-2), ['returning', 'available'], unitId);
      assert.equal(stream.state.units.has(unitId), false, 'a released unit leaves the live picture');
    }
  });
});
