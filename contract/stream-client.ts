// The client side of the resumable stream, shared by the renderer and the tests. Pure TypeScript over a
// socket.io-client Socket (type import only): no DOM, no Node.
//
//   const stream = createStreamClient(socket, {
//     onSnapshot: (snapshot) => store.replaceLive(snapshot),   // replaces everything the client had
//     onEvent: (event) => store.applyLive(event),               // each seq exactly once, in order
//   });
//
// On every `connect` it asks `stream:resume` with the last applied position (ack with timeout, retried
// while connected). Each batch says which range (from, to] it covers: events at or below the position are
// dropped (duplicates), and a batch that starts after the position means something was missed, so the
// client asks to resume from its position instead of applying it.
import type { Socket } from 'socket.io-client';
import { decodeCaseColumns } from './case-columns';
import type { ClientToServerEvents, ServerToClientEvents } from './socket';
import {
  StreamBatch,
  StreamSnapshot,
  type ResumeResult,
  type StreamEvent,
  type StreamSnapshotWire,
} from './stream';

/** The longest a resume waits for its answer: ackTimeoutMs × 2^this. */
const MAX_BACKOFF_DOUBLINGS = 3;

export type StreamSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface StreamClientOptions {
  onEvent(event: StreamEvent): void;
  onSnapshot(snapshot: StreamSnapshot): void;
  /** after each completed resume */
  onResumed?(result: ResumeResult): void;
  /** the server refused (e.g. not logged in) or sent something invalid */
  onError?(message: string): void;
  /** the position advanced (persist it if the client should resume across page reloads) */
  onPosition?(seq: number): void;
  /** a position persisted earlier; null (default) starts with a snapshot */
  initialSeq?: number | null;
  /** how long the first resume waits for its answer (default 10 s); retries after no answer wait longer */
  ackTimeoutMs?: number;
  /** validate batches and snapshots with zod (default true) */
  validate?: boolean;
}

export interface StreamClient {
  /** last applied position, null before the first snapshot */
  readonly lastSeq: number | null;
  /** true between a resume request and its answer */
  readonly resuming: boolean;
  /** ask for everything after the current position (done on every connect already) */
  resume(): Promise<void>;
  /** detach the listeners (the socket itself stays open) */
  stop(): void;
}

export function createStreamClient(socket: StreamSocket, options: StreamClientOptions): StreamClient {
  const { ackTimeoutMs = 10_000, validate = true } = options;
  let lastSeq: number | null = options.initialSeq ?? null;
  let inFlight = false;
  let again = false;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** resumes in a row that got no answer in time */
  let timeouts = 0;

  const advance = (seq: number) => {
    if (lastSeq === null || seq > lastSeq) {
      lastSeq = seq;
      options.onPosition?.(seq);
    }
  };

  const resume = async (): Promise<void> => {
    if (stopped || !socket.connected) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    clearTimeout(retryTimer);
    try {
      // A server that took too long is busy (a big snapshot, many clients at once): each retry waits
      // twice as long for its answer (up to 8×), instead of asking it for one more snapshot every 10 s.
      const waitMs = ackTimeoutMs * 2 ** Math.min(timeouts, MAX_BACKOFF_DOUBLINGS);
      const result = await socket.timeout(waitMs).emitWithAck('stream:resume', { lastSeq });
      timeouts = 0;
      if (result.ok) options.onResumed?.(result.data);
      else options.onError?.(result.error);
    } catch {
      // No answer in time: ask again while the link is up (a reconnection asks by itself).
      timeouts++;
      if (!stopped && socket.connected) retryTimer = setTimeout(() => void resume(), 1_000);
    } finally {
      inFlight = false;
    }
    if (again) {
      again = false;
      await resume();
    }
  };

  const onSnapshot = (wire: StreamSnapshotWire) => {
    let raw = wire as StreamSnapshot;
    // Cases in columns (asked for in the handshake): back to objects, then validated like `cases`.
    if (wire && typeof wire === 'object' && wire.cases === undefined && 'caseColumns' in wire) {
      const { caseColumns, ...rest } = wire;
      const cases = decodeCaseColumns(caseColumns);
      if (!cases) return options.onError?.('invalid stream:snapshot: malformed caseColumns');
      raw = { ...rest, cases } as unknown as StreamSnapshot;
    }
    let snapshot = raw;
    if (validate) {
      const parsed = StreamSnapshot.safeParse(raw);
      if (!parsed.success) return options.onError?.(`invalid stream:snapshot: ${parsed.error.message}`);
      snapshot = parsed.data;
    }
    lastSeq = snapshot.headSeq;
    options.onSnapshot(snapshot);
    options.onPosition?.(snapshot.headSeq);
  };

  const onBatch = (raw: StreamBatch) => {
    let batch = raw;
    if (validate) {
      const parsed = StreamBatch.safeParse(raw);
      if (!parsed.success) return options.onError?.(`invalid stream:events: ${parsed.error.message}`);
      batch = parsed.data;
    }
    if (lastSeq === null) return; // not resumed yet: the resume answer covers this range
    if (batch.from > lastSeq) {
      // Something between lastSeq and from never arrived. While a resume is under way, the server sent
      // this batch before handling it (it stops live batches until the replay is done): no second resume.
      if (!inFlight) void resume();
      return;
    }
    for (const event of batch.events) {
      if (event.seq <= lastSeq) continue;
      options.onEvent(event);
      lastSeq = event.seq;
    }
    advance(batch.to);
  };

  const onConnect = () => {
    timeouts = 0; // a new connection (maybe to another node) starts with the first wait again
    void resume();
  };
  socket.on('connect', onConnect);
  socket.on('stream:snapshot', onSnapshot);
  socket.on('stream:events', onBatch);
  if (socket.connected) void resume();

  return {
    get lastSeq() {
      return lastSeq;
    },
    get resuming() {
      return inFlight;
    },
    resume,
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      socket.off('connect', onConnect);
      socket.off('stream:snapshot', onSnapshot);
      socket.off('stream:events', onBatch);
    },
  };
}
