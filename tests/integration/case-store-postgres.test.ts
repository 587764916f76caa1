// The PostgreSQL write path of the workflow (server/src/cases/store-pg.ts: one statement per transition
// through `pg`): many commands on one case version at once through real HTTP, exactly one wins and writes
// one CaseEvent, one Outbox row and the CaseMetric facts; the losers get 409 with the current case and
// write nothing. The command with a follow-up (two writes in one transaction) likewise. Dates survive a
// process time zone east of UTC. Without PostgreSQL this file says so (CI: a failure).
process.env.TZ = 'Asia/Shanghai'; // `pg` reads `timestamp` as local time unless told otherwise
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CaseDetail } from '@contract/cases';
import { PgCaseStore } from '../../server/src/cases/store-pg';
import { startPostgres, type PgCluster } from '../support/postgres';
import { startTestServer, type TestServer } from '../support/server';

type Reply = CaseDetail & { error?: { code: string; details?: { case?: { version: number } } } };
const NOW = '2026-11-23T02:00:00.000Z'; // the test clock

const cluster: PgCluster | null = await startPostgres();
if (cluster) {
  describe('the audited transition on PostgreSQL', () => {
    let s: TestServer;
    const tokens: Record<string, string> = {};
    const as = async (user: string) => (tokens[user] ??= await s.loginAs(user));
    const cmd = async (user: string, c: { id: string; version: number }, command: string, extra = {}) =>
      s.api<Reply>(
        'POST',
        `/api/cases/${c.id}/commands`,
        { command, version: c.version, ...extra },
        await as(user),
      );
    const report = async (categoryId: string, lat: number): Promise<CaseDetail> => {
      const r = await s.api<Reply>(
        'POST',
        '/api/cases',
        { source: 'inspector', categoryId, lon: 119.15, lat, description: '并发测试' },
        await as('inspector1'),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body).slice(0, 300));
      return r.body;
    };
    const outboxOf = (id: string) =>
      s.ctx.db.outbox.findMany({ where: { entityId: id }, orderBy: { seq: 'asc' } });

    before(async () => {
      cluster.createDatabase('case_store');
      s = await startTestServer({ databaseUrl: cluster.url('case_store') });
    });
    after(async () => {
      await s?.close();
      cluster.stop();
    });

    test('eight dispatches of one version at once: one wins, seven get 409 and the current case', async () => {
      let c = await report('event-0501', 34.61);
      const opened = await cmd('supervisor', c, 'open');
      assert.equal(opened.status, 200);
      c = opened.body;
      const before = (await outboxOf(c.id)).length;
      const replies = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          cmd(i % 2 ? 'dispatcher2' : 'dispatcher', c, 'dispatch', { departmentId: 'cityadmin' }),
        ),
      );
      assert.deepEqual(replies.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409, 409, 409]);
      for (const r of replies.filter((x) => x.status === 409)) {
        // a loser that read the case before the winner committed fails the version guard (conflict);
        // one that read it after finds it dispatched already (illegal_state): both carry the current case
        assert.ok(['conflict', 'illegal_state'].includes(r.body.error?.code ?? ''), r.body.error?.code);
        assert.equal(r.body.error?.details?.case?.version, c.version + 1);
      }
      const row = await s.ctx.db.case.findUniqueOrThrow({ where: { id: c.id } });
      assert.equal(row.version, c.version + 1);
      assert.equal(row.state, 'dispatched');
      assert.equal(row.departmentId, 'cityadmin');
      assert.equal(row.updatedAt.toISOString(), NOW, 'written in UTC whatever the process time zone');
      const events = await s.ctx.db.caseEvent.findMany({ where: { caseId: c.id, command: 'dispatch' } });
      assert.equal(events.length, 1);
      assert.equal(events[0]?.at.toISOString(), NOW);
      const outbox = await outboxOf(c.id);
      assert.equal(outbox.length, before + 1, 'one Outbox row for the one transition');
      const last = outbox.at(-1)!;
      assert.equal(last.type, 'case.changed');
      assert.equal(last.departmentId, 'cityadmin');
      assert.equal(last.createdAt.toISOString(), NOW);
      assert.equal(JSON.parse(last.payload).case.version, c.version + 1);
      const metric = await s.ctx.db.caseMetric.findUniqueOrThrow({ where: { caseId: c.id } });
      assert.equal(metric.dispatched, 1, 'the CaseMetric trigger ran in the same transaction');
      assert.equal(metric.departmentId, 'cityadmin', 'and saw the case as updated by the statement');
      const read = await s.api<CaseDetail>('GET', `/api/cases/${c.id}`, undefined, await as('supervisor'));
      assert.equal(read.body.version, c.version + 1);
      assert.equal(read.body.clock.step, 'handle');
    });

    test('a command with a follow-up (open → auto-dispatch) is all or nothing under contention', async () => {
      const c = await report('event-0102', 34.62);
      const before = (await outboxOf(c.id)).length;
      const replies = await Promise.all(Array.from({ length: 6 }, () => cmd('supervisor', c, 'open')));
      assert.deepEqual(replies.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409]);
      const won = replies.find((r) => r.status === 200)!.body;
      assert.equal(won.state, 'dispatched');
      assert.equal(won.version, c.version + 2);
      const commands = (
        await s.ctx.db.caseEvent.findMany({ where: { caseId: c.id }, orderBy: { id: 'asc' } })
      ).map((e) => e.command);
      assert.deepEqual(commands, ['report', 'open', 'dispatch']);
      assert.equal((await outboxOf(c.id)).length, before + 2);
      const metric = await s.ctx.db.caseMetric.findUniqueOrThrow({ where: { caseId: c.id } });
      assert.equal(metric.opened, 1);
      assert.equal(metric.dispatched, 1);
    });

    test('the store reads a case exactly as Prisma does (dates in UTC, booleans, numbers)', async () => {
      const c = await report('event-0501', 34.612);
      const opened = await cmd('supervisor', c, 'open');
      assert.equal(opened.status, 200);
      const store = new PgCaseStore(cluster.url('case_store'), 1);
      try {
        const ours = await store.load(c.id);
        const prisma = await s.ctx.db.case.findUniqueOrThrow({ where: { id: c.id } });
        assert.deepEqual(ours, prisma);
        assert.ok(prisma.stepDeadline instanceof Date && prisma.reportedAt instanceof Date);
        assert.equal(await store.load('no-such-case'), null);
      } finally {
        await store.close();
      }
    });

    test('a stale version writes nothing and answers with the current case', async () => {
      const c = await report('event-0501', 34.615);
      const first = await cmd('supervisor', c, 'accept');
      assert.equal(first.status, 200);
      const stale = await cmd('supervisor', c, 'open');
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error?.details?.case?.version, c.version + 1);
      const events = await s.ctx.db.caseEvent.count({ where: { caseId: c.id } });
      assert.equal(events, 2, 'report and accept only');
    });
  });
} else if (process.env.CI) {
  test('PostgreSQL is installed for CI', () => {
    assert.fail('initdb/pg_ctl not found: .ci/run must install postgresql');
  });
} else {
  console.log('# PostgreSQL not installed: the PostgreSQL case store was not tested');
}
