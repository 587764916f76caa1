// `npm run bench -- province [--minutes 5] [--scale 1]`: a provincial platform (宁夏: five cities on one
// platform) on two nodes and a throwaway PostgreSQL (bench/_pg.ts). Offered at once, for --minutes, open
// loop, requests spread over both nodes:
//   80,000 reports a day (POST /api/cases), 400,000 sensors at one reading a minute (POST /api/ingest/readings
//   in batches of up to 500, gas sensors now and then over the threshold), 1,500 vehicles at one fix per 10 s
//   (POST /api/ingest/positions), 500 connected clients following the live stream (a child process).
// --scale multiplies every rate and the sensor count (0.1 on a shared machine). Sensors beyond the demo city's
// are copies of its sensors (the nodes hold them all in memory). Prints per path: throughput, p50/p99,
// errors; the stream's delay from commit to client; each node's RSS at start and end against a stated bound.
// A 503 (a node full, INGEST_MAX_READINGS) is sent again after its Retry-After, up to 3 times, and counted
// apart from errors; warnings and errors the nodes logged are printed, counted by message, with a sample.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { FORWARDED_HEADER } from '../server/src/alarms/router';
import { partitionOf } from '../server/src/alarms/leases';
import { loadConfig } from '../server/src/config';
import { memoryLogger } from '../server/src/log';
import { startServer } from '../server/src/server';
import { freePort, spawnServer } from '../tests/support/child-server';
import { benchDatabase } from './_pg';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const minutes = arg('minutes', 5);
const scale = arg('scale', 1);
const SENSORS = Math.round(400_000 * scale);
const RATES = {
  reports: (80_000 / 86_400) * scale,
  readings: SENSORS / 60,
  positions: (1_500 / 10) * scale,
};
const CLIENTS = Math.max(2, Math.round(500 * scale));
/** RSS growth allowed from start to end of the run, per node */
const GROWTH_BOUND_MB = 150;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-province-'));
const database = await benchDatabase('province', true);
process.env.INGEST_KEY = 'province-bench-ingest-key-0123456789';
const env = { PORT: '0', SIM: '0', OPEN: '0', LOG_LEVEL: 'warn', DATABASE_URL: database.url };
const logA = memoryLogger();
const a = await startServer(loadConfig({ ...env, DATA_DIR: path.join(dir, 'a'), NODE_ID: 'province-a' }), {
  log: logA,
});

// Province-sized sensor inventory: copies of the demo city's sensors, before node B starts and A reloads.
const sql = new pg.Client({ connectionString: database.url });
await sql.connect();
const have = Number((await sql.query('SELECT count(*) AS n FROM "Sensor"')).rows[0].n);
const copies = Math.max(0, Math.ceil(SENSORS / have) - 1);
if (copies) {
  const cols = (
    await sql.query<{ c: string }>(
      `SELECT quote_ident(column_name) AS c FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'Sensor' AND column_name NOT IN ('id', 'partId')`,
    )
  ).rows.map((r) => r.c);
  await sql.query(
    `INSERT INTO "Sensor" ("id", ${cols.join(', ')}) SELECT s."id" || '-p' || g, ${cols.map((c) => `s.${c}`).join(', ')}
       FROM "Sensor" s, generate_series(1, $1::int) g`,
    [copies],
  );
}
await a.iot.engine.reload(() => true);
const b = await spawnServer(
  { ...env, PORT: String(await freePort()), DATA_DIR: path.join(dir, 'b'), NODE_ID: 'province-b' },
  180_000,
);
const urls = [a.url, b.url];
const sensors = [...a.iot.engine.sensors.values()].map((s) => s.info);
const gas = sensors.filter((s) => s.type === 'gas').slice(0, 200);
const devices = (await (
  await fetch(`${a.url}/api/ingest/devices`, { headers: { 'x-ingest-key': process.env.INGEST_KEY } })
).json()) as { vehicles: Array<{ id: string; lon: number; lat: number }> };
console.log(
  `province: ${sensors.length} sensors, ${devices.vehicles.length} vehicles (fixes cycle over them), ${CLIENTS} clients, 2 nodes, ${minutes} min, scale ${scale}`,
);

