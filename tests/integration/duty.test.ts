// The duty overview and the shift hand-over: who is on duty, this shift's figures, a hand-over written
// by the outgoing officer and signed once by another (stored with the figures of the moment).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DutyView, HandoverView } from '@contract/duty';
import { shiftOf } from '@contract/duty';
import { startTestServer, type TestServer } from '../support/server';
import { ingest } from './ingest-helpers';

describe('shift rule', () => {
  test('day shift 08:00–20:00 and night shift 20:00–08:00, Beijing time', () => {
    const day = shiftOf(new Date('2026-12-06T03:00:00Z')); // 11:00 in Beijing
    assert.equal(day.kind, 'day');
    assert.equal(day.start.toISOString(), '2026-12-06T00:00:00.000Z');
    assert.equal(day.end.toISOString(), '2026-12-06T12:00:00.000Z');
    const evening = shiftOf(new Date('2026-12-06T13:00:00Z')); // 21:00
    assert.equal(evening.kind, 'night');
    assert.equal(evening.start.toISOString(), '2026-12-06T12:00:00.000Z');
    const early = shiftOf(new Date('2026-12-05T22:30:00Z')); // 06:30 on the 6th
    assert.equal(early.kind, 'night');
    assert.equal(early.start.toISOString(), '2026-12-05T12:00:00.000Z');
    assert.equal(early.end.toISOString(), '2026-12-06T00:00:00.000Z');
  });
});

describe('duty overview and hand-over', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  test('on duty by role, the shift’s figures, a hand-over signed once by someone else', async () => {
    const supervisor = await server.loginAs('supervisor');
    const dispatcher = await server.loginAs('dispatcher');
    const leader = await server.loginAs('leader');
    const filed = await ingest(server, '/api/ingest/reports', {
      source: 'hotline',
      categoryId: 'event-0102',
      lon: 119.17,
      lat: 34.6,
      address: '值班路 1 号',
      description: 'duty figures',
      photos: [],
    });
    assert.equal(filed.status, 201);

    const duty = await server.api<DutyView>('GET', '/api/duty', undefined, leader);
    assert.equal(duty.status, 200);
    assert.ok(duty.body.counts.received >= 1, JSON.stringify(duty.body.counts));
    const roles = duty.body.onDuty.map((r) => r.role);
    for (const role of ['supervisor', 'dispatcher', 'leader']) assert.ok(roles.includes(role), roles.join());
    assert.ok(roles.indexOf('supervisor') < roles.indexOf('leader'), 'duty roles first');

    const empty = await server.api('POST', '/api/handovers', { notes: '  ' }, supervisor);
    assert.equal(empty.status, 400);
    const byLeader = await server.api('POST', '/api/handovers', { notes: '交班' }, leader);
    assert.equal(byLeader.status, 403, 'leaders do not keep the duty');

    const written = await server.api<{ handover: HandoverView }>(
      'POST',
      '/api/handovers',
      { notes: '东湖区积水点两处仍在处置，燃气告警一条待核实' },
      supervisor,
    );
    assert.equal(written.status, 201, JSON.stringify(written.body));
    const handover = written.body.handover;
    assert.equal(handover.fromRole, 'supervisor');
    assert.ok(handover.summary.counts.received >= 1, 'the figures of the moment are kept');
    assert.equal(handover.acceptedAt, null);

    const self = await server.api('POST', `/api/handovers/${handover.id}/accept`, {}, supervisor);
    assert.equal(self.status, 403, 'the outgoing officer cannot sign for the incoming one');
    const signed = await server.api<{ handover: HandoverView }>(
      'POST',
      `/api/handovers/${handover.id}/accept`,
      { note: '已知悉' },
      dispatcher,
    );
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.handover.toName, '指挥中心 张派遣');
    assert.ok(signed.body.handover.acceptedAt);
    const again = await server.api(
      'POST',
      `/api/handovers/${handover.id}/accept`,
      {},
      await server.loginAs('commander'),
    );
    assert.equal(again.status, 409, 'signed once');
    const missing = await server.api('POST', '/api/handovers/nope/accept', {}, dispatcher);
    assert.equal(missing.status, 404);
    const listed = await server.api<{ handovers: HandoverView[] }>(
      'GET',
      '/api/handovers',
      undefined,
      leader,
    );
    assert.equal(listed.body.handovers[0]?.id, handover.id);
    assert.equal(listed.body.handovers[0]?.toNote, '已知悉');
  });
});
