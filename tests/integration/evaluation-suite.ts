// 综合评价 through real HTTP on a real database (shared by the SQLite and PostgreSQL runs): the CaseMetric trigger agrees with the pure fold of each
// case's history; the report counts (drill never, a case reworked twice once, suspended, overdue), its
// scoping (a department never sees another's people), CSV export and settings with history.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CaseDetail } from '@contract/cases';
import {
  EvaluationHotspots,
  EvaluationReport,
  EvaluationSettingsAnswer,
  EvaluationTrend,
  PUBLISHED_PRESET,
} from '@contract/evaluation';
import { sweepClocks } from '../../server/src/cases/scheduler';
import { countsBy, metricCountsBy } from '../../server/src/evaluation/queries';
import { factsOf, periodOf, type CaseFacts } from '../../server/src/domain';
import { startTestServer, type TestServer } from '../support/server';

type Err = { error: { code: string; message: { zh: string; en: string } } };
const POINT = { lon: 119.16, lat: 34.61 };
const DAY = '2026-11-23';

export function evaluationSuite(name: string, databaseUrl: () => Promise<string | undefined>) {
  describe(`evaluation (${name})`, () => {
    let s: TestServer;
    const tokens: Record<string, string> = {};
    const as = async (user: string) => (tokens[user] ??= await s.loginAs(user));
    let dept = '';
    const ids: Record<string, string> = {};

    const ok = (r: { status: number; body: unknown }, what: string) => {
      assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      return r.body as CaseDetail;
    };
    const cmd = async (user: string, c: CaseDetail, command: string, extra: Record<string, unknown> = {}) =>
      ok(
        await s.api(
          'POST',
          `/api/cases/${c.id}/commands`,
          { command, version: c.version, ...extra },
          await as(user),
        ),
        command,
      );
    /** report → accept → open → dispatch → accept task (the handler's turn) */
    const dispatched = async (categoryId = 'event-0103') => {
      let c = ok(
        await s.api(
          'POST',
          '/api/cases',
          { source: 'hotline', description: '路边有暴露垃圾', categoryId, ...POINT },
          await as('supervisor'),
        ),
        'report',
      );
      c = await cmd('supervisor', c, 'accept');
      c = await cmd('supervisor', c, 'open');
      // 道路保洁 is dispatched automatically on opening, to the same street's sanitation department
      if (c.state !== 'dispatched')
        c = await cmd('dispatcher', c, 'dispatch', { departmentId: c.suggestedDepartmentId });
      assert.ok(!dept || c.departmentId === dept, 'all cases go to one department');
      dept = c.departmentId ?? '';
      return cmd(`handler.${dept}`, c, 'acceptTask');
    };
    const handle = (c: CaseDetail) => cmd(`handler.${dept}`, c, 'handle', { note: '已处置' });
    const report = async (user: string, query: string) =>
      s.api<EvaluationReport & Err>('GET', `/api/evaluation?${query}`, undefined, await as(user));

    before(async () => {
      const url = await databaseUrl();
      s = await startTestServer(url ? { databaseUrl: url } : {});
      // A: closed in time. B: reworked twice, then closed. C: suspended. D: drill, closed. E: overdue.
      let a = await handle(await dispatched());
      a = await cmd('supervisor', a, 'check');
      ids.a = (await cmd('supervisor', a, 'approve')).id;
      let b = await handle(await dispatched());
      for (let i = 0; i < 2; i++) {
        b = await cmd('supervisor', b, 'check');
        b = await cmd('supervisor', b, 'rework', { reason: '未清理干净' });
        b = await handle(await cmd(`handler.${dept}`, b, 'acceptTask').catch(() => b));
      }
      b = await cmd('supervisor', b, 'check');
      ids.b = (await cmd('supervisor', b, 'approve')).id;
      const c = await dispatched();
      ids.c = (await cmd('dispatcher', c, 'suspend', { reason: '等待配件', extensionMinutes: 600 })).id;
      s.ctx.config.drill = true;
      let d = await handle(await dispatched());
      d = await cmd('supervisor', d, 'check');
      ids.d = (await cmd('supervisor', d, 'approve')).id;
      s.ctx.config.drill = false;
      ids.e = (await dispatched('event-0104')).id; // 120 working minutes to handle
      for (let i = 0; i < 4; i++) {
        s.clock.advanceMinutes(60);
        await sweepClocks(s.ctx, s.cases);
      }
    });
    after(async () => {
      await s?.close();
    });

    test('the trigger keeps the same facts as the fold of each case history', async () => {
      for (const id of Object.values(ids)) {
        const events = await s.ctx.db.caseEvent.findMany({ where: { caseId: id }, orderBy: { id: 'asc' } });
        const expected = factsOf(
          events.map((e) => ({
            command: e.command,
            actorId: e.actorId,
            step: (JSON.parse(e.data) as { step?: string }).step ?? null,
          })),
        );
        const row = await s.ctx.db.caseMetric.findUniqueOrThrow({ where: { caseId: id } });
        const stored: CaseFacts = {
          opened: row.opened === 1,
          openedLate: row.openedLate === 1,
          openerId: row.openerId,
          dispatched: row.dispatched === 1,
          dispatchedLate: row.dispatchedLate === 1,
          dispatcherId: row.dispatcherId,
          returned: row.returned,
          handled: row.handled === 1,
          handledLate: row.handledLate === 1,
          closed: row.closed === 1,
          late: row.late === 1,
          reworks: row.reworks,
          suspended: row.suspended === 1,
          voided: row.voided === 1,
        };
        assert.deepEqual(stored, expected, `case ${id}`);
      }
      const b = await s.ctx.db.caseMetric.findUniqueOrThrow({ where: { caseId: ids.b } });
      assert.equal(b.reworks, 2);
      const e = await s.ctx.db.caseMetric.findUniqueOrThrow({ where: { caseId: ids.e } });
      assert.equal(e.handledLate, 1, 'the handling step went overdue');
    });

    test('by department: drill never counts, rework twice counts once, suspended and overdue', async () => {
      const r = await report('leader', `by=department&period=day&date=${DAY}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const row = r.body.rows.find((x) => x.key === dept);
      assert.ok(row, 'the department has a row');
      assert.equal(row.counts.reports, 4, 'the drill case is left out');
      assert.equal(row.counts.dueForHandling, 4);
      assert.equal(row.counts.handled, 2);
      assert.equal(row.counts.closed, 2);
      assert.equal(row.counts.reworked, 1);
      assert.equal(row.counts.reworkEvents, 2);
      assert.equal(row.counts.suspended, 1);
      assert.equal(row.counts.overdueUnhandled, 1);
      // DOMAIN preset: 处置率 .5×30 + 按期处置率 .5×20 + (1−.25)×20 + (1−.25)×20 + (1−.25)×10 = 62.5
      assert.equal(row.score, 62.5);
      assert.equal(row.grade, 'C');
      assert.equal(row.rank, 1);
      assert.equal(r.body.settings.version, 0);
      assert.match(row.name, /\p{Script=Han}/u);
    });

    test('the daily sums agree with CaseMetric for every dimension they answer', async () => {
      const period = periodOf('day', DAY);
      for (const by of ['department', 'district', 'street'] as const) {
        const f = { from: period.from, to: period.to };
        const sort = (rows: { key: string | null }[]) =>
          [...rows].sort((x, y) => String(x.key).localeCompare(String(y.key)));
        assert.deepEqual(
          sort(await countsBy(s.ctx.db, s.ctx.config.database.provider, by, f)),
          sort(
            (await metricCountsBy(s.ctx.db, s.ctx.config.database.provider, by, f)).filter(
              (r) => r.key !== null,
            ),
          ),
          by,
        );
      }
    });

    test('scoping: a department sees itself and its own people only; inspectors see nothing', async () => {
      const other = (
        await s.ctx.db.department.findFirstOrThrow({ where: { id: { not: dept }, kind: 'functional' } })
      ).id;
      const own = await report(`handler.${other}`, `by=department&period=day&date=${DAY}`);
      assert.equal(own.status, 200);
      assert.deepEqual(
        own.body.rows.map((x) => x.key),
        [],
      );
      const people = await report(`handler.${other}`, `by=dispatcher&period=day&date=${DAY}`);
      assert.deepEqual(people.body.rows, [], 'the centre dispatcher is not its person');
      const leaderView = await report('leader', `by=dispatcher&period=day&date=${DAY}`);
      assert.deepEqual(
        leaderView.body.rows.map((x) => x.key),
        ['u-dispatcher'],
      );
      const denied = await report(
        `handler.${other}`,
        `by=department&period=day&date=${DAY}&departmentId=${dept}`,
      );
      assert.equal(denied.status, 403);
      assert.equal(denied.body.error.code, 'forbidden');
      assert.equal((await report('inspector1', 'by=department')).status, 403);
    });

    test('bad queries are 400 with a message', async () => {
      const r = await report('leader', 'by=planet&period=month');
      assert.equal(r.status, 400);
      assert.match(r.body.error.message.en, /by/);
      assert.equal((await report('leader', 'period=custom&from=2026-11-10')).status, 400);
      assert.equal((await report('leader', 'period=day&date=2026-02-30')).status, 400);
    });

    test('CSV export of a table', async () => {
      const res = await fetch(`${s.url}/api/evaluation?by=street&period=day&date=${DAY}&format=csv`, {
        headers: { authorization: `Bearer ${await as('leader')}` },
      });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="evaluation-street-/);
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM for spreadsheet programs');
      const text = bytes.subarray(3).toString('utf8');
      const lines = text.trim().split('\r\n');
      assert.match(lines[0]!, /settings version 0 \(domain\)/);
      assert.match(lines[1]!, /^key,name,nameEn,reports,/);
      assert.equal(lines.length, 3, 'one street');
    });

    test('settings with history: only an admin changes them, each report says which it used', async () => {
      const denied = await s.api(
        'PUT',
        '/api/evaluation/settings',
        { value: PUBLISHED_PRESET },
        await as('leader'),
      );
      assert.equal(denied.status, 403);
      const bad = await s.api<Err>(
        'PUT',
        '/api/evaluation/settings',
        { value: { ...PUBLISHED_PRESET, weights: [{ metric: 'closingRate', weight: 50 }] } },
        await as('admin'),
      );
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message.en, /add up to 100/);
      const saved = await s.api<{ current: { version: number } }>(
        'PUT',
        '/api/evaluation/settings',
        { value: PUBLISHED_PRESET, note: '按省考核办法' },
        await as('admin'),
      );
      assert.equal(saved.status, 201);
      const history = await s.api<{ history: { version: number; note: string }[] }>(
        'GET',
        '/api/evaluation/settings',
        undefined,
        await as('leader'),
      );
      assert.deepEqual(
        history.body.history.map((h) => h.version),
        [saved.body.current.version, 0],
      );
      const r = await report('leader', `by=department&period=day&date=${DAY}`);
      assert.equal(r.body.settings.version, saved.body.current.version);
      assert.equal(r.body.settings.value.preset, 'published');
      // 10 × 4/4 + 30 × 结案率 2/4 + 30 × 按时处置率 2/4 + 30 × (1 − 1/4) = 62.5
      assert.equal(r.body.rows.find((x) => x.key === dept)?.score, 62.5);
    });

    test('every JSON answer the briefing and the monthly report read passes its contract schema', async () => {
      const leader = await as('leader');
      const answers: Array<[string, { safeParse(v: unknown): { success: boolean; error?: unknown } }]> = [
        ...['department', 'district', 'street', 'community', 'category', 'source'].map(
          (by): [string, typeof EvaluationReport] => [
            `/api/evaluation?by=${by}&period=month&date=${DAY}`,
            EvaluationReport,
          ],
        ),
        [`/api/evaluation?by=source&period=day&date=${DAY}`, EvaluationReport],
        ['/api/evaluation/trend?span=days', EvaluationTrend],
        ['/api/evaluation/trend?span=months', EvaluationTrend],
        [`/api/evaluation/hotspots?period=month&date=${DAY}`, EvaluationHotspots],
        ['/api/evaluation/settings', EvaluationSettingsAnswer],
      ];
      for (const [path, schema] of answers) {
        const r = await s.api<unknown>('GET', path, undefined, leader);
        assert.equal(r.status, 200, path);
        const parsed = schema.safeParse(r.body);
        assert.ok(parsed.success, `${path}: ${JSON.stringify(parsed.error)}`);
      }
      const graded = EvaluationReport.parse(
        (
          await s.api<unknown>(
            'GET',
            `/api/evaluation?by=department&period=day&date=${DAY}`,
            undefined,
            leader,
          )
        ).body,
      );
      assert.ok(
        graded.rows.some((r) => r.grade !== null && r.score !== null),
        'graded rows are checked too',
      );
      // and the schema is not a rubber stamp: a row without its counts is refused
      const broken = { ...graded, rows: [{ ...graded.rows[0], counts: undefined }] };
      assert.equal(EvaluationReport.safeParse(broken).success, false);
    });

    test('trend and hot spots', async () => {
      const t = await s.api<{
        points: { bucket: string; bySource: Record<string, number>; closedInTime: number }[];
      }>('GET', '/api/evaluation/trend?span=days', undefined, await as('leader'));
      assert.equal(t.status, 200);
      assert.equal(t.body.points.length, 30);
      const today = t.body.points.at(-1)!;
      assert.deepEqual([today.bucket, today.bySource.hotline, today.closedInTime], [DAY, 4, 2], 'no drill');
      const h = await s.api<{ points: number[][]; categories: { categoryId: string; n: number }[] }>(
        'GET',
        `/api/evaluation/hotspots?period=day&date=${DAY}`,
        undefined,
        await as('leader'),
      );
      assert.equal(h.body.points.length, 4);
      assert.deepEqual(h.body.categories[0], { ...h.body.categories[0], categoryId: 'event-0103', n: 3 });
    });
  });
}
