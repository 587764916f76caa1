import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { memoryLogger } from '../../server/src/log';
import { fetchDevices, stepSender } from '../../server/src/sim/simulator';
import { SimWorld } from '../../server/src/sim/world';
import { startTestServer, type TestServer } from '../support/server';

describe('the simulator drives the server through the ingest APIs', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  test('replayed steps raise alarms, move vehicles, report detections and cases', async () => {
    const devices = await fetchDevices(server.url, server.ingestKey);
    assert.equal(devices.sensors.length, 5000);
    assert.ok(devices.inspectors.length >= 100);
    const world = new SimWorld(server.ctx.config.seed, devices, Date.parse('2026-11-23T02:00:00Z'), {
      anomalyRate: 0.01,
      cameraOutageRate: 0.5,
    });
    const { send, stats } = stepSender(server.url, server.ingestKey, memoryLogger());
    for (let i = 0; i < 12; i++) await send(world.next());
    assert.equal(stats.failures, 0);
    assert.equal(stats.readings >= 9_000, true, `${stats.readings} readings`);
    assert.ok(
      (await server.ctx.db.alarm.count({ where: { kind: 'threshold' } })) > 0,
      'anomalies raised alarms',
    );
    assert.ok(await server.ctx.db.outbox.count({ where: { topic: 'camera' } }));
    assert.ok(server.iot.positions.latest.size > 200);
    assert.ok((await server.ctx.db.case.count()) > 0, 'reports became cases');
  });
});