const rss = () => ({
  a: Math.round(process.memoryUsage().rss / 1e6),
  b: Math.round(
    Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${b.process.pid}/status`, 'utf8'))?.[1] ?? 0) / 1e3,
  ),
});

const login = async (url: string) =>
  (
    (await (
      await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'supervisor', password: 'demo123' }),
      })
    ).json()) as { token: string }
  ).token;
const token = await login(a.url);

const clients = fork(path.resolve('bench/_province-clients.ts'), [], { execArgv: ['--import', 'tsx'] });
const ask = <T>(message: object) =>
  new Promise<T>((resolve) => {
    clients.once('message', (reply) => resolve(reply as T));
    clients.send(message);
  });
// Steady state before the load: node B has taken its share of the partitions and loaded their sensors.
// One sensor per partition is sent to each node as a forwarded reading (never passed on) until every one
// is accepted by one node; the handover itself is the failover test's subject, not this bench's.
const probes = new Map<number, (typeof sensors)[number]>();
const parts = a.iot.readings.leases?.partitions ?? 32;
for (const s of sensors) if (!probes.has(partitionOf(s.id, parts))) probes.set(partitionOf(s.id, parts), s);
const probe = [...probes.values()].map((s) => ({
  sensorId: s.id,
  value: s.type === 'water_pressure' ? 0.3 : s.type === 'gas' ? 2 : 1,
}));
const settleStart = performance.now();
for (;;) {
  const accepted = await Promise.all(
    urls.map(async (url) => {
      const res = await fetch(`${url}/api/ingest/readings`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-ingest-key': process.env.INGEST_KEY!,
          [FORWARDED_HEADER]: '1',
        },
        body: JSON.stringify({ readings: probe }),
      });
      return res.status < 300 ? ((await res.json()) as { accepted: number }).accepted : 0;
    }),
  );
  if (accepted[0]! + accepted[1]! === probes.size && accepted.every((n) => n > 0)) break;
  if (performance.now() - settleStart > 120_000) throw new Error('the nodes did not share the partitions');
  await new Promise((r) => setTimeout(r, 500));
}
console.log(`  partitions shared after ${Math.round((performance.now() - settleStart) / 1000)} s`);
await ask({ cmd: 'connect', urls, tokens: Array.from({ length: CLIENTS }, () => token) });
await new Promise((r) => setTimeout(r, 3000));
const memStart = rss();

/** refused: 503 answers (the node was full), each sent again after Retry-After; dropped: items still
 *  refused after RETRIES sends (a gateway would keep them longer) */
type Path = {
  sent: number;
  ok: number;
  errors: number;
  refused: number;
  dropped: number;
  /** items answered per item as not accepted (207), e.g. not evaluated in time */
  notAccepted: number;
  items: number;
  ms: number[];
};
const path0 = (): Path => ({
  sent: 0,
  ok: 0,
  errors: 0,
  refused: 0,
  dropped: 0,
  notAccepted: 0,
  items: 0,
  ms: [],
});
const paths: Record<keyof typeof RATES, Path> = { reports: path0(), readings: path0(), positions: path0() };
const RETRIES = 3;
const errorSamples: string[] = [];
let turn = 0;
async function send(name: keyof typeof RATES, url: string, body: unknown, items: number, auth = false) {
  const p = paths[name];
  p.sent++;
  try {
    for (let attempt = 1; ; attempt++) {
      const t = performance.now();
      const res = await fetch(`${urls[turn++ % 2]}${url}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(auth ? { authorization: `Bearer ${token}` } : { 'x-ingest-key': process.env.INGEST_KEY! }),
        },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status === 503 && res.headers.get('retry-after')) {
        p.refused++;
        if (attempt > RETRIES) {
          p.dropped += items;
          return;
        }
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000));
        continue;
      }
      if (res.status >= 300) throw new Error(`${res.status} ${text.slice(0, 200)}`);
      p.ok++;
      // a reading batch says how many it accepted (the rest are answered per item, 207)
      const accepted =
        url === '/api/ingest/readings' ? (JSON.parse(text) as { accepted: number }).accepted : items;
      p.items += accepted;
      if (accepted < items) p.notAccepted += items - accepted;
      p.ms.push(performance.now() - t);
      return;
    }
  } catch (err) {
    p.errors++;
    if (errorSamples.length < 5) errorSamples.push(`${name}: ${(err as Error).message}`);
  }
}

