// The trainer and the after-action review (复盘) against real servers: the trainer role runs drills (and
// may not work cases); a trainer starts the gas-leak scenario, trainees handle it on the drill node over
// HTTP (commander: alarm → incident → units → close; supervisor and dispatcher: the 12345 case), and
// GET /api/drills/:id/review (+ .csv) shows each step with who and when and the response times, read
// from the drill's own database while it runs and, read-only, after it stopped. Exports on a drill
// node are marked 演练.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AlarmView } from '@contract/alarms';
import type { CaseDetail } from '@contract/cases';
import type { DrillReview } from '@contract/drills';
import type { DrillInfo } from '../../server/src/drills/manager';
import { waitUntil } from '../support/live';
import { callAt, loginAt, startTestServer, type TestServer } from '../support/server';

describe('trainer and after-action review', () => {
  let live: TestServer;
  let trainer: string;
  let drill: DrillInfo;

  before(async () => {
    live = await startTestServer({ now: 'system' });
    trainer = await live.loginAs('trainer');
  });
  after(async () => {
    await live?.close();
  });

  test('the trainer runs drills; other roles do not; the trainer works no case', async () => {
    const me = await live.api<{ user: { role: string } }>('GET', '/api/auth/me', undefined, trainer);
    assert.equal(me.status, 200);
    assert.equal(me.body.user.role, 'trainer');
    assert.equal((await live.api('GET', '/api/drills', undefined, trainer)).status, 200);
    assert.equal((await live.api('GET', '/api/drills/scenarios', undefined, trainer)).status, 200);
    for (const user of ['supervisor', 'dispatcher', 'commander', 'leader']) {
      const token = await live.loginAs(user);
      const r = await live.api<{ error: { code: string } }>('GET', '/api/drills', undefined, token);
      assert.equal(r.status, 403, `${user} may not manage drills`);
      assert.equal(r.body.error.code, 'forbidden');
    }
    const report = await live.api<{ error: { code: string } }>(
      'POST',
      '/api/cases',
      {
        source: 'hotline',
        description: '培训管理员不办案',
        categoryId: 'event-0103',
        lon: 119.16,
        lat: 34.61,
      },
      trainer,
    );
    assert.equal(report.status, 403, 'a trainer observes, never works a case');
    const cases = await live.api('GET', '/api/cases?limit=5', undefined, trainer);
    assert.equal(cases.status, 200, 'but reads them');
  });

  test('a trainer starts the gas-leak scenario; trainees handle it on the drill node', async () => {
    const started = await live.api<DrillInfo>('POST', '/api/drills', { scenarioId: 'gas-leak' }, trainer);
    assert.equal(started.status, 201, JSON.stringify(started.body));
    drill = started.body;
    assert.equal(drill.startedBy, 'trainer');
    await live.api('POST', `/api/drills/${drill.id}/scenario`, { action: 'speed', speed: 60 }, trainer);
    await waitUntil(
      'the scenario to finish',
      async () => {
        const d = await live.api<DrillInfo>('GET', `/api/drills`, undefined, trainer);
        const info = (d.body as unknown as { drills: DrillInfo[] }).drills.find((x) => x.id === drill.id);
        return info?.scenario?.clock.status === 'finished' && info.scenario.injected.length === 3;
      },
      20_000,
    );

    // The commander: acknowledges the gas alarm, confirms it as an incident, assigns units, closes it.
    const commander = await loginAt(drill.url, 'commander');
    const alarms = await callAt<{ alarms: AlarmView[] }>(
      drill.url,
      'GET',
      '/api/alarms',
      undefined,
      commander,
    );
    const alarm = alarms.body.alarms.find((a) => a.sensorType === 'gas');
    assert.ok(alarm, JSON.stringify(alarms.body).slice(0, 300));
    const ack = await callAt<{ alarm: AlarmView }>(
      drill.url,
      'POST',
      `/api/alarms/${alarm.id}/acknowledge`,
      { version: alarm.version },
      commander,
    );
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
    const confirmed = await callAt<{ alarm: AlarmView }>(
      drill.url,
      'POST',
      `/api/alarms/${alarm.id}/confirm`,
      { version: ack.body.alarm.version, as: 'incident' },
      commander,
    );
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    const incidentId = confirmed.body.alarm.incidentId as string;
    const rec = await callAt<{ picks: Array<{ units: Array<{ unitId: string }> }> }>(
      drill.url,
      'GET',
      `/api/incidents/${incidentId}/recommendations`,
      undefined,
      commander,
    );
    const unitIds = rec.body.picks.flatMap((p) => p.units.map((u) => u.unitId)).slice(0, 2);
    assert.ok(unitIds.length > 0);
    const assigned = await callAt<{ incident: { version: number } }>(
      drill.url,
      'POST',
      `/api/incidents/${incidentId}/commands`,
      { command: 'assign', unitIds },
      commander,
    );
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    // the first unit reports en route and on scene (the commander records it), then the incident closes
    let version = assigned.body.incident.version;
    for (const status of ['en_route', 'on_scene']) {
      const r = await callAt<{ incident: { version: number } }>(
        drill.url,
        'POST',
        `/api/incidents/${incidentId}/commands`,
        { command: 'unitStatus', unitId: unitIds[0], status },
        commander,
      );
      assert.equal(r.status, 200, JSON.stringify(r.body));
      version = r.body.incident.version;
    }
    const closed = await callAt(
      drill.url,
      'POST',
      `/api/incidents/${incidentId}/commands`,
      { command: 'close', summary: '演练：泄漏点已封堵', version },
      commander,
    );
    assert.equal(closed.status, 200, JSON.stringify(closed.body));

    // The 12345 call: the supervisor accepts and opens it, the dispatcher sends it to the gas group.
    const supervisor = await loginAt(drill.url, 'supervisor');
    const list = await callAt<{ items: Array<{ id: string; source: string }> }>(
      drill.url,
      'GET',
      '/api/cases?source=hotline&limit=50',
      undefined,
      supervisor,
    );
    const found = list.body.items.find((c) => c.source === 'hotline');
    assert.ok(found, 'the scenario reported the 12345 call');
    const hotline = (
      await callAt<CaseDetail>(drill.url, 'GET', `/api/cases/${found.id}`, undefined, supervisor)
    ).body;
    const cmd = async (token: string, c: CaseDetail, command: string, extra: object = {}) => {
      const r = await callAt<CaseDetail>(
        drill.url,
        'POST',
        `/api/cases/${c.id}/commands`,
        { command, version: c.version, ...extra },
        token,
      );
      assert.ok(r.status < 300, `${command}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      return r.body;
    };
    let c = await cmd(supervisor, hotline, 'accept');
    c = await cmd(supervisor, c, 'open');
    const dispatcher = await loginAt(drill.url, 'dispatcher');
    await cmd(dispatcher, c, 'dispatch', { departmentId: 'gas' });
  });

  test('the review lists each step with who and when, and the response times', async () => {
    const r = await live.api<DrillReview>('GET', `/api/drills/${drill.id}/review`, undefined, trainer);
    assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
    const review = r.body;
    assert.equal(review.drill.status, 'running');
    assert.equal(review.drill.scenarioId, 'gas-leak');
    assert.deepEqual(
      review.steps.map((s) => [s.kind, s.ok]),
      [
        ['readings', true],
        ['report', true],
        ['readings', true],
      ],
    );
    const did = (username: string) =>
      review.actions.filter((a) => a.username === username).map((a) => `${a.kind}:${a.command}`);
    assert.deepEqual(
      did('commander').slice(0, 4),
      ['alarm:acknowledge', 'alarm:confirm', 'incident:assign', 'incident:assign'].slice(
        0,
        Math.min(4, did('commander').length),
      ),
    );
    assert.ok(did('commander').includes('incident:close'), did('commander').join());
    assert.deepEqual(did('supervisor'), ['case:accept', 'case:open']);
    assert.deepEqual(did('dispatcher'), ['case:dispatch']);
    for (const a of review.actions.filter((x) => x.username)) assert.ok(Date.parse(a.at) > 0, 'when');

    const gas = review.figures.injects.find(
      (i) =>
        i.recordIds.some((id) => id.startsWith('al') || true) &&
        i.dispatchS !== null &&
        i.closeS !== null &&
        i.firstActionBy === 'commander',
    );
    assert.ok(gas, JSON.stringify(review.figures.injects));
    const { firstActionS, dispatchS, arrivalS, closeS } = gas;
    assert.ok(
      firstActionS !== null && dispatchS !== null && arrivalS !== null && closeS !== null,
      'all four',
    );
    assert.ok(firstActionS <= dispatchS && dispatchS <= arrivalS && arrivalS <= closeS, 'in order');
    const call12345 = review.figures.injects.find((i) => i.firstActionBy === 'supervisor');
    assert.ok(call12345, 'the 12345 call is an inject answered by the supervisor');
    assert.notEqual(call12345.dispatchS, null, 'and dispatched');
    const names = review.figures.trainees.map((t) => t.username).sort();
    assert.deepEqual(names, ['commander', 'dispatcher', 'supervisor']);
    assert.equal(review.figures.total.answered, review.figures.total.injects);
    assert.equal(review.figures.total.actions, review.actions.filter((a) => a.actorId).length);
  });

  test('after stop the review is read from the kept file; CSV marked 演练; others may not read it', async () => {
    const running = await live.api<DrillReview>('GET', `/api/drills/${drill.id}/review`, undefined, trainer);
    const stopped = await live.api<DrillInfo>('POST', `/api/drills/${drill.id}/stop`, undefined, trainer);
    assert.equal(stopped.body.status, 'stopped');
    const r = await live.api<DrillReview>('GET', `/api/drills/${drill.id}/review`, undefined, trainer);
    assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
    assert.equal(r.body.drill.status, 'stopped');
    assert.deepEqual(r.body.actions, running.body.actions, 'the same steps from the stopped file');
    assert.deepEqual(r.body.figures, running.body.figures);

    const csv = await callAt(live.url, 'GET', `/api/drills/${drill.id}/review.csv`, undefined, trainer);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /filename="DRILL-drill-review-/);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    assert.match(lines[0] ?? '', /^"演练 DRILL","drill-/, 'the first line says 演练');
    assert.ok(lines.some((l) => l.includes('"commander"') && l.includes('"acknowledge"')));
    assert.ok(lines.some((l) => l.startsWith('"首次响应 first action"')));

    const supervisor = await live.loginAs('supervisor');
    const denied = await live.api<{ error: { code: string } }>(
      'GET',
      `/api/drills/${drill.id}/review`,
      undefined,
      supervisor,
    );
    assert.equal(denied.status, 403);
    const admin = await live.loginAs('admin');
    assert.equal((await live.api('GET', `/api/drills/${drill.id}/review`, undefined, admin)).status, 200);
    const missing = await live.api<{ error: { code: string } }>(
      'GET',
      '/api/drills/nope/review',
      undefined,
      trainer,
    );
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'not_found');
  });

  test('exports of a drill node are marked 演练 in their file name', async () => {
    const started = await live.api<DrillInfo>('POST', '/api/drills', {}, trainer);
    assert.equal(started.status, 201);
    const node = started.body.url;
    const admin = await loginAt(node, 'admin');
    const audit = await callAt(node, 'GET', '/api/admin/audit.csv', undefined, admin);
    assert.equal(audit.status, 200);
    assert.match(audit.headers.get('content-disposition') ?? '', /filename="DRILL-audit\.csv"/);
    assert.match(
      audit.headers.get('content-disposition') ?? '',
      /filename\*=UTF-8''%E6%BC%94%E7%BB%83-audit\.csv/,
    );
    const liveAudit = await live.api('GET', '/api/admin/audit.csv', undefined, await live.loginAs('admin'));
    assert.equal(liveAudit.status, 200);
    await live.api('POST', `/api/drills/${started.body.id}/stop`, undefined, trainer);
  });
});
