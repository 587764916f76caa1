// Child process of bench/fanout.ts: opens the clients, measures end-to-end latency (receive time - the
// producer's `sentAt` in each event) into a histogram, and reports over IPC.
//
// Two hundred full socket.io-client instances cannot decode 1,000 events/s each on the 1-2 cores a
// test machine has left after the server, so the bench would measure this process, not the server.
// Most clients are therefore thin: a real WebSocket speaking the Engine.IO/Socket.IO protocol (handshake
// with the session token, `stream:resume` with an ack, heartbeats) that scans each frame for `sentAt`
// instead of building objects. A few full clients (socket.io-client + the shared stream helper with zod
// validation) check that what arrives is complete, ordered and unique. The raw `ws` clients scan frames
// the same way, so both phases pay the same client cost.
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { createStreamClient, type StreamSocket } from '@contract/stream-client';

type Command =
  | { cmd: 'io'; url: string; tokens: string[]; full: number; urls?: string[] }
  | { cmd: 'ws'; url: string; count: number }
  | { cmd: 'measure'; on: boolean }
  | { cmd: 'report' }
  | { cmd: 'close' };

const BUCKET_MS = 0.1;
const hist = new Uint32Array(300_000); // up to 30 s
let measuring = false;
let received = 0;
let cpuAt = process.cpuUsage();
let wallAt = performance.now();
const full: Array<{ seqs: number[] }> = [];
const closers: Array<() => void> = [];
const now = () => performance.timeOrigin + performance.now();

function record(sentAt: number, t: number): void {
  if (!measuring) return;
  received++;
  hist[Math.min(hist.length - 1, Math.max(0, Math.round((t - sentAt) / BUCKET_MS)))]!++;
}

const KEY = Buffer.from('"sentAt":');
/** Finds every `"sentAt":<number>` in a frame without decoding it (Buffer.indexOf is native). */
function scan(frame: Buffer): void {
  const t = now();
  for (let i = frame.indexOf(KEY); i !== -1; i = frame.indexOf(KEY, i + KEY.length)) {
    const start = i + KEY.length;
    record(parseFloat(frame.toString('latin1', start, start + 24)), t);
  }
}

const EVENTS_PREFIX = '42["stream:events"';
/** A thin Socket.IO client: Engine.IO v4 over a WebSocket, namespace "/", auth {token}. */
function thinIo(url: string, token: string): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    ws.on('message', (data: Buffer) => {
      const head = data.toString('latin1', 0, EVENTS_PREFIX.length);
      if (head === EVENTS_PREFIX) return scan(data);
      if (head === '2') return ws.send('3'); // ping → pong
      if (head.startsWith('0')) return ws.send(`40${JSON.stringify({ token })}`);
      if (head.startsWith('40')) return ws.send('420["stream:resume",{"lastSeq":null}]');
      if (head.startsWith('430')) return resolve();
    });
    closers.push(() => ws.close());
  });
}

function fullIo(url: string, token: string): Promise<void> {
  return new Promise((resolve) => {
    const socket: StreamSocket = io(url, { transports: ['websocket'], auth: { token }, forceNew: true });
    const mine = { seqs: [] as number[] };
    full.push(mine);
    const stream = createStreamClient(socket, {
      onEvent: (e) => {
        if (!measuring) return;
        mine.seqs.push(e.seq);
        const sentAt = (e.payload as { sentAt?: unknown } | null)?.sentAt;
        if (typeof sentAt === 'number') record(sentAt, now());
      },
      onSnapshot: () => undefined,
      onResumed: () => resolve(),
    });
    closers.push(() => {
      stream.stop();
      socket.close();
    });
  });
}

function thinWs(url: string): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('open', () => resolve());
    ws.on('message', (data: Buffer) => scan(data));
    closers.push(() => ws.close());
  });
}

function percentile(p: number): number {
  const total = hist.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i]!;
    if (seen >= total * p) return i * BUCKET_MS;
  }
  return NaN;
}

/** Full clients: events in order, none twice; how many each got. */
function checkFull() {
  let disorder = 0;
  const counts = full.map((f) => {
    for (let i = 1; i < f.seqs.length; i++) if (f.seqs[i]! <= f.seqs[i - 1]!) disorder++;
    return f.seqs.length;
  });
  return { fullCounts: counts, fullDisorder: disorder };
}

process.on('message', async (message: Command) => {
  switch (message.cmd) {
    case 'io':
      await Promise.all(
        message.tokens.map((token, i) =>
          i < message.full
            ? fullIo(message.urls?.[i % message.urls.length] ?? message.url, token)
            : thinIo(message.urls?.[i % message.urls.length] ?? message.url, token),
        ),
      );
      break;
    case 'ws':
      await Promise.all(Array.from({ length: message.count }, () => thinWs(message.url)));
      break;
    case 'measure':
      measuring = message.on;
      if (message.on) {
        hist.fill(0);
        received = 0;
        cpuAt = process.cpuUsage();
        wallAt = performance.now();
      }
      break;
    case 'report': {
      const used = process.cpuUsage(cpuAt);
      process.send!({
        received,
        p50: percentile(0.5),
        p99: percentile(0.99),
        max: percentile(1),
        cpu: (used.user + used.system) / 1000 / (performance.now() - wallAt),
        ...checkFull(),
      });
      return;
    }
    case 'close':
      for (const close of closers.splice(0)) close();
      full.length = 0;
      break;
  }
  process.send!({ done: message.cmd });
});
