// `npm run bench -- ingest [--seconds 15] [--rate 1400] [--pg]`: sensor ingest with alarm evaluation on one
// node (--pg: on a throwaway PostgreSQL, bench/_pg.ts, plus the raw baseline of `pg` inserting the same
// readings, 4 connections x batches of 500, for --seconds).
// Phase 1 (throughput): closed loop, 4 batches of 500 readings in flight, for --seconds: readings/s.
// Phase 2 (latency): open loop at --rate readings/s in batches of 100 (a gateway posting every 70 ms);
// 60 gas sensors cycle through leaks (30 %LEL twice: raise; 5 %LEL twice: clear). Latency = from
// sending the batch with the triggering reading to the outbox commit + bus notify of the alarm
// change (what the live layer streams from). Last line: one JSON object.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/src/config';
import { memoryLogger } from '../server/src/log';
import { startServer } from '../server/src/server';
import { benchDatabase, usePg } from './_pg';
import { rawPgReadings } from './_ingest-pg';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 15);
const rate = arg('rate', 1400);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-bench-'));
const database = await benchDatabase('ingest');
const logs = memoryLogger();
const server = await startServer(
  loadConfig({
    PORT: '0',
    SIM: '0',
    OPEN: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  }),
  {
    log: logs,
  },
);
const sensors = [...server.iot.engine.sensors.values()].map((s) => s.info);
const gas = sensors.filter((s) => s.type === 'gas').slice(0, 60);
const normal = new Map<string, number>([
  ['gas', 1],
  ['water_pressure', 0.3],
  ['drainage_level', 35],
  ['heating_temp', 80],
  ['bridge_strain', 100],
  ['bridge_tilt', 0.05],
  ['manhole_cover', 1],
  ['street_light', 0],
  ['septic_gas', 2],
]);
let notifyAt = 0;
server.ctx.bus.onOutbox(() => {
  notifyAt = performance.now();
});

let cursor = 0;
let leakStep = 0;
/** A batch of readings; every call also advances the leak cycle of the gas sensors. */
function batch(size: number) {
  const readings = [];
  const step = leakStep++;
  const phase = step % 4; // 0,1: high (raise on the 2nd), 2,3: low (clear on the 2nd)
  const leaking = gas[Math.floor(step / 4) % gas.length] as (typeof gas)[number];
  readings.push({ sensorId: leaking.id, value: phase < 2 ? 30 : 5 });
  while (readings.length < size) {
    const s = sensors[cursor++ % sensors.length] as (typeof sensors)[number];
    if (gas.includes(s)) continue;
    readings.push({ sensorId: s.id, value: (normal.get(s.type) ?? 0) * (0.95 + Math.random() * 0.1) });
  }
  return readings;
}

const headers = { 'content-type': 'application/json', 'x-ingest-key': server.ingestKey };
async function post(readings: unknown[]) {
  const sent = performance.now();
  const before = notifyAt;
  const res = await fetch(`${server.url}/api/ingest/readings`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ readings }),
  });
  const body = (await res.json()) as { accepted: number; raised: number; cleared: number; escalated: number };
  if (res.status !== 200) {
    const errors = logs.lines.filter((l) => l.level === 'error').slice(-3);
    throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)} ${JSON.stringify(errors)}`);
  }
  const changed = body.raised + body.cleared + body.escalated;
  return {
    accepted: body.accepted,
    alarmMs: changed && notifyAt !== before ? notifyAt - sent : null,
    requestMs: performance.now() - sent,
  };
}

// Phase 1: throughput.
let accepted = 0;
const t0 = performance.now();
const until = t0 + seconds * 1000;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (performance.now() < until) accepted += (await post(batch(500))).accepted;
  }),
);
const readingsPerS = Math.round(accepted / ((performance.now() - t0) / 1000));
console.log(
  `throughput: ${accepted} readings in ${seconds} s = ${readingsPerS} readings/s (4 x 500 in flight)`,
);

// Phase 2: latency at a fixed rate.
const latencies: number[] = [];
const requests: number[] = [];
const perBatch = 100;
const interval = (1000 * perBatch) / rate;
let sent = 0;
const inflight: Array<Promise<void>> = [];
const start = performance.now();
for (let i = 0; performance.now() - start < seconds * 1000; i++) {
  const due = start + i * interval;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  sent += perBatch;
  inflight.push(
    post(batch(perBatch)).then((r) => {
      requests.push(r.requestMs);
      if (r.alarmMs !== null) latencies.push(r.alarmMs);
    }),
  );
}
await Promise.all(inflight);
const achieved = Math.round(sent / ((performance.now() - start) / 1000));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number) * 10) / 10
    : null;
};
console.log(
  `latency at ${achieved} readings/s: ${latencies.length} alarm changes, ingest -> outbox+notify p50 ${pct(latencies, 50)} ms, p99 ${pct(latencies, 99)} ms; request p99 ${pct(requests, 99)} ms`,
);
const alarms = await server.ctx.db.alarm.count();
await server.close();
const raw = usePg ? await rawPgReadings(database.url, sensors, seconds) : null;
database.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
if (raw) {
  console.log(
    `raw pg inserts of the same readings: ${raw} readings/s; ours/raw ${((readingsPerS / raw) * 100).toFixed(1)} % (targets on PostgreSQL: ≥ 10,000 readings/s, p99 ≤ 100 ms)`,
  );
}
console.log(
  JSON.stringify({
    database: usePg ? 'postgresql' : 'sqlite',
    readings_per_s: readingsPerS,
    ...(raw ? { raw_pg_readings_per_s: raw, ratio: Math.round((readingsPerS / raw) * 1000) / 1000 } : {}),
    p99_ms: pct(latencies, 99),
    p50_ms: pct(latencies, 50),
    latency_rate_readings_per_s: achieved,
    alarm_changes_measured: latencies.length,
    request_p99_ms: pct(requests, 99),
    alarms_written: alarms,
  }),
);
