import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AlarmView } from '../../contract/alarms';
import { startTestServer, type TestServer } from '../support/server';
import { ingest } from './ingest-helpers';

describe('alarm engine and decisions', () => {
  let server: TestServer;
  let supervisor: string;
  let sensors: Array<{ id: string; type: string; lon: number; lat: number }>;
  const readings = (sensorId: string, values: number[]) =>
    ingest<{
      accepted: number;
      raised: number;
      escalated: number;
      cleared: number;
      held: Array<{ index: number; sensorId: string; reason: string; message: string }>;
    }>(server, '/api/ingest/readings', {
      readings: values.map((value) => ({ sensorId, value })),
    });
  const sensorOf = (type: string, n = 0) => {
    const s = sensors.filter((x) => x.type === type)[n];
    assert.ok(s, `a ${type} sensor`);
    return s.id;
  };
  const alarmsOf = async (sensorId: string) => {
    const r = await server.api<{ alarms: AlarmView[] }>('GET', '/api/alarms', undefined, supervisor);
    return r.body.alarms.filter((a) => a.sensorId === sensorId);
  };
  const outbox = (entityId: string) =>
    server.ctx.db.outbox.findMany({ where: { entityId }, orderBy: { seq: 'asc' }, select: { type: true } });

  before(async () => {
    server = await startTestServer();
    supervisor = await server.loginAs('supervisor');
    const r = await server.api<{ sensors: typeof sensors }>('GET', '/api/sensors', undefined, supervisor);
    sensors = r.body.sensors;
  });
  after(async () => {
    await server.close();
  });

  test('the seed has about 5,000 sensors of every family', () => {
    assert.ok(sensors.length >= 4900, `${sensors.length} sensors`);
    for (const type of [
      'gas',
      'water_pressure',
      'drainage_level',
      'heating_temp',
      'bridge_strain',
      'bridge_tilt',
      'manhole_cover',
      'street_light',
      'septic_gas',
    ]) {
      assert.ok(
        sensors.some((s) => s.type === type),
        type,
      );
    }
  });

  test('a gas leak raises, escalates and folds one alarm, written to the outbox', async () => {
    const gas = sensorOf('gas');
    const first = await readings(gas, [1, 2, 30]);
    assert.equal(first.body.raised, 0, 'debounce: one reading over 25 %LEL is not enough');
    // …and the answer says which rule holds it back.
    assert.deepEqual(
      first.body.held.map((h) => [h.index, h.sensorId, h.reason]),
      [[2, gas, 'debounce']],
    );
    assert.match(first.body.held[0]?.message ?? '', /1 more consecutive readings beyond the limit/);
    const raised = await readings(gas, [31]);
    assert.equal(raised.status, 200);
    assert.equal(raised.body.raised, 1);
    let [alarm] = await alarmsOf(gas);
    assert.ok(alarm);
    assert.equal(alarm.level, 2, '25 %LEL: 二级/橙');
    assert.equal(alarm.status, 'open');
    assert.equal(alarm.unit, '%LEL');
    assert.equal((await readings(gas, [55, 57])).body.escalated, 1);
    await readings(gas, [61, 58]);
    [alarm] = await alarmsOf(gas);
    assert.ok(alarm);
    assert.equal(alarm.level, 1, '50 %LEL: 一级/红');
    assert.equal(alarm.peak, 61);
    assert.equal(alarm.value, 58);
    assert.equal(alarm.count, 6);
    assert.equal((await alarmsOf(gas)).length, 1, 'repeats fold into one alarm');
    assert.deepEqual(
      (await outbox(alarm.id)).map((o) => o.type),
      ['alarm.raised', 'alarm.escalated'],
    );
  });

  test('a confirmed gas alarm becomes a sensor case in category 0403 routed to the gas group', async () => {
    const gas = sensorOf('gas');
    const [alarm] = await alarmsOf(gas);
    assert.ok(alarm);
    const ack = await server.api<{ alarm: AlarmView }>(
      'POST',
      `/api/alarms/${alarm.id}/acknowledge`,
      { version: alarm.version },
      supervisor,
    );
    assert.equal(ack.status, 200);
    assert.equal(ack.body.alarm.status, 'acknowledged');
    const stale = await server.api(
      'POST',
      `/api/alarms/${alarm.id}/confirm`,
      { version: alarm.version },
      supervisor,
    );
    assert.equal(stale.status, 409, 'acting on a stale version is a conflict');
    const handler = await server.loginAs('handler.gas');
    const denied = await server.api('POST', `/api/alarms/${alarm.id}/confirm`, {}, handler);
    assert.equal(denied.status, 403);
    const dispatcher = await server.loginAs('dispatcher');
    const confirmed = await server.api<{ alarm: AlarmView }>(
      'POST',
      `/api/alarms/${alarm.id}/confirm`,
      { version: ack.body.alarm.version, as: 'case', note: '现场有燃气味' },
      dispatcher,
    );
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.alarm.status, 'confirmed');
    const caseId = confirmed.body.alarm.caseId;
    assert.ok(caseId);
    const c = await server.api<{
      state: string;
      source: string;
      categoryId: string;
      urgency: string;
      suggestedDepartmentId: string;
      description: string;
    }>('GET', `/api/cases/${caseId}`, undefined, supervisor);
    assert.equal(c.status, 200);
    assert.equal(c.body.source, 'sensor');
    // A confirmed sensor alarm is a trusted source: the case is opened (立案), not left in 上报.
    assert.ok(['opened', 'dispatched'].includes(c.body.state), `state ${c.body.state}`);
    const listed = await server.api<{ items: Array<{ id: string }> }>(
      'GET',
      '/api/cases?source=sensor&state=opened,dispatched&limit=1000',
      undefined,
      await server.loginAs('commander'),
    );
    assert.ok(
      listed.body.items.some((i) => i.id === caseId),
      'listed with the sensor cases',
    );
    assert.equal(c.body.categoryId, 'event-0403');
    assert.equal(c.body.urgency, 'critical');
    assert.equal(c.body.suggestedDepartmentId, 'gas');
    assert.match(c.body.description, /现场有燃气味/);
    assert.deepEqual(
      (await outbox(alarm.id)).map((o) => o.type),
      ['alarm.raised', 'alarm.escalated', 'alarm.acknowledged', 'alarm.confirmed', 'alarm.linked'],
    );
    const again = await server.api('POST', `/api/alarms/${alarm.id}/confirm`, {}, dispatcher);
    assert.equal(again.status, 409, 'a confirmed alarm cannot be confirmed twice');
  });

  test('hysteresis: the condition ends only below 20 %LEL, and a confirmed alarm keeps its status', async () => {
    const gas = sensorOf('gas');
    await readings(gas, [22, 21]);
    let [alarm] = await alarmsOf(gas);
    assert.equal(alarm?.clearedAt, null);
    const r = await readings(gas, [5, 4]);
    assert.equal(r.body.cleared, 1);
    [alarm] = await alarmsOf(gas);
    assert.ok(alarm?.clearedAt);
    assert.equal(alarm.status, 'confirmed');
    const sensor = await server.api<{ sensor: { status: string; lastValue: number } }>(
      'GET',
      `/api/sensors/${gas}`,
      undefined,
      supervisor,
    );
    assert.equal(sensor.body.sensor.status, 'normal');
    assert.equal(sensor.body.sensor.lastValue, 4);
  });

  test('an open alarm whose condition ends is cleared automatically', async () => {
    const drain = sensorOf('drainage_level');
    await readings(drain, [85, 88]);
    assert.equal((await alarmsOf(drain))[0]?.status, 'open');
    await readings(drain, [40, 40]);
    assert.equal((await alarmsOf(drain))[0]?.status, 'cleared');
  });

  test('a silent sensor raises a device-offline alarm that clears when it reports again', async () => {
    const light = sensorOf('street_light', 3);
    await readings(light, [0]);
    server.clock.advanceMinutes(6);
    assert.ok((await server.iot.engine.sweep()) >= 1);
    let offline = (await alarmsOf(light)).filter((a) => a.kind === 'offline');
    assert.equal(offline.length, 1);
    assert.equal(offline[0]?.status, 'open');
    await readings(light, [0]);
    offline = (await alarmsOf(light)).filter((a) => a.kind === 'offline');
    assert.equal(offline[0]?.status, 'cleared');
  });

  test('a false alarm is recorded; a confirmed one can open an incident', async () => {
    const cover = sensorOf('manhole_cover');
    await readings(cover, [25]);
    const [alarm] = await alarmsOf(cover);
    assert.ok(alarm);
    const dispatcher = await server.loginAs('dispatcher');
    const falsy = await server.api<{ alarm: AlarmView }>(
      'POST',
      `/api/alarms/${alarm.id}/false`,
      { note: '车辆碾压误触发' },
      dispatcher,
    );
    assert.equal(falsy.body.alarm.status, 'false');
    const strain = sensorOf('bridge_strain');
    await readings(strain, [700, 710, 720]);
    const [bridge] = await alarmsOf(strain);
    assert.ok(bridge);
    assert.equal(bridge.level, 1);
    const commander = await server.loginAs('commander');
    const confirmed = await server.api<{ alarm: AlarmView }>(
      'POST',
      `/api/alarms/${bridge.id}/confirm`,
      { as: 'incident' },
      commander,
    );
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    const incidentId = confirmed.body.alarm.incidentId;
    assert.ok(incidentId);
    const incident = await server.api<{ incident: { severity: number; alarmIds: string[]; status: string } }>(
      'GET',
      `/api/incidents/${incidentId}`,
      undefined,
      commander,
    );
    assert.equal(incident.body.incident.severity, 1);
    assert.deepEqual(incident.body.incident.alarmIds, [bridge.id]);
    assert.ok(
      await server.ctx.db.outbox.findFirst({ where: { entityId: incidentId, type: 'incident.opened' } }),
    );
  });

  test('unknown sensors are rejected per item', async () => {
    const r = await ingest<{ accepted: number; rejected: Array<{ index: number; error: string }> }>(
      server,
      '/api/ingest/readings',
      {
        readings: [
          { sensorId: 'NOPE-1', value: 1 },
          { sensorId: sensorOf('gas', 1), value: 1 },
        ],
      },
    );
    assert.equal(r.status, 207);
    assert.equal(r.body.accepted, 1);
    assert.match(r.body.rejected[0]?.error ?? '', /unknown sensor NOPE-1/);
  });
});
