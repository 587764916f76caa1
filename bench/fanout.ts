// `npm run bench -- fanout`: 200 clients, 1,000 events/s for 30 s through the real path (outbox rows
// written in transactions → streamer → Socket.IO rooms → socket.io-client + the shared stream helper),
// then the same payloads at the same rate through a raw `ws` broadcast, in the same run. Clients live in a
// child process (bench/_fanout-clients.ts). Prints end-to-end latency p50/p99 and delivered throughput.
// BENCH_CLIENTS, BENCH_RATE, BENCH_SECONDS override the defaults. `--pg` runs on a throwaway PostgreSQL
// (bench/_pg.ts); `--nodes 2` (with --pg) adds a second node in a child process and spreads the clients
// over both (events are written on the first node; the second follows the shared outbox, ADR 0008).
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { outboxRow, type OutboxEntry } from '../server/src/db/outbox';
import { login } from '../server/src/auth/sessions';
import { startStreamBenchServer } from './_stream-server';
import { benchDatabase, usePg } from './_pg';
import { freePort, spawnServer, type ChildServer } from '../tests/support/child-server';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const TICK_MS = 5;
/** clients that use socket.io-client and the shared stream helper (the others speak the protocol thinly) */
const FULL_CLIENTS = Math.min(CLIENTS, Number(process.env.BENCH_FULL_CLIENTS ?? 4));

const nodesAt = process.argv.indexOf('--nodes');
const NODES = nodesAt > 0 ? Number(process.argv[nodesAt + 1]) : 1;
if (NODES > 1 && !usePg) throw new Error('--nodes needs --pg (several nodes share one PostgreSQL)');
const database = await benchDatabase('fanout');
const { dir, server, ctx, summary } = await startStreamBenchServer('fanout', {
  STREAM_BATCH_MS: process.env.STREAM_BATCH_MS ?? '',
  ...(database.url ? { DATABASE_URL: database.url } : {}),
});
const others: ChildServer[] = [];
for (let n = 1; n < NODES; n++) {
  others.push(
    await spawnServer({
      DATABASE_URL: database.url,
      NODE_ID: `bench-${n}`,
      PORT: String(await freePort()),
      DATA_DIR: path.join(dir, `node-${n}`),
      LOG_LEVEL: 'error',
      ...(process.env.STREAM_BATCH_MS ? { STREAM_BATCH_MS: process.env.STREAM_BATCH_MS } : {}),
    }),
  );
}
const nodeUrls = [server.url, ...others.map((o) => o.url)];
const eventBytes = JSON.stringify({
  seq: 1,
  topic: 'case',
  type: 'case.changed',
  entityId: summary.id,
  at: '',
  payload: { case: summary, sentAt: 0 },
}).length;

// By default every client may see every event (the same deliveries as the raw broadcast, so throughputs
// compare); BENCH_MIXED=1 adds handlers, who get only their department's events (more audiences).
const MIXED = process.env.BENCH_MIXED === '1';
const users = ['supervisor', 'dispatcher', 'commander', 'leader'];
if (MIXED) users.push('handler.gas', 'handler.water', 'handler.sanitation');
const tokens: string[] = [];
for (const u of users) tokens.push((await login(ctx, u, 'demo123'))!.token);
const departments = ['gas', 'water', 'sanitation', 'cityadmin'];

const clients: ChildProcess = fork(path.resolve('bench/_fanout-clients.ts'), [], {
  execArgv: ['--import', 'tsx'],
});
interface Report {
  received: number;
  p50: number;
  p99: number;
  max: number;
  cpu: number;
  fullCounts: number[];
  fullDisorder: number;
}
const ask = (message: object) =>
  new Promise<Report>((resolve) => {
    clients.once('message', (reply) => resolve(reply as Report));
    clients.send(message);
  });

/** Runs `emit(count)` at RATE events/s for SECONDS; returns how many were produced. */
async function drive(emit: (n: number, first: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let produced = 0;
  while (performance.now() - started < SECONDS * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE) - produced;
    if (due > 0) {
      await emit(due, produced);
      produced += due;
    }
    await new Promise((r) => setTimeout(r, TICK_MS));
  }
  return produced;
}

