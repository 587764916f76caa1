// Real socket.io-client clients for live tests: a typed socket plus the shared resumable stream helper,
// recording every event it applies and folding them into the shared LiveState model.
import { io } from 'socket.io-client';
import { applyEvents, applySnapshot, emptyLiveState, type LiveState } from '@contract/live-state';
import { createStreamClient, type StreamClient, type StreamSocket } from '@contract/stream-client';
import type { ClientAuth } from '@contract/socket';
import type { ResumeResult, StreamEvent, StreamSnapshot } from '@contract/stream';

export async function waitUntil(
  what: string | (() => string),
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  everyMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`,
      );
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface ClientOptions {
  token?: string;
  transports?: Array<'websocket' | 'polling'>;
  /** reconnect quickly in tests */
  reconnectionDelay?: number;
  autoConnect?: boolean;
  /** ask for snapshots with the cases in columns, as the renderer does */
  snapshot?: 'columns';
}

export function openSocket(url: string, options: ClientOptions = {}): StreamSocket {
  return io(url, {
    transports: options.transports ?? ['websocket'],
    auth: {
      ...(options.token ? { token: options.token } : {}),
      ...(options.snapshot ? { snapshot: options.snapshot } : {}),
    } satisfies ClientAuth,
    reconnectionDelay: options.reconnectionDelay ?? 100,
    reconnectionDelayMax: 500,
    randomizationFactor: 0,
    timeout: 5_000,
    forceNew: true,
    autoConnect: options.autoConnect ?? true,
  });
}

export function connected(socket: StreamSocket, timeoutMs = 10_000): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not connect')), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A logged-in client that follows the stream and records what it applied. */
export class Recorder {
  readonly socket: StreamSocket;
  readonly stream: StreamClient;
  readonly events: StreamEvent[] = [];
  readonly snapshots: StreamSnapshot[] = [];
  readonly resumes: ResumeResult[] = [];
  readonly errors: string[] = [];
  state: LiveState = emptyLiveState();

  constructor(url: string, options: ClientOptions & { initialSeq?: number | null } = {}) {
    this.socket = openSocket(url, options);
    this.stream = createStreamClient(this.socket, {
      initialSeq: options.initialSeq ?? null,
      ackTimeoutMs: 20_000,
      onEvent: (event) => {
        this.events.push(event);
        this.state = applyEvents(this.state, [event]);
      },
      onSnapshot: (snapshot) => {
        this.snapshots.push(snapshot);
        this.state = applySnapshot(this.state, snapshot);
      },
      onResumed: (result) => this.resumes.push(result),
      onError: (message) => this.errors.push(message),
    });
    // A refused handshake (e.g. `unauthorized`) is not retried by socket.io: say so when a wait times out.
    this.socket.on('connect_error', (err) => {
      const code = (err as Error & { data?: { code?: string } }).data?.code;
      this.errors.push(`connect_error${code ? ` (${code})` : ''}: ${err.message}`);
    });
  }

  get seqs(): number[] {
    return this.events.map((e) => e.seq);
  }

  /** Resolves once the client's position reached `seq`. */
  reach(seq: number, timeoutMs = 15_000): Promise<void> {
    return waitUntil(
      () => `position ${seq} (at ${this.stream.lastSeq})${this.lastErrors()}`,
      () => (this.stream.lastSeq ?? -1) >= seq,
      timeoutMs,
    );
  }

  resumed(count = 1, timeoutMs = 15_000): Promise<void> {
    return waitUntil(
      () => `${count} resume(s)${this.lastErrors()}`,
      () => this.resumes.length >= count,
      timeoutMs,
    );
  }

  private lastErrors(): string {
    return this.errors.length ? `; last errors: ${this.errors.slice(-3).join(' | ')}` : '';
  }

  close(): void {
    this.stream.stop();
    this.socket.close();
  }
}

/** Seqs must be strictly increasing (in order, none twice). */
export function assertOrderedOnce(seqs: readonly number[]): string | null {
  for (let i = 1; i < seqs.length; i++) {
    if (seqs[i]! <= seqs[i - 1]!) return `seq ${seqs[i]} after ${seqs[i - 1]} at index ${i}`;
  }
  return null;
}
