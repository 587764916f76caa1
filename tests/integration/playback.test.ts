// Playback against a real server and database: real workflow commands spread over simulated hours, the
// archiver run by hand, then the state the API shows at random moments T must equal the plain fold of the
// archived events up to T (property over random T), GPS history is downsampled, and bad input is a 4xx.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CaseDetail } from '@contract/cases';
import type { LiveState } from '@contract/live-state';
import { PlaybackStateAnswer } from '@contract/playback-answer';
import {
  stateFromScratch,
  type PlaybackEvents,
  type PlaybackState,
  type PlaybackTracks,
} from '@contract/playback';
import { startTestServer, type TestServer } from '../support/server';

const POINT = { lon: 119.16, lat: 34.61 };
const START = '2026-11-23T02:00:00Z';

/** A small deterministic PRNG (mulberry32) so a failure can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const picture = (s: Pick<PlaybackState, 'cases' | 'alarms' | 'incidents'>) => ({
  cases: s.cases.map((c) => `${c.id}@${c.version}:${c.state}`).sort(),
  alarms: s.alarms.map((a) => `${a.id}@${a.version}`).sort(),
  incidents: s.incidents.map((i) => `${i.id}:${i.status}`).sort(),
});
const pictureOf = (s: LiveState) =>
  picture({
    cases: [...s.cases.values()],
    alarms: [...s.alarms.values()],
    incidents: [...s.incidents.values()],
  });

describe('playback archive', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const as = async (user: string) => (tokens[user] ??= await s.loginAs(user));
  const ok = (r: { status: number; body: CaseDetail }, what: string) => {
    assert.ok(r.status < 300, `${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return r.body;
  };
  const cmd = async (user: string, c: CaseDetail, command: string, extra: Record<string, unknown> = {}) =>
    ok(
      await s.api<CaseDetail>(
        'POST',
        `/api/cases/${c.id}/commands`,
        { command, version: c.version, ...extra },
        await as(user),
      ),
      command,
    );

  before(async () => {
    // Keyframes every minute so a seek crosses several of them; the archiver runs only when the test asks.
    s = await startTestServer({
      now: START,
      env: { PLAYBACK_FRAME_MINUTES: '1', PLAYBACK_ARCHIVE_MS: '600000', PLAYBACK_SETTLE_MS: '0' },
    });
  });
  after(async () => {
    await s?.close();
  });

  test('the state at a random T equals the fold of the events up to T', async () => {
    const random = prng(20261206);
    const open: CaseDetail[] = [];
    const active = new Map<string, CaseDetail>();
    for (let step = 0; step < 60; step++) {
      s.clock.advanceMinutes(Math.floor(random() * 4));
      const pick = open.length ? Math.floor(random() * open.length) : -1;
      const c = pick >= 0 ? (open[pick] as CaseDetail) : null;
      if (!c || random() < 0.3) {
        const r = await s.api<CaseDetail>(
          'POST',
          '/api/cases',
          { source: 'hotline', description: '路边有暴露垃圾', categoryId: 'event-0103', ...POINT },
          await as('supervisor'),
        );
        const created = ok(r, 'report');
        open.push(created);
        active.set(created.id, created);
      } else if (c.state === 'reported' && random() < 0.2) {
        await cmd('supervisor', c, 'void', { reason: '重复上报' });
        open.splice(pick, 1);
        active.delete(c.id);
      } else {
        const next =
          c.state === 'reported'
            ? await cmd('supervisor', c, 'accept')
            : c.state === 'accepted'
              ? await cmd('supervisor', c, 'open')
              : c.state === 'opened'
                ? await cmd('dispatcher', c, 'dispatch', { departmentId: c.suggestedDepartmentId })
                : null;
        if (next) {
          open[pick] = next;
          active.set(next.id, next);
        } else open.splice(pick, 1);
      }
      // archive now and then, as the timer would, so keyframes are written mid-run
      if (step % 7 === 0) await s.playback.archiver.tick();
    }
    await s.playback.archiver.tick();
    const end = s.clock.now().getTime();
    const admin = await as('admin');

    const range = await s.api<{ from: string; to: string }>('GET', '/api/playback/range', undefined, admin);
    assert.equal(range.status, 200);
    const from = Date.parse(range.body.from);
    const all = await s.api<PlaybackEvents>(
      'GET',
      `/api/playback/events?from=${new Date(Date.parse(START) - 1).toISOString()}&to=${new Date(end).toISOString()}`,
      undefined,
      admin,
    );
    assert.equal(all.status, 200);
    assert.ok(all.body.events.length >= 40, `events archived: ${all.body.events.length}`);
    assert.equal(all.body.events[0]?.seq, 1, 'the archive holds every event since the first');
    assert.equal(range.body.from, all.body.events[0]?.at, 'and the range starts there');
    const frames = await s.ctx.db.playbackFrame.count();
    assert.ok(frames >= 5, `keyframes written: ${frames}`);

    const moments = [
      from,
      end,
      ...Array.from({ length: 25 }, () => from + Math.floor(random() * (end - from))),
    ];
    // also the exact times of some events and the millisecond before them
    for (const e of all.body.events.filter((_, i) => i % 17 === 0))
      moments.push(Date.parse(e.at), Date.parse(e.at) - 1);
    for (const [i, t] of moments.entries()) {
      const r = await s.api<PlaybackState>(
        'GET',
        `/api/playback/state?at=${new Date(t).toISOString()}`,
        undefined,
        admin,
      );
      assert.equal(r.status, 200);
      assert.deepEqual(
        picture(r.body),
        pictureOf(stateFromScratch(all.body.events, t)),
        `state at ${new Date(t).toISOString()}`,
      );
      if (i % 4) continue;
      // the renderer's form: the stored keyframe and the events after it, folded by the client
      const framed = await s.api<unknown>(
        'GET',
        `/api/playback/state?at=${new Date(t).toISOString()}&form=frame`,
        undefined,
        admin,
      );
      assert.equal(framed.status, 200);
      assert.deepEqual(
        PlaybackStateAnswer.parse(framed.body),
        r.body,
        `the folded frame answer at ${new Date(t).toISOString()}`,
      );
    }

    // At the end the replay shows what the live picture shows now (the cases still open).
    const last = await s.api<PlaybackState>(
      'GET',
      `/api/playback/state?at=${new Date(end).toISOString()}`,
      undefined,
      admin,
    );
    assert.deepEqual(last.body.cases.map((c) => c.id).sort(), [...active.keys()].sort());
    const versions = new Map(last.body.cases.map((c) => [c.id, c.version]));
    for (const c of active.values())
      assert.equal(versions.get(c.id), c.version, `case ${c.caseNumber} at its last version`);
  });

  test('GPS history keeps one fix per vehicle per 10 s and shows vehicles as they were', async () => {
    const vehicle = await s.ctx.db.vehicle.findFirst({ orderBy: { id: 'asc' } });
    assert.ok(vehicle, 'the demo city has vehicles');
    const t0 = Date.parse('2026-11-24T08:00:00Z');
    for (let i = 0; i < 30; i++) {
      s.playback.gps.record({
        id: vehicle.id,
        kind: 'vehicle',
        lon: 119.1 + i * 0.001,
        lat: 34.6,
        heading: 90,
        speedKmh: 30,
        atMs: t0 + i * 2000,
      });
    }
    await s.playback.gps.flush();
    const admin = await as('admin');
    const tracks = await s.api<PlaybackTracks>(
      'GET',
      `/api/playback/tracks?from=${new Date(t0 - 1).toISOString()}&to=${new Date(t0 + 60_000).toISOString()}`,
      undefined,
      admin,
    );
    assert.equal(tracks.status, 200);
    assert.deepEqual(
      tracks.body.fixes.map((f) => Date.parse(f.at) - t0),
      [0, 10_000, 20_000, 30_000, 40_000, 50_000],
    );
    const at = await s.api<PlaybackState>(
      'GET',
      `/api/playback/state?at=${new Date(t0 + 25_000).toISOString()}`,
      undefined,
      admin,
    );
    const shown = at.body.vehicles.find((v) => v.vehicleId === vehicle.id);
    assert.equal(shown && Date.parse(shown.at) - t0, 20_000, 'the last fix at or before T');
  });

  test("a team's tracks: only its vehicles' fixes, filtered by the server; a bad team or vehicle is a 400", async () => {
    const [a, b] = await Promise.all(
      ['asc', 'desc'].map((order) =>
        s.ctx.db.team.findFirst({ orderBy: { id: order as 'asc' | 'desc' }, select: { id: true } }),
      ),
    );
    assert.ok(a && b && a.id !== b.id, 'the demo city has several teams');
    const vehicles = await s.ctx.db.vehicle.findMany({ where: { teamId: { in: [a.id, b.id] } } });
    const ofA = vehicles.filter((v) => v.teamId === a.id).map((v) => v.id);
    assert.ok(ofA.length >= 1 && vehicles.length > ofA.length, 'both teams have vehicles');
    const t0 = Date.parse('2026-11-25T01:00:00Z');
    for (const [n, v] of vehicles.entries())
      for (let i = 0; i < 3; i++)
        s.playback.gps.record({
          id: v.id,
          kind: 'vehicle',
          lon: 119.1 + n * 0.001,
          lat: 34.6 + i * 0.001,
          heading: 0,
          speedKmh: 20,
          atMs: t0 + i * 10_000,
        });
    await s.playback.gps.flush();
    const leader = await as('leader');
    const day = `from=${new Date(t0 - 3_600_000).toISOString()}&to=${new Date(t0 + 3_600_000).toISOString()}`;
    const get = (query: string, token = leader) =>
      s.api<PlaybackTracks & { error: { code: string; message: { zh: string; en: string } } }>(
        'GET',
        `/api/playback/tracks?${day}${query}`,
        undefined,
        token,
      );

    const all = await get('');
    assert.equal(all.status, 200);
    assert.deepEqual(new Set(all.body.fixes.map((f) => f.vehicleId)), new Set(vehicles.map((v) => v.id)));
    const team = await get(`&team=${a.id}`);
    assert.equal(team.status, 200);
    assert.equal(team.body.team, a.id);
    assert.equal(team.body.keptDays, 7);
    assert.deepEqual([...new Set(team.body.fixes.map((f) => f.vehicleId))].sort(), [...ofA].sort());
    assert.equal(team.body.fixes.length, ofA.length * 3);
    const one = vehicles.find((v) => v.teamId === b.id)!;
    const chosen = await get(`&vehicle=${one.id}`);
    assert.deepEqual(new Set(chosen.body.fixes.map((f) => f.vehicleId)), new Set([one.id]));
    const both = await get(`&team=${a.id}&vehicle=${one.id}`);
    assert.equal(both.status, 200);
    assert.equal(both.body.fixes.length, 0, 'a vehicle of another team is not in the team');

    const unknown = await get('&team=no-such-team');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'bad_request');
    assert.match(unknown.body.error.message.en, /team.*no-such-team.*GET \/api\/vehicles/);
    const badVehicle = await get(`&vehicle=${one.id},nope`);
    assert.equal(badVehicle.status, 400);
    assert.match(badVehicle.body.error.message.en, /vehicle.*nope/);
    const badId = await get('&team=%3Cscript%3E');
    assert.equal(badId.status, 400);
    const tooLong = await s.api<{ error: { message: { en: string } } }>(
      'GET',
      `/api/playback/tracks?from=2026-10-01T00:00:00Z&to=2026-11-25T00:00:00Z&team=${a.id}`,
      undefined,
      leader,
    );
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.body.error.message.en, /32 days/);
    const extra = await get(`&team=${a.id}&colour=red`);
    assert.equal(extra.status, 400, 'an unknown parameter is refused');
    // scoping unchanged: the tracks are city-wide, a department's handler may not read them
    const handler = await get(`&team=${a.id}`, await as('handler.water'));
    assert.equal(handler.status, 403);
  });

  test('bad input is a 4xx in the error shape; the whole-city state needs a city-wide account', async () => {
    const admin = await as('admin');
    const bad = await s.api<{ error: { code: string; message: { zh: string; en: string } } }>(
      'GET',
      '/api/playback/state?at=yesterday',
      undefined,
      admin,
    );
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message.en, /at/);
    const backwards = await s.api<{ error: { code: string } }>(
      'GET',
      '/api/playback/events?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z',
      undefined,
      admin,
    );
    assert.equal(backwards.status, 400);
    const tooLong = await s.api<{ error: { code: string } }>(
      'GET',
      '/api/playback/tracks?from=2026-01-01T00:00:00Z&to=2026-11-23T00:00:00Z',
      undefined,
      admin,
    );
    assert.equal(tooLong.status, 400);
    const anonymous = await s.api('GET', '/api/playback/state?at=2026-11-23T02:00:00Z');
    assert.equal(anonymous.status, 401);
    const handler = await s.api<{ error: { code: string } }>(
      'GET',
      '/api/playback/state?at=2026-11-23T02:00:00Z',
      undefined,
      await as('handler.water'),
    );
    assert.equal(handler.status, 403);
  });
});
