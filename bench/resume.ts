// `npm run bench -- resume`: a client is away while 10,000 events are written (the volume of 60 s at
// about 167 events/s; written as fast as the database takes them, with timestamps spread over the last
// 60 s, instead of sleeping a minute), then reconnects: time from connect() until it has applied
// everything (handshake, auth, resume, replay, client-side zod validation), events lost and duplicated.
// The client (socket.io-client + the shared stream helper) runs in the same process as the server, so
// the figure is pessimistic: decoding and replaying share one event loop. BENCH_EVENTS overrides 10,000.
import fs from 'node:fs';
import { io } from 'socket.io-client';
import { createStreamClient, type StreamSocket } from '@contract/stream-client';
import type { ResumeResult } from '@contract/stream';
import { login } from '../server/src/auth/sessions';
import { appendOutbox } from '../server/src/db/outbox';
import { startStreamBenchServer } from './_stream-server';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const AWAY_MS = 60_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const { dir, server, ctx, summary } = await startStreamBenchServer('resume');
const token = (await login(ctx, 'supervisor', 'demo123'))!.token;

const socket: StreamSocket = io(server.url, {
  transports: ['websocket'],
  auth: { token },
  reconnection: false,
});
const arrivals = new Map<number, number>();
socket.on('stream:events', (batch) => {
  for (const e of batch.events) arrivals.set(e.seq, (arrivals.get(e.seq) ?? 0) + 1);
});
const resumes: ResumeResult[] = [];
const applied: number[] = [];
const stream = createStreamClient(socket, {
  onEvent: (e) => applied.push(e.seq),
  onSnapshot: () => undefined,
  onResumed: (r) => resumes.push(r),
});
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setImmediate(r));
};
await until(() => resumes.length === 1);

async function writeAway(): Promise<number[]> {
  const seqs: number[] = [];
  const start = Date.now() - AWAY_MS;
  for (let i = 0; i < EVENTS; i += 50) {
    const written = await ctx.db.$transaction(async (tx) => {
      const out: number[] = [];
      for (let j = i; j < Math.min(EVENTS, i + 50); j++) {
        const at = new Date(start + Math.floor((j * AWAY_MS) / EVENTS));
        const entry = { case: { ...summary, version: j + 2, updatedAt: at.toISOString() } };
        out.push(
          await appendOutbox(
            tx,
            {
              topic: 'case',
              type: 'case.changed',
              entityId: summary.id,
              departmentId: null,
              districtCode: summary.districtCode,
              payload: entry,
            },
            at,
          ),
        );
      }
      return out;
    });
    seqs.push(...written);
    ctx.bus.notifyOutbox();
  }
  return seqs;
}

const results: Array<{ ms: number; lost: number; duplicates: number; mode: string }> = [];
for (let round = 1; round <= ROUNDS; round++) {
  socket.disconnect();
  arrivals.clear();
  applied.length = 0;
  const writeStart = performance.now();
  const written = await writeAway();
  const writeMs = performance.now() - writeStart;
  await server.live.streamer.settled();
  const head = written.at(-1)!;

  const t0 = performance.now();
  socket.connect();
  await until(() => (stream.lastSeq ?? 0) >= head && resumes.length === round + 1);
  const ms = performance.now() - t0;
  const got = new Set(applied);
  const lost = written.filter((s) => !got.has(s)).length;
  const duplicates = [...arrivals.values()].reduce((n, c) => n + c - 1, 0) + (applied.length - got.size);
  const mode = resumes.at(-1)!.mode;
  results.push({ ms, lost, duplicates, mode });
  console.log(
    `round ${round}: ${EVENTS} events written in ${Math.round(writeMs)} ms while away; caught up in ${ms.toFixed(0)} ms ` +
      `(${mode}, ${resumes.at(-1)!.replayed} replayed), lost ${lost}, duplicates ${duplicates}`,
  );
}
stream.stop();
socket.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });

const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(
  `catch-up median of ${ROUNDS}: ${median.toFixed(0)} ms (target < 1000 ms: ${median < 1000 ? 'met' : 'missed'})`,
);
console.log(
  JSON.stringify({
    bench: 'resume',
    events: EVENTS,
    rounds: ROUNDS,
    catchup_ms: Math.round(median),
    catchup_ms_all: results.map((r) => Math.round(r.ms)),
    lost: results.reduce((n, r) => n + r.lost, 0),
    duplicates: results.reduce((n, r) => n + r.duplicates, 0),
    mode: results.every((r) => r.mode === 'replay') ? 'replay' : 'mixed',
  }),
);
