// The case workflow through real HTTP against a real database. Shared by the SQLite run and the
// PostgreSQL run (workflow-postgres.test.ts), so both databases pass the same assertions.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CaseDetail } from '@contract/cases';
import { sweepClocks } from '../../server/src/cases/scheduler';
import { startTestServer, type TestServer } from '../support/server';

type R<T> = { status: number; body: T };
type Err = {
  error: {
    code: string;
    message: { zh: string; en: string };
    details?: { allowed?: string[]; case?: { version: number } };
  };
};

const POINT = { lon: 119.16, lat: 34.61 }; // inside the demo city

export function workflowSuite(name: string, databaseUrl: () => Promise<string | undefined>) {
  describe(`case workflow (${name})`, () => {
    let s: TestServer;
    const tokens: Record<string, string> = {};
    const as = async (user: string) => (tokens[user] ??= await s.loginAs(user));
    const cmd = async (user: string, c: CaseDetail, command: string, extra: Record<string, unknown> = {}) =>
      s.api<CaseDetail & Err>(
        'POST',
        `/api/cases/${c.id}/commands`,
        { command, version: c.version, ...extra },
        await as(user),
      );
    const report = async (user: string, body: Record<string, unknown>) =>
      s.api<CaseDetail & Err>(
        'POST',
        '/api/cases',
        { source: 'hotline', description: '路边有暴露垃圾', ...POINT, ...body },
        await as(user),
      );
    const ok = (r: R<CaseDetail & Err>, what: string): CaseDetail => {
      assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
      return r.body;
    };

    before(async () => {
      const url = await databaseUrl();
      s = await startTestServer(url ? { databaseUrl: url } : {});
    });
    after(async () => {
      await s?.close();
    });

    test('the whole loop: report → accept → open → dispatch → accept task → handle → check → approve', async () => {
      let c = ok(await report('supervisor', { categoryId: 'event-0103', address: '朝阳路 12 号' }), 'report');
      assert.equal(c.state, 'reported');
      assert.match(c.caseNumber, /^\d{8}-\d{6}$/);
      assert.ok(c.gridCellId && c.districtCode && c.streetCode);
      assert.ok(c.suggestedDepartmentId, 'a department is suggested');
      assert.equal(c.clock.step, 'accept');
      c = ok(await cmd('supervisor', c, 'accept'), 'accept');
      c = ok(await cmd('supervisor', c, 'open'), 'open');
      assert.equal(c.state, 'opened');
      assert.ok(
        c.allowedCommands.length === 0 || !c.allowedCommands.includes('dispatch'),
        'supervisor does not dispatch',
      );
      const dispatcherView = ok(
        await s.api('GET', `/api/cases/${c.id}`, undefined, await as('dispatcher')),
        'read',
      );
      assert.ok(dispatcherView.allowedCommands.includes('dispatch'));
      c = ok(await cmd('dispatcher', c, 'dispatch', { departmentId: c.suggestedDepartmentId }), 'dispatch');
      assert.equal(c.state, 'dispatched');
      assert.equal(c.departmentId, c.suggestedDepartmentId);
      assert.equal(c.clock.step, 'handle');
      const handler = `handler.${c.departmentId}`;
      c = ok(await cmd(handler, c, 'acceptTask'), 'acceptTask');
      c = ok(
        await cmd(handler, c, 'handle', { note: '已清运', attachments: ['/photos/after.jpg'] }),
        'handle',
      );
      assert.equal(c.state, 'handled');
      c = ok(await cmd('supervisor', c, 'check'), 'check');
      c = ok(await cmd('supervisor', c, 'approve'), 'approve');
      assert.equal(c.state, 'closed');
      assert.equal(c.outcome, 'approved');
      assert.deepEqual(
        c.events.map((e) => e.command),
        ['report', 'accept', 'open', 'dispatch', 'acceptTask', 'handle', 'check', 'approve'],
      );
      const handled = c.events.find((e) => e.command === 'handle');
      assert.deepEqual(handled?.attachments, ['/photos/after.jpg']);
      assert.equal(handled?.note, '已清运');
      assert.deepEqual(c.allowedCommands, []);
      const outbox = await s.ctx.db.outbox.findMany({ where: { entityId: c.id }, orderBy: { seq: 'asc' } });
      assert.equal(outbox.length, 8, 'one outbox row per transition');
      assert.ok(outbox.every((o, i) => i === 0 || o.seq > (outbox[i - 1]?.seq ?? 0)));
    });

    test('an illegal command is a 409 that lists what is allowed now', async () => {
      const c = ok(await report('supervisor', { categoryId: 'event-0507' }), 'report');
      const r = await cmd('supervisor', c, 'approve');
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'illegal_state');
      assert.ok(r.body.error.details?.allowed?.includes('accept'));
      assert.match(r.body.error.message.en, /accept/);
      const wrongRole = await cmd('leader', c, 'accept');
      assert.equal(wrongRole.status, 403);
      const missingReason = await cmd('supervisor', c, 'void');
      assert.equal(missingReason.status, 400);
      const unknown = await s.api<Err>(
        'POST',
        `/api/cases/${c.id}/commands`,
        { command: 'explode', version: 1 },
        await as('supervisor'),
      );
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.error.message.en, /command/);
    });

    test('two dispatchers at once: exactly one wins, the other gets 409 and the current case', async () => {
      let c = ok(
        await report('inspector1', {
          source: 'inspector',
          categoryId: 'event-0501',
          lon: 119.15,
          lat: 34.61,
        }),
        'report',
      );
      c = ok(await cmd('supervisor', c, 'open'), 'open');
      const [a, b] = await Promise.all([
        cmd('dispatcher', c, 'dispatch', { departmentId: 'cityadmin' }),
        cmd('dispatcher2', c, 'dispatch', { departmentId: c.suggestedDepartmentId }),
      ]);
      const statuses = [a.status, b.status].sort();
      assert.deepEqual(statuses, [200, 409]);
      const loser = a.status === 409 ? a : b;
      assert.equal(loser.body.error.details?.case?.version, c.version + 1);
      const events = await s.ctx.db.caseEvent.count({ where: { caseId: c.id, command: 'dispatch' } });
      assert.equal(events, 1);
    });

    test('a handler sees and acts only on its own department; denials are 403 and logged', async () => {
      let c = ok(
        await report('supervisor', {
          categoryId: 'part-0111',
          source: 'hotline',
          description: '燃气井盖缺失',
        }),
        'report',
      );
      assert.equal(c.suggestedDepartmentId, 'gas');
      c = ok(await cmd('supervisor', c, 'accept'), 'accept');
      c = ok(await cmd('supervisor', c, 'open'), 'open');
      c = ok(await cmd('dispatcher', c, 'dispatch', { departmentId: 'gas' }), 'dispatch');
      const other = await as('handler.water');
      const list = await s.api<{ items: Array<{ id: string; departmentId: string }> }>(
        'GET',
        '/api/cases?limit=1000',
        undefined,
        other,
      );
      assert.ok(list.body.items.every((x) => x.departmentId === 'water'));
      assert.ok(!list.body.items.some((x) => x.id === c.id));
      const read = await s.api<Err>('GET', `/api/cases/${c.id}`, undefined, other);
      assert.equal(read.status, 403);
      const act = await cmd('handler.water', c, 'acceptTask');
      assert.equal(act.status, 403);
      assert.ok(s.logs.lines.some((l) => l.msg === 'access denied' && String(l.path).includes(c.id)));
      const own = await s.api<{ items: Array<{ id: string }> }>(
        'GET',
        '/api/cases?limit=1000',
        undefined,
        await as('handler.gas'),
      );
      assert.ok(own.body.items.some((x) => x.id === c.id));
      const inspectorOther = await s.api<{ items: Array<{ districtCode: string }> }>(
        'GET',
        '/api/cases?limit=1000',
        undefined,
        await as('inspector2'),
      );
      assert.ok(inspectorOther.body.items.every((x) => x.districtCode === '329802'));
    });

    test('a safety-critical category gets the 24 h natural repair limit', async () => {
      let c = ok(
        await report('supervisor', { categoryId: 'part-0102', description: '污水井盖破损' }),
        'report',
      );
      c = ok(await cmd('supervisor', c, 'accept'), 'accept');
      c = ok(await cmd('supervisor', c, 'open'), 'open');
      c = ok(await cmd('dispatcher', c, 'dispatch', {}), 'dispatch with the suggested department');
      assert.equal(c.departmentId, 'drainage');
      const deadline = new Date(c.clock.deadline ?? 0).getTime();
      assert.equal(deadline - s.clock.now().getTime(), 24 * 3600_000);
    });

    test('auto-dispatch categories are dispatched on opening, with the reason recorded', async () => {
      let c = ok(
        await report('inspector1', {
          source: 'inspector',
          categoryId: 'event-0102',
          lon: 119.15,
          lat: 34.62,
        }),
        'report',
      );
      c = ok(await cmd('supervisor', c, 'open'), 'open');
      assert.equal(c.state, 'dispatched');
      const auto = c.events.at(-1);
      assert.equal(auto?.command, 'dispatch');
      assert.equal(auto?.role, 'system');
      assert.match(auto?.note ?? '', /自动派遣/);
      assert.match(String(auto?.data.routingReason), /territory first/);
    });

    test('escalation slips at 80 %, 100 % and 150 % of the limit, once each; suspension stops the clock', async () => {
      let c = ok(
        await report('inspector1', {
          source: 'inspector',
          categoryId: 'event-0104',
          lon: 119.145,
          lat: 34.615,
        }),
        'report',
      );
      c = ok(await cmd('supervisor', c, 'open'), 'open'); // auto-dispatched: road cleaning, 120 working minutes
      assert.equal(c.state, 'dispatched');
      const slips = async () =>
        (
          await s.ctx.db.caseEvent.findMany({
            where: { caseId: c.id, command: { in: ['remind', 'urge', 'supervise'] } },
          })
        ).map((e) => e.command);
      s.clock.advanceMinutes(90);
      await sweepClocks(s.ctx, s.cases);
      assert.deepEqual(await slips(), []);
      s.clock.advanceMinutes(10); // 100 of 120 minutes: 83 %
      await sweepClocks(s.ctx, s.cases);
      await sweepClocks(s.ctx, s.cases);
      assert.deepEqual(await slips(), ['remind']);
      c = ok(await s.api('GET', `/api/cases/${c.id}`, undefined, await as('dispatcher')), 'read');
      assert.equal(c.clock.state, 'yellow');
      c = ok(await cmd('dispatcher', c, 'suspend', { reason: '等待配件', extensionMinutes: 600 }), 'suspend');
      s.clock.advanceMinutes(120);
      await sweepClocks(s.ctx, s.cases);
      assert.deepEqual(await slips(), ['remind'], 'nothing while suspended');
      c = ok(await cmd('dispatcher', c, 'resume'), 'resume');
      assert.equal(c.state, 'dispatched');
      assert.equal(c.clock.state, 'yellow', 'the suspended time did not count');
      s.clock.advanceMinutes(25);
      await sweepClocks(s.ctx, s.cases);
      assert.deepEqual(await slips(), ['remind', 'urge']);
      s.clock.advanceMinutes(60);
      await sweepClocks(s.ctx, s.cases);
      await sweepClocks(s.ctx, s.cases);
      assert.deepEqual(await slips(), ['remind', 'urge', 'supervise']);
      c = ok(await s.api('GET', `/api/cases/${c.id}`, undefined, await as('dispatcher')), 'read');
      assert.equal(c.clock.state, 'red');
      const overdue = await s.api<{ items: Array<{ id: string }> }>(
        'GET',
        '/api/cases?clock=red',
        undefined,
        await as('dispatcher'),
      );
      assert.ok(overdue.body.items.some((x) => x.id === c.id));
    });

    test('a second report of the same problem within 50 m and 24 h is flagged', async () => {
      const first = ok(
        await report('supervisor', { categoryId: 'event-0203', lon: 119.2, lat: 34.58 }),
        'first',
      );
      const second = ok(
        await report('supervisor', { categoryId: 'event-0203', lon: 119.2003, lat: 34.5801 }),
        'second',
      );
      const far = ok(
        await report('supervisor', { categoryId: 'event-0203', lon: 119.21, lat: 34.58 }),
        'far',
      );
      assert.equal(second.duplicateOfId, first.id);
      assert.equal(far.duplicateOfId, null);
      assert.ok(second.possibleDuplicates.some((d) => d.id === first.id && d.distanceMeters < 50));
      const merged = ok(
        await cmd('supervisor', second, 'merge', { mergedIntoId: first.id, reason: '重复上报' }),
        'merge',
      );
      assert.equal(merged.mergedIntoId, first.id);
      const history = await s.api<CaseDetail>(
        'GET',
        `/api/cases/${first.id}`,
        undefined,
        await as('supervisor'),
      );
      assert.equal(history.body.events[0]?.command, 'report', 'both histories are kept');
    });

    test('bad reports are clear 400s and nothing is written', async () => {
      const before = await s.ctx.db.case.count();
      const outside = await report('supervisor', { categoryId: 'event-0102', lon: 116.4, lat: 39.9 });
      assert.equal(outside.status, 400);
      assert.match(outside.body.error.message.en, /outside/);
      const badCategory = await report('supervisor', { categoryId: 'event-9999' });
      assert.equal(badCategory.status, 400);
      const noDescription = await report('supervisor', { categoryId: 'event-0102', description: '' });
      assert.equal(noDescription.status, 400);
      assert.match(noDescription.body.error.message.en, /description/);
      const extra = await report('supervisor', { categoryId: 'event-0102', hacker: true });
      assert.equal(extra.status, 400);
      const leader = await report('leader', { categoryId: 'event-0102' });
      assert.equal(leader.status, 403);
      assert.equal(await s.ctx.db.case.count(), before);
    });

    test('ingest takes batches and answers per item', async () => {
      const r = await fetch(`${s.url}/api/ingest/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ingest-key': s.ingestKey },
        body: JSON.stringify({
          reports: [
            { source: 'video_ai', kind: 'event', code: '0504', ...POINT, description: '店外经营' },
            { source: 'video_ai', kind: 'event', code: '0504', lon: 'x', lat: 1, description: 'bad' },
          ],
        }),
      });
      assert.equal(r.status, 207);
      const body = (await r.json()) as { accepted: number; results: Array<{ ok: boolean; error?: string }> };
      assert.equal(body.accepted, 1);
      assert.match(body.results[1]?.error ?? '', /lon/);
      const noKey = await s.api('POST', '/api/ingest/reports', { reports: [] });
      assert.equal(noKey.status, 401);
    });
  });
}
