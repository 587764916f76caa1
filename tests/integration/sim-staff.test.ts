// The simulated staff works cases through the public API, signed in as the demo users: reports are
// accepted and opened, dispatched, handled by the department and closed (or voided / merged), so the
// demo city reaches a steady state instead of a growing backlog.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { memoryLogger } from '../../server/src/log';
import { drawFor, staffAction, type StaffCase } from '../../server/src/sim/staff';
import { staffWorker } from '../../server/src/sim/staff-runner';
import { startTestServer, type TestServer } from '../support/server';
import { ingest } from './ingest-helpers';

const base: StaffCase = {
  id: 'c1',
  state: 'reported',
  source: 'public',
  version: 1,
  updatedAt: '2026-12-06T08:00:00.000Z',
  duplicateOfId: null,
  departmentId: null,
  suggestedDepartmentId: null,
};
const at = (minutes: number) => Date.parse(base.updatedAt) + minutes * 60_000;

describe('simulated staff: the rules', () => {
  test('nothing before the delay; then the step of the state, by the role that owns it', () => {
    assert.equal(staffAction(base, at(1), 1, 0.5), null);
    assert.deepEqual(staffAction(base, at(3), 1, 0.5)?.body, { command: 'accept', version: 1 });
    assert.deepEqual(staffAction({ ...base, source: 'inspector' }, at(3), 1, 0.5)?.body.command, 'open');
    assert.equal(staffAction(base, at(3), 1, 0.01)?.body.command, 'void', 'a few reports are not valid');
    assert.deepEqual(staffAction({ ...base, duplicateOfId: 'c0' }, at(3), 1, 0.5)?.body, {
      command: 'merge',
      mergedIntoId: 'c0',
      version: 1,
    });
    const handling = { ...base, state: 'handling' as const, departmentId: 'sanitation' };
    assert.equal(staffAction(handling, at(20), 1, 0.5), null, 'handling takes 15–45 minutes');
    assert.deepEqual(staffAction(handling, at(31), 1, 0.5), {
      role: 'handler',
      departmentId: 'sanitation',
      body: { command: 'handle', note: '已到场处置完毕（演示）', version: 1 },
    });
    assert.equal(staffAction({ ...base, state: 'checking' }, at(5), 1, 0.5)?.body.command, 'approve');
    assert.equal(staffAction(base, at(0.5), 10, 0.5)?.body.command, 'accept', 'a faster simulator');
    assert.equal(drawFor('c1', 1, 7), drawFor('c1', 1, 7));
  });
});

describe('simulated staff: through the API', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  test('reports go all the way to closed, each step by the role that owns it', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await ingest<{ id: string }>(server, '/api/ingest/reports', {
        source: i % 2 ? 'hotline' : 'inspector',
        categoryId: 'event-0102',
        lon: 119.16 + i * 0.004,
        lat: 34.59 + (i % 3) * 0.01,
        address: `模拟路 ${i} 号`,
        description: `staff ${i}`,
        photos: [],
      });
      filed.push(c.body.id);
    }
    // A simulator 10,000 times real time: every delay has passed at once.
    const worker = staffWorker({
      baseUrl: server.url,
      seed: 7,
      rate: 10_000,
      log: memoryLogger(),
      password: 'demo123',
    });
    for (let i = 0; i < 8; i++) await worker.round();
    const cases = await server.ctx.db.case.findMany({ where: { id: { in: filed } } });
    const states = cases.map((c) => c.state);
    assert.equal(worker.stats.failures, 0, JSON.stringify(worker.stats));
    assert.ok(
      states.every((s) => s === 'closed' || s === 'voided'),
      states.join(','),
    );
    assert.ok(states.filter((s) => s === 'closed').length >= 8, states.join(','));
    const closed = cases.find((c) => c.state === 'closed');
    const steps = await server.ctx.db.caseEvent.findMany({
      where: { caseId: closed?.id },
      orderBy: { id: 'asc' },
    });
    const roles = new Set(steps.map((e) => e.role));
    // 暴露垃圾 is dispatched automatically when opened (category autoDispatch): no dispatcher step.
    for (const role of ['supervisor', 'handler']) assert.ok(roles.has(role), [...roles].join());
  });
});
