// `npm run bench -- playback`: a day of the city in the playback archive (16,000 cases with their workflow
// events, alarms, incidents, and 300 vehicles with one GPS fix per 10 s: 2.6 million fixes) in a fresh
// SQLite database, keyframes every 15 minutes written by the archiver's own encoder.
//   seek_ms       median time to show the state of the city at a random moment: the reader's query of the
//                 newest keyframe (decoded, or from its cache of the last few) + events + fixes, the fold,
//                 and the JSON the client receives (`?form=frame`: the stored keyframe spliced in, the events
//                 after it, the vehicles), parses and folds (contract/playback-answer.ts; loopback HTTP and
//                 the client's schema check are not in it). Baseline in the same run: the fold of every event
//                 from the start of the day (no keyframes), as `seek_baseline_ratio`; `seek_plain_ms` is
//                 the plain answer (folded on the server, cases as objects) for 5 of the moments.
//   frame_ms_p99  main-thread time of one playback step at 600x and 60 fps (10 s of city time a frame):
//                 the cursor folds the events of those 10 s and moves the vehicles (contract/playback-cursor),
//                 with the day loaded in 30-minute stretches as the playback service loads it.
//   frame_ui_cpu_ms_p99  the map-wall step in CPU time: on 2 shared cores the wall-clock tail is mostly
//                 waiting for a core, which this leaves out (GC threads are in it).
//                 The map layers' own draw time is measured by `npm run bench -- render`, not here.
//   frame_ui_ms_p99  the same step plus what the map wall does with it on the main thread each frame
//                 (renderer/src/services/playback.ts): the step's topics, the picture source telling its
//                 listeners (live/picture.ts) and the vehicle tails advanced by the step's fixes
//                 (state/playbackTracks.ts); the step alone is its same-run baseline (`frame_ui_ratio`).
// BENCH_CASES, BENCH_VEHICLES and BENCH_SEEKS override 16,000, 300 and 20; BENCH_ONLY=frames skips the database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkEvent, emptyLiveState } from '@contract/live-state';
import { foldEvents, vehiclesAt, type PlaybackFix, type PlaybackState } from '@contract/playback';
import { stateOfFrameAnswer } from '@contract/playback-answer';
import { cursorAt, cursorView, loadEvents, loadFixes, stepTo } from '@contract/playback-cursor';
import { createPicture } from '../renderer/src/services/picture';
import { chunkMs, extendCursor, topicsOf } from '../renderer/src/state/playbackLoad';
import { advance, tailsAt } from '../renderer/src/state/playbackTracks';
import { createDb } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { encodeFrame } from '../server/src/playback/archive';
import { PlaybackReader } from '../server/src/playback/reader';
import type { StreamEvent } from '@contract/stream';
import { cityDay, prng } from '../tests/support/playback-city';

const CASES = Number(process.env.BENCH_CASES ?? 16_000);
const VEHICLES = Number(process.env.BENCH_VEHICLES ?? 300);
const SEEKS = Number(process.env.BENCH_SEEKS ?? 20);
const FRAME_MS = 15 * 60_000;
const START = Date.parse('2026-11-23T00:00:00Z');