/** BENCH_DEBUG=1: once a second, how far the streamer and the sockets' buffers are behind. */
function watch(): () => void {
  if (process.env.BENCH_DEBUG !== '1') return () => undefined;
  const timer = setInterval(async () => {
    const max = (await ctx.db.outbox.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
    let buffered = 0;
    for (const socket of server.io.sockets.sockets.values()) {
      const conn = socket.conn as unknown as {
        writeBuffer: unknown[];
        transport: { socket?: { bufferedAmount?: number } };
      };
      buffered += (conn.transport.socket?.bufferedAmount ?? 0) + conn.writeBuffer.length;
    }
    console.log(
      `  max seq ${max}, streamed ${server.live.streamer.head}, sockets ${server.io.sockets.sockets.size}, buffered ${Math.round(buffered / 1e6)} MB`,
    );
  }, 1000);
  return () => clearInterval(timer);
}

async function phase(name: string, emit: (n: number, first: number) => Promise<void>) {
  const unwatch = watch();
  await ask({ cmd: 'measure', on: true });
  const cpuAt = process.cpuUsage();
  const wallAt = performance.now();
  const produced = await drive(emit);
  await new Promise((r) => setTimeout(r, 1000)); // let the tail arrive
  unwatch();
  await ask({ cmd: 'measure', on: false });
  const used = process.cpuUsage(cpuAt);
  const serverCpu = (used.user + used.system) / 1000 / (performance.now() - wallAt);
  const r = await ask({ cmd: 'report' });
  const expected = name === 'socket.io' ? expectedDeliveries : produced * CLIENTS;
  const throughput = r.received / SECONDS;
  console.log(
    `${name.padEnd(9)} produced ${produced} events, delivered ${r.received} of ${expected} (${((100 * r.received) / expected).toFixed(1)} %), ` +
      `${Math.round(throughput)} deliveries/s, latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; CPU server ${pct(serverCpu)}, clients ${pct(r.cpu)} of a core`,
  );
  return { ...r, throughput, expected, serverCpu, produced };
}

// ---- phase 1: the real stream ----
console.log(
  `fanout: ${CLIENTS} clients over ${NODES} node(s) on ${usePg ? 'PostgreSQL' : 'SQLite'}, ${RATE} events/s for ${SECONDS} s, ~${eventBytes} bytes per event`,
);
const clientTokens = Array.from({ length: CLIENTS }, (_, i) => tokens[i % tokens.length]!);
await ask({ cmd: 'io', url: server.url, urls: nodeUrls, tokens: clientTokens, full: FULL_CLIENTS });
let expectedDeliveries = 0;
const seesAll = clientTokens.filter((_, i) => i % tokens.length < 4).length;
const perDept = (d: string) =>
  clientTokens.filter((_, i) => users[i % tokens.length] === `handler.${d}`).length;
const io = await phase('socket.io', async (n, first) => {
  const sentAt = performance.timeOrigin + performance.now();
  // At most 100 rows a transaction: a producer that fell behind must not hold one long transaction.
  for (let at = 0; at < n; at += 100) await produce(Math.min(100, n - at), first + at, sentAt);
  ctx.bus.notifyOutbox();
});
// One INSERT for the rows of a tick (at most 100): the bench measures the fan-out, not a writer. Row by
// row through an interactive transaction the producer fell behind the rate on a busy machine.
async function produce(n: number, first: number, sentAt: number) {
  const at = new Date();
  const rows = Array.from({ length: n }, (_, i) => {
    const departmentId = departments[(first + i) % departments.length]!;
    expectedDeliveries += seesAll + perDept(departmentId);
    const entry: OutboxEntry = {
      topic: 'case',
      type: 'case.changed',
      entityId: summary.id,
      departmentId,
      districtCode: summary.districtCode,
      payload: { case: { ...summary, departmentId }, sentAt },
    };
    return outboxRow(entry, at);
  });
  await ctx.db.outbox.createMany({ data: rows });
}
await ask({ cmd: 'close' });
const fullMissing = io.fullCounts.reduce((sum, n) => sum + Math.max(0, io.produced - n), 0);
console.log(
  `full clients (socket.io-client + stream helper, zod-validated): ${io.fullCounts.join(', ')} events of ${io.produced}; ` +
    `out of order or twice: ${io.fullDisorder}`,
);

// ---- phase 2: raw ws broadcast of the same payloads ----
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
await new Promise<void>((r) => wss.once('listening', () => r()));
await ask({ cmd: 'ws', url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}`, count: CLIENTS });
let seq = 0;
const raw = await phase('raw ws', async (n, first) => {
  const sentAt = performance.timeOrigin + performance.now();
  for (let i = 0; i < n; i++) {
    const departmentId = departments[(first + i) % departments.length]!;
    const json = JSON.stringify({
      seq: ++seq,
      topic: 'case',
      type: 'case.changed',
      entityId: summary.id,
      at: new Date().toISOString(),
      payload: { case: { ...summary, departmentId }, sentAt },
    });
    for (const client of wss.clients) client.send(json);
  }
});
await ask({ cmd: 'close' });
clients.kill();
wss.close();
for (const o of others) await o.kill('SIGTERM');
await server.close();
database.stop();
fs.rmSync(dir, { recursive: true, force: true });

// Delivered share of the offered load (RATE events/s × SECONDS × each event's fan-out): a side that cannot
// even produce at the rate, or falls behind, delivers less. Equals the ratio of deliveries per second when
// scopes are not mixed.
const offered = (r: { expected: number; produced: number }) => RATE * SECONDS * (r.expected / r.produced);
const throughputRatio = io.received / offered(io) / (raw.received / offered(raw));
console.log(
  `delivered throughput socket.io / raw ws: ${(100 * throughputRatio).toFixed(1)} %${MIXED ? ' (mixed scopes)' : ''}`,
);
console.log(
  `targets: p99 <= ${usePg ? 100 : 50} ms (${io.p99 <= (usePg ? 100 : 50) ? 'met' : 'missed'}), throughput >= 50 % of raw (${throughputRatio >= 0.5 ? 'met' : 'missed'})`,
);
console.log(
  JSON.stringify({
    bench: 'fanout',
    database: usePg ? 'postgresql' : 'sqlite',
    nodes: NODES,
    clients: CLIENTS,
    mixed_scopes: MIXED,
    rate: RATE,
    seconds: SECONDS,
    event_bytes: eventBytes,
    p50_ms: round(io.p50),
    p99_ms: round(io.p99),
    max_ms: round(io.max),
    delivered: io.received,
    expected: io.expected,
    throughput_per_s: Math.round(io.throughput),
    raw_p50_ms: round(raw.p50),
    raw_p99_ms: round(raw.p99),
    raw_throughput_per_s: Math.round(raw.throughput),
    throughput_ratio: round(throughputRatio, 3),
    full_clients_missing: fullMissing,
    full_clients_disorder: io.fullDisorder,
    server_cpu: round(io.serverCpu, 2),
    clients_cpu: round(io.cpu, 2),
  }),
);

function pct(x: number): string {
  return `${Math.round(100 * x)} %`;
}

function round(x: number, digits = 1): number {
  return Number(x.toFixed(digits));
}
