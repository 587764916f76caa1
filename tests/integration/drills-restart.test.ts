// Drills survive a restart (docs/adr/0024): the register in the live database brings back every drill on
// the same DATA_DIR — a stopped one with its scenario steps and review, one whose server was killed while it
// ran as interrupted and still reviewable. Old drill databases are deleted by the retention sweep at start,
// and a trainer deletes an ended drill by hand (409 while it runs). Real servers, real SQLite files; the
// killed server is a child process (SIGKILL, no shutdown hook).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { DrillReview } from '@contract/drills';
import type { PlaybackEvents, PlaybackState } from '@contract/playback';
import type { DrillInfo } from '../../server/src/drills/manager';
import { spawnServer, type ChildServer } from '../support/child-server';
import { waitUntil } from '../support/live';
import { callAt, loginAt, startTestServer, type TestServer } from '../support/server';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-drills-restart-'));
let server: TestServer | null = null;
let child: ChildServer | null = null;
after(async () => {
  await child?.kill();
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const listOf = async (s: TestServer, token: string) =>
  (await s.api<{ drills: DrillInfo[] }>('GET', '/api/drills', undefined, token)).body.drills;
const drillDir = (id: string) => path.join(dataDir, 'drills', id);

/** The drill's own archive at the end of its range (the review's 回放 / Replay). */
async function replayEnd(s: TestServer, id: string, token: string) {
  const range = await s.api<{ from: string | null; to: string | null }>(
    'GET',
    `/api/drills/${id}/playback/range`,
    undefined,
    token,
  );
  assert.equal(range.status, 200, JSON.stringify(range.body));
  assert.ok(range.body.from && range.body.to, 'the drill archived its stream');
  const state = await s.api<PlaybackState>(
    'GET',
    `/api/drills/${id}/playback/state?at=${encodeURIComponent(range.body.to)}`,
    undefined,
    token,
  );
  assert.equal(state.status, 200, JSON.stringify(state.body));
  const events = await s.api<PlaybackEvents>(
    'GET',
    `/api/drills/${id}/playback/events?from=${new Date(Date.parse(range.body.from) - 1000).toISOString()}&to=${range.body.to}`,
    undefined,
    token,
  );
  assert.equal(events.status, 200);
  return { range: range.body, state: state.body, events: events.body };
}

test('drills are listed and reviewable after a restart; killed ones as interrupted; old ones swept', async () => {
  // 1. A drill runs the gas-leak scenario and stops; the server stops.
  server = await startTestServer({ env: { DATA_DIR: dataDir }, now: 'system' });
  let trainer = await server.loginAs('trainer');
  const first = await server.api<DrillInfo>('POST', '/api/drills', { scenarioId: 'gas-leak' }, trainer);
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const stoppedId = first.body.id;
  await server.api('POST', `/api/drills/${stoppedId}/scenario`, { action: 'speed', speed: 60 }, trainer);
  await waitUntil(
    'the scenario to finish',
    async () =>
      (await listOf(server!, trainer)).find((d) => d.id === stoppedId)?.scenario?.clock.status === 'finished',
    30_000,
  );
  await server.api('POST', `/api/drills/${stoppedId}/stop`, undefined, trainer);
  const before = await server.api<DrillReview>('GET', `/api/drills/${stoppedId}/review`, undefined, trainer);
  assert.equal(before.status, 200);
  assert.ok(before.body.records.length >= 2, 'the scenario made records');
  // The drill's own archive: the scenario's case and alarm on the map at the end, none of live's.
  const replayed = await replayEnd(server, stoppedId, trainer);
  assert.ok(
    replayed.state.cases.some((c) => c.id === before.body.records.find((r) => r.kind === 'case')?.id),
  );
  assert.ok(replayed.state.alarms.length >= 1, 'the gas alarm is in the replay');
  assert.ok(
    replayed.events.events.length >= 2,
    `the trainer reads the archived events: ${JSON.stringify(replayed.events.events.map((e) => e.topic))}`,
  );
  assert.ok(
    replayed.state.cases.every((c) => c.drill),
    'only drill records',
  );
  const badAt = await server.api(
    'GET',
    `/api/drills/${stoppedId}/playback/state?at=yesterday`,
    undefined,
    trainer,
  );
  assert.equal(badAt.status, 400);
  const supervisorA = await server.loginAs('supervisor');
  const notTrainer = await server.api(
    'GET',
    `/api/drills/${stoppedId}/playback/range`,
    undefined,
    supervisorA,
  );
  assert.equal(notTrainer.status, 403);
  await server.close();
  server = null;

  // 2. On the same DATA_DIR a server process starts a drill, a trainee reports in it, and the process dies.
  child = await spawnServer({ DATA_DIR: dataDir, PORT: '0' });
  const childTrainer = await loginAt(child.url, 'trainer');
  const running = await callAt<DrillInfo>(child.url, 'POST', '/api/drills', {}, childTrainer);
  assert.equal(running.status, 201, JSON.stringify(running.body));
  const killedId = running.body.id;
  const drillSupervisor = await loginAt(running.body.url, 'supervisor');
  const report = await callAt<{ id: string }>(
    running.body.url,
    'POST',
    '/api/cases',
    { source: 'hotline', description: '演练 井盖缺失', categoryId: 'event-0103', lon: 119.16, lat: 34.61 },
    drillSupervisor,
  );
  assert.equal(report.status, 201, JSON.stringify(report.body));
  await child.kill('SIGKILL');
  child = null;

  // 3. Restarted: both are listed, the killed one interrupted; both reviews answer from their files.
  server = await startTestServer({ env: { DATA_DIR: dataDir }, now: 'system' });
  trainer = await server.loginAs('trainer');
  const list = await listOf(server, trainer);
  assert.deepEqual(
    list.map((d) => [d.id, d.status]),
    [
      [stoppedId, 'stopped'],
      [killedId, 'interrupted'],
    ],
  );
  const stopped = list[0] as DrillInfo;
  assert.equal(stopped.scenarioId, 'gas-leak');
  assert.equal(stopped.scenario?.injected.length, 3, 'the injected steps were kept');
  assert.ok(stopped.stoppedAt);
  const after1 = await server.api<DrillReview>('GET', `/api/drills/${stoppedId}/review`, undefined, trainer);
  assert.equal(after1.status, 200, JSON.stringify(after1.body));
  assert.equal(after1.body.drill.status, 'stopped');
  assert.deepEqual(
    after1.body.records.map((r) => r.id).sort(),
    before.body.records.map((r) => r.id).sort(),
    'the same review after the restart',
  );
  assert.equal(after1.body.steps.length, 3);
  const replayedAgain = await replayEnd(server, stoppedId, trainer);
  assert.deepEqual(replayedAgain.state, replayed.state, 'the same replay from the kept file');
  assert.equal(replayedAgain.events.events.length, replayed.events.events.length);
  const killed = await server.api<DrillReview>('GET', `/api/drills/${killedId}/review`, undefined, trainer);
  assert.equal(killed.status, 200, JSON.stringify(killed.body));
  assert.equal(killed.body.drill.status, 'interrupted');
  assert.ok(
    killed.body.records.some((r) => r.id === report.body.id),
    'what was done before the crash',
  );
  const csv = await fetch(`${server.url}/api/drills/${killedId}/review.csv`, {
    headers: { authorization: `Bearer ${trainer}` },
  });
  assert.equal(csv.status, 200);
  assert.match(await csv.text(), /演练/);

  // The register is in the live database only; the drill databases do not carry it.
  const liveFile = server.ctx.config.database.provider === 'sqlite' ? server.ctx.config.database.file : '';
  const liveDb = new Database(liveFile, { readonly: true });
  const drillDb = new Database(path.join(drillDir(stoppedId), 'city-ops.db'), { readonly: true });
  const count = (db: Database.Database) =>
    (db.prepare('SELECT count(*) AS n FROM "Drill"').get() as { n: number }).n;
  assert.equal(count(liveDb), 2);
  assert.equal(count(drillDb), 0);
  liveDb.close();
  drillDb.close();

  // 4. By hand: not while running (409), not by a supervisor (403), then deleted and marked purged.
  const third = await server.api<DrillInfo>('POST', '/api/drills', {}, trainer);
  assert.equal(third.status, 201, JSON.stringify(third.body));
  const supervisor = await server.loginAs('supervisor');
  const busy = await server.api<{ error: { code: string } }>(
    'DELETE',
    `/api/drills/${third.body.id}`,
    undefined,
    trainer,
  );
  assert.equal(busy.status, 409);
  assert.ok(fs.existsSync(drillDir(third.body.id)));
  await server.api('POST', `/api/drills/${third.body.id}/stop`, undefined, trainer);
  const denied = await server.api('DELETE', `/api/drills/${third.body.id}`, undefined, supervisor);
  assert.equal(denied.status, 403);
  const deleted = await server.api<DrillInfo>('DELETE', `/api/drills/${third.body.id}`, undefined, trainer);
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal(deleted.body.status, 'purged');
  assert.ok(!fs.existsSync(drillDir(third.body.id)), 'its database is gone');
  const gone = await server.api<{ error: { code: string } }>(
    'GET',
    `/api/drills/${third.body.id}/review`,
    undefined,
    trainer,
  );
  assert.equal(gone.status, 410);
  assert.equal(gone.body.error.code, 'drill_purged');
  assert.equal((await server.api('DELETE', '/api/drills/nope', undefined, trainer)).status, 404);
  assert.deepEqual(await server.drills.sweep(), [], 'drills younger than DRILL_RETENTION_DAYS stay');
  await server.close();
  server = null;

  // 5. Started 31 days later (DRILL_RETENTION_DAYS 30): the sweep at start deletes the old drill databases.
  const later = new Date(Date.now() + 31 * 24 * 3600 * 1000).toISOString();
  server = await startTestServer({ env: { DATA_DIR: dataDir }, now: later });
  trainer = await server.loginAs('trainer');
  const swept = await listOf(server, trainer);
  assert.deepEqual(
    swept.map((d) => [d.id, d.status]),
    [
      [stoppedId, 'purged'],
      [killedId, 'purged'],
      [third.body.id, 'purged'],
    ],
  );
  assert.ok(!fs.existsSync(drillDir(stoppedId)) && !fs.existsSync(drillDir(killedId)));
  const review = await server.api('GET', `/api/drills/${stoppedId}/review`, undefined, trainer);
  assert.equal(review.status, 410);
  const replay = await server.api('GET', `/api/drills/${stoppedId}/playback/range`, undefined, trainer);
  assert.equal(replay.status, 410);
});