const TICK_MS = 100;
let cursor = 0;
let vehicle = 0;
let leak = 0;
const due = { reports: 0, readings: 0, positions: 0 };
const inflight = new Set<Promise<void>>();
const track = (p: Promise<void>) => {
  inflight.add(p);
  void p.finally(() => inflight.delete(p));
};
const started = performance.now();
const endAt = started + minutes * 60_000;
let lastPrint = started;
while (performance.now() < endAt) {
  for (const k of Object.keys(due) as Array<keyof typeof due>) due[k] += (RATES[k] * TICK_MS) / 1000;
  while (due.reports >= 1) {
    due.reports--;
    const i = paths.reports.sent;
    const body = {
      source: 'hotline',
      categoryId: 'event-0102',
      lon: 119.14 + (i % 80) * 0.001,
      lat: 34.575 + (Math.floor(i / 80) % 60) * 0.0009,
      description: `省级压测 ${i}`,
    };
    track(send('reports', '/api/cases', body, 1, true));
  }
  while (due.readings >= 1) {
    const n = Math.min(500, Math.floor(due.readings));
    due.readings -= n;
    const readings = [];
    const leaking = gas[Math.floor(leak / 4) % gas.length]!;
    readings.push({ sensorId: leaking.id, value: leak++ % 4 < 2 ? 30 : 2 });
    while (readings.length < n) {
      const s = sensors[cursor++ % sensors.length]!;
      if (s.type !== 'gas') readings.push({ sensorId: s.id, value: s.type === 'water_pressure' ? 0.3 : 1 });
    }
    track(send('readings', '/api/ingest/readings', { readings }, readings.length));
  }
  while (due.positions >= 1) {
    const n = Math.min(2000, Math.floor(due.positions));
    due.positions -= n;
    const positions = Array.from({ length: n }, () => {
      const v = devices.vehicles[vehicle++ % devices.vehicles.length]!;
      return { id: v.id, lon: v.lon + Math.random() * 1e-3, lat: v.lat + Math.random() * 1e-3 };
    });
    track(send('positions', '/api/ingest/positions', { positions }, n));
  }
  if (performance.now() - lastPrint > 60_000) {
    lastPrint = performance.now();
    const m = rss();
    console.log(
      `  ${Math.round((lastPrint - started) / 1000)} s: readings ${paths.readings.items}, reports ${paths.reports.ok}, fixes ${paths.positions.items}, in flight ${inflight.size}, 503 ${paths.readings.refused}, RSS A ${m.a} MB, B ${m.b} MB`,
    );
  }
  await new Promise((r) => setTimeout(r, TICK_MS - ((performance.now() - started) % TICK_MS)));
}
await Promise.all([...inflight]);
const seconds = (performance.now() - started) / 1000;
await new Promise((r) => setTimeout(r, 2000));
const memEnd = rss();
const stream = await ask<{ received: number; p50: number | null; p99: number | null; disconnects: number }>({
  cmd: 'report',
});
await ask({ cmd: 'close' });
clients.kill();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]! * 10) / 10 : null;
};
const figures: Record<string, unknown> = {
  bench: 'province',
  minutes,
  scale,
  sensors: sensors.length,
  clients: CLIENTS,
};
for (const [name, p] of Object.entries(paths)) {
  const offered = RATES[name as keyof typeof RATES];
  const perS = Math.round((p.items / seconds) * 100) / 100;
  console.log(
    `${name.padEnd(9)} offered ${offered.toFixed(2)}/s, done ${perS}/s (${p.ok} requests), p50 ${pct(p.ms, 0.5)} ms, p99 ${pct(p.ms, 0.99)} ms, errors ${p.errors}, 503 ${p.refused} (items dropped after ${RETRIES} retries: ${p.dropped}), items not accepted (207) ${p.notAccepted}`,
  );
  figures[`${name}_503`] = p.refused;
  figures[`${name}_dropped`] = p.dropped;
  figures[`${name}_not_accepted`] = p.notAccepted;
  figures[`${name}_per_s`] = perS;
  figures[`${name}_offered_per_s`] = Math.round(offered * 100) / 100;
  figures[`${name}_p50_ms`] = pct(p.ms, 0.5);
  figures[`${name}_p99_ms`] = pct(p.ms, 0.99);
  figures[`${name}_errors`] = p.errors;
}
for (const e of errorSamples) console.log(`  error: ${e}`);
// What the nodes logged as errors (A: in memory; B: its stderr), counted by message, with one sample each.
const nodeErrors = new Map<string, { n: number; sample: string }>();
const noteError = (node: string, r: Record<string, unknown>) => {
  if (r.level !== 'error' && r.level !== 'warn') return;
  const err = r.err as { message?: string } | undefined;
  const key = `${node} ${String(r.level)}: ${String(r.msg)}${r.path ? ` ${String(r.path)}` : ''}`;
  const seen = nodeErrors.get(key) ?? { n: 0, sample: (err?.message ?? '').slice(0, 300) };
  seen.n++;
  nodeErrors.set(key, seen);
};
for (const r of logA.lines) noteError('A', r);
for (const line of b.output.join('').split('\n')) {
  if (!line.startsWith('{')) continue;
  try {
    noteError('B', JSON.parse(line) as Record<string, unknown>);
  } catch {
    // a line split across chunks: skip it
  }
}
for (const [key, { n, sample }] of nodeErrors) console.log(`  node log: ${key} x${n}: ${sample}`);
console.log(
  `stream: ${stream.received} events delivered to ${CLIENTS} clients, commit -> client p50 ${stream.p50} ms, p99 ${stream.p99} ms, disconnects ${stream.disconnects}`,
);
const growth = { a: memEnd.a - memStart.a, b: memEnd.b - memStart.b };
const within = growth.a <= GROWTH_BOUND_MB && growth.b <= GROWTH_BOUND_MB;
console.log(
  `memory (RSS): node A ${memStart.a} -> ${memEnd.a} MB, node B ${memStart.b} -> ${memEnd.b} MB; bound +${GROWTH_BOUND_MB} MB per node: ${within ? 'within' : 'EXCEEDED'}`,
);
await sql.end();
await b.kill('SIGTERM');
await a.close();
database.stop();
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    ...figures,
    stream_events: stream.received,
    stream_p50_ms: stream.p50,
    stream_p99_ms: stream.p99,
    rss_start_mb: memStart,
    rss_end_mb: memEnd,
    rss_bound_mb: GROWTH_BOUND_MB,
    rss_within_bound: within,
  }),
);