/** The day's fixes in typed arrays (no object per fix in the heap), made back into a fix one at a time. */
function packFixes(fixes: readonly PlaybackFix[]) {
  const ids = [...new Set(fixes.map((f) => f.vehicleId))];
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = fixes.length;
  const [at, lon, lat, heading, speed] = [0, 0, 0, 0, 0].map(() => new Float64Array(n)) as Float64Array[];
  const vehicle = new Uint32Array(n);
  fixes.forEach((f, i) => {
    vehicle[i] = index.get(f.vehicleId) as number;
    (at as Float64Array)[i] = Date.parse(f.at);
    (lon as Float64Array)[i] = f.lon;
    (lat as Float64Array)[i] = f.lat;
    (heading as Float64Array)[i] = f.heading;
    (speed as Float64Array)[i] = f.speedKmh;
  });
  return {
    count: n,
    at: at as Float64Array,
    fix: (i: number): PlaybackFix => ({
      vehicleId: ids[vehicle[i] as number] as string,
      at: new Date((at as Float64Array)[i] as number).toISOString(),
      lon: (lon as Float64Array)[i] as number,
      lat: (lat as Float64Array)[i] as number,
      heading: (heading as Float64Array)[i] as number,
      speedKmh: (speed as Float64Array)[i] as number,
    }),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-playback-'));
const file = path.join(dir, 'playback.db');
const target = { provider: 'sqlite' as const, file, url: `file:${file}` };
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

try {
  let t = performance.now();
  const day = cityDay({
    startMs: START,
    hours: 24,
    cases: CASES,
    alarms: 400,
    incidents: 40,
    vehicles: VEHICLES,
    fixStepS: 10,
  });
  console.log(
    `generated ${day.events.length} events and ${day.fixes.length} fixes in ${Math.round(performance.now() - t)} ms`,
  );

  const FRAMES_ONLY = process.env.BENCH_ONLY === 'frames';
  let seekMs = NaN;
  let seekMax = NaN;
  let baselineMs = NaN;
  let seekPlainMs = NaN;
  let frames = 0;
  if (!FRAMES_ONLY) {
    await migrate(target);
    // Stored as Prisma stores DateTime in SQLite (ISO text with +00:00), written directly for speed.
    const sqlTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
    const conn = new Database(target.file);
    t = performance.now();
    const insertEvent = conn.prepare(
      'INSERT INTO "PlaybackEvent" (seq, topic, type, entityId, departmentId, districtCode, payload, at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)',
    );
    const insertFrame = conn.prepare('INSERT INTO "PlaybackFrame" (at, seq, state) VALUES (?, ?, ?)');
    let state = emptyLiveState();
    let nextFrame = START + FRAME_MS;
    conn.transaction(() => {
      let run: ReturnType<typeof checkEvent>[] = [];
      for (const e of day.events) {
        const at = Date.parse(e.at);
        while (at > nextFrame) {
          state = foldEvents(state, run);
          run = [];
          insertFrame.run(sqlTime(nextFrame), state.seq ?? 0, Buffer.from(encodeFrame(state)));
          frames++;
          nextFrame += FRAME_MS;
        }
        insertEvent.run(
          e.seq,
          e.topic,
          e.type,
          e.entityId,
          '320508',
          JSON.stringify(e.payload),
          e.at.replace('Z', '+00:00'),
        );
        run.push(checkEvent(e));
      }
    })();
    console.log(`archived the events with ${frames} keyframes in ${Math.round(performance.now() - t)} ms`);
    t = performance.now();
    const insertFix = conn.prepare(
      'INSERT INTO "GpsFix" (vehicleId, at, lon, lat, heading, speedKmh) VALUES (?, ?, ?, ?, ?, ?)',
    );
    conn.transaction(() => {
      for (const f of day.fixes)
        insertFix.run(f.vehicleId, f.at.replace('Z', '+00:00'), f.lon, f.lat, f.heading, f.speedKmh);
    })();
    conn.close();
    console.log(`stored ${day.fixes.length} GPS fixes in ${Math.round(performance.now() - t)} ms`);

    const db = await createDb(target);
    const reader = new PlaybackReader(db);
    const random = prng(15);
    const moments = Array.from({ length: SEEKS }, () => START + Math.floor(random() * 86_400_000));
    await reader.stateAt(day.endMs); // warm the client and the page cache (a frame no moment starts from)
    const seeks: number[] = [];
    let shown = { cases: 0, alarms: 0, incidents: 0, units: 0, vehicles: 0 };
    for (const at of moments) {
      const t0 = performance.now();
      // what the renderer asks (`?form=frame`) and folds (PlaybackStateAnswer, without the schema check)
      const parsed = stateOfFrameAnswer(JSON.parse(await reader.stateFrameAt(at))) as PlaybackState;
      seeks.push(performance.now() - t0);
      shown = {
        cases: parsed.cases.length,
        alarms: parsed.alarms.length,
        incidents: parsed.incidents.length,
        units: parsed.units?.length ?? 0,
        vehicles: parsed.vehicles.length,
      };
    }
    seekMs = quantile(seeks, 0.5);
    seekMax = Math.max(...seeks);
    console.log(
      `seek: median ${r1(seekMs)} ms, max ${r1(Math.max(...seeks))} ms over ${SEEKS} moments (last: ${JSON.stringify(shown)})`,
    );
    // The same seeks answered with the cases as objects (the plain `GET /api/playback/state`).
    const plain: number[] = [];
    for (const at of moments.slice(0, 5)) {
      const t0 = performance.now();
      JSON.parse(JSON.stringify(await reader.stateAt(at)));
      plain.push(performance.now() - t0);
    }
    seekPlainMs = quantile(plain, 0.5);
    console.log(`seek with plain cases: median ${r1(seekPlainMs)} ms over 5 of the moments`);

    // Baseline: the same state folded from the day's first event, read through the same client.
    const baseline: number[] = [];
    for (const at of moments.slice(0, 3)) {
      const t0 = performance.now();
      const rows = await db.playbackEvent.findMany({
        where: { at: { lte: new Date(at) } },
        orderBy: { seq: 'asc' },
      });
      foldEvents(
        emptyLiveState(),
        rows.map((r) =>
          checkEvent({ ...r, at: r.at.toISOString(), payload: JSON.parse(r.payload) as unknown }),
        ),
      );
      baseline.push(performance.now() - t0);
    }
    baselineMs = quantile(baseline, 0.5);
    console.log(`baseline (fold from the start of the day): median ${r1(baselineMs)} ms`);
    await db.$disconnect();
  }

  // Playback at 600x: 10 s of city time per 16.7 ms frame, across the whole day, loaded as the playback
  // service loads it (renderer/src/services/playback.ts): stretches of chunkMs(600) = 30 city minutes,
  // the next one appended (extendCursor) once less than half of the current one is left. The renderer never
  // holds a day of fixes as objects, so neither does this: the day's fixes are packed in typed arrays and
  // each stretch is made into objects when it is "read", as the service's answer would be.
  const CHUNK = chunkMs(600);
  const packed = packFixes(day.fixes);
  day.fixes.length = 0;
  let eventAt = 0;
  let fixAt = 0;
  const stretch = (toMs: number) => {
    const raw: StreamEvent[] = [];
    while (eventAt < day.events.length && Date.parse((day.events[eventAt] as StreamEvent).at) <= toMs)
      raw.push(day.events[eventAt++] as StreamEvent);
    const fixes: PlaybackFix[] = [];
    while (fixAt < packed.count && (packed.at[fixAt] as number) <= toMs) fixes.push(packed.fix(fixAt++));
    return { raw: fixes, events: loadEvents(raw), fixes: loadFixes(fixes) };
  };
  const first = stretch(START + CHUNK);
  let cursor = cursorAt(
    { atMs: START, state: emptyLiveState(), vehicles: vehiclesAt(first.raw, START) },
    first.events,
    first.fixes,
    START + CHUNK,
  );
  const extends_: number[] = [];
  /** CPU time of the same step and map-wall work (the process's, so GC threads count; waiting for a core does not) */
  const uiCpu: number[] = [];
  const steps: number[] = [];
  const views: number[] = [];
  const uiSteps: number[] = [];
  const live = { live: emptyLiveState, onLive: () => () => undefined, onTopic: () => () => undefined };
  const picture = createPicture(live);
  let told = 0;
  picture.onLive(() => told++);
  picture.onTopic(() => told++);
  const tails = tailsAt(first.fixes, START);
  for (let at = START + 10_000; at <= day.endMs; at += 10_000) {
    if (cursor.loadedToMs < day.endMs && cursor.loadedToMs - cursor.atMs <= CHUNK / 2) {
      const toMs = Math.min(day.endMs, cursor.loadedToMs + CHUNK);
      const more = stretch(toMs);
      const e0 = performance.now();
      cursor = extendCursor(cursor, more.events, more.fixes, toMs);
      extends_.push(performance.now() - e0);
    }
    const { nextEvent, nextFix } = cursor;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const next = stepTo(cursor, at);
    const t1 = performance.now();
    if (!next) throw new Error(`step to ${new Date(at).toISOString()} needed a seek`);
    cursor = next;
    steps.push(t1 - t0);
    const stepFixes = next.fixes.slice(nextFix, next.nextFix);
    picture.show(
      { kind: 'step', atMs: at, state: next.state, vehicles: next.vehicles, fixes: stepFixes },
      topicsOf(next.events, nextEvent, next.nextEvent),
    );
    advance(tails, stepFixes, at);
    uiSteps.push(performance.now() - t0);
    const cpu = process.cpuUsage(c0);
    uiCpu.push((cpu.user + cpu.system) / 1000);
    if (steps.length % 60 === 0) {
      const v0 = performance.now();
      cursorView(cursor);
      views.push(performance.now() - v0);
    }
  }
  const frameP99 = quantile(steps, 0.99);
  const uiP99 = quantile(uiSteps, 0.99);
  console.log(
    `frames at 600x with the map wall's work (topics, picture, tails): p50 ${r3(quantile(uiSteps, 0.5))} ms, ` +
      `p99 ${r3(uiP99)} ms (${told} notifications, ${tails.size} tails)`,
  );
  console.log(
    `frames at 600x: ${steps.length}, p50 ${r3(quantile(steps, 0.5))} ms, p99 ${r3(frameP99)} ms, max ${r3(Math.max(...steps))} ms; ` +
      `full view arrays (cases, alarms, incidents, vehicles) p99 ${r3(quantile(views, 0.99))} ms`,
  );
  const cpuP99 = quantile(uiCpu, 0.99);
  console.log(
    `the same with the map wall's work in CPU time (not waiting for one of the shared cores): p50 ${r3(quantile(uiCpu, 0.5))} ms, p99 ${r3(cpuP99)} ms`,
  );
  console.log(
    `stretches of ${CHUNK / 60_000} city minutes appended: ${extends_.length}, max ${r3(Math.max(...extends_))} ms each (on an answer, not in a frame)`,
  );
  console.log(
    JSON.stringify({
      bench: 'playback',
      cases: CASES,
      vehicles: VEHICLES,
      events: day.events.length,
      fixes: packed.count,
      keyframes: frames,
      seek_ms: r1(seekMs),
      seek_max_ms: r1(seekMax),
      seek_baseline_ms: r1(baselineMs),
      seek_baseline_ratio: r1(baselineMs / seekMs),
      seek_plain_ms: r1(seekPlainMs),
      frame_ms_p99: r3(frameP99),
      frame_view_ms_p99: r3(quantile(views, 0.99)),
      frame_ui_ms_p99: r3(uiP99),
      frame_ui_ratio: r1(uiP99 / frameP99),
      frame_ui_cpu_ms_p99: r3(cpuP99),
      extend_ms_max: r3(Math.max(...extends_)),
      targets: { seek_ms: 500, frame_ms_p99: 16 },
    }),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
