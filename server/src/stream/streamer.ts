// One per node: follows the shared outbox in seq order and hands each settled range to `deliver`
// (which sends it to this node's sockets). Woken by local commits (bus.onOutbox), by other nodes
// (`stream:wake` through the adapter) and by a periodic poll for everything else.
import type { Logger } from '../log';
import type { OutboxRow, OutboxStore } from './outbox-store';
import { Sequencer } from './sequencer';

export interface StreamerOptions {
  pollMs: number;
  batchSize?: number;
  graceMs?: number;
  maxWaitMs?: number;
  /** how far back to look for open gaps at start (PostgreSQL) */
  lookback?: number;
  /**
   * Under load, reads start at most this often (the first change after a quiet spell goes out at once):
   * fewer, larger batches mean far fewer socket writes per event for every client.
   */
  minIntervalMs?: number;
}

/** `resync`: rows before `from` are gone; clients behind it must resume (and will get a snapshot). */
export type Deliver = (rows: OutboxRow[], from: number, to: number, resync?: boolean) => void;

export class Streamer {
  private sequencer!: Sequencer;
  private running = false;
  private again = false;
  private closed = false;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private recheckTimer: ReturnType<typeof setTimeout> | undefined;
  private throttleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCycleAt = 0;
  private lastError = 0;
  private readonly batchSize: number;
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly store: OutboxStore,
    private readonly deliver: Deliver,
    private readonly log: Logger,
    private readonly options: StreamerOptions,
  ) {
    this.batchSize = options.batchSize ?? 1000;
  }

  /** Highest seq streamed by this node: every row at or below it has been delivered (or never existed). */
  get head(): number {
    return this.sequencer.head;
  }

  async start(): Promise<void> {
    const serial = this.store.provider === 'sqlite';
    const { max } = await this.store.bounds();
    let start = max ?? 0;
    if (!serial && max !== null) {
      // Rows below the head may still be in flight: start below the first gap of the recent window and
      // let the sequencer wait for it like for any other gap.
      const from = Math.max(0, max - (this.options.lookback ?? 10_000));
      const seqs = await this.store.seqsAfter(from);
      let expected = seqs[0] ?? max;
      for (const seq of seqs) {
        if (seq !== expected) break;
        expected = seq + 1;
      }
      start = Math.min(max, expected - 1);
    }
    this.sequencer = new Sequencer(start, {
      serialWriters: serial,
      graceMs: this.options.graceMs ?? 200,
      maxWaitMs: this.options.maxWaitMs ?? 60_000,
    });
    this.pollTimer = setInterval(() => this.wake(), this.options.pollMs);
    this.pollTimer.unref();
    this.wake();
  }

  /** Read now (coalesces: at most one read in flight, one more queued). */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.throttleTimer) return;
    const wait = this.lastCycleAt + (this.options.minIntervalMs ?? 0) - performance.now();
    if (wait > 0) {
      this.throttleTimer = setTimeout(() => {
        this.throttleTimer = undefined;
        this.wake();
      }, wait);
      return;
    }
    this.running = true;
    this.lastCycleAt = performance.now();
    void this.cycle();
  }

  /** Resolves once the streamer has read everything committed before the call (tests, benches). */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      this.idle.add(resolve);
      this.wake();
    });
  }

  stop(): void {
    this.closed = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.recheckTimer);
    clearTimeout(this.throttleTimer);
  }

  private async cycle(): Promise<void> {
    const waiters = [...this.idle];
    this.idle.clear();
    let more = false;
    try {
      do {
        this.again = false;
        const read = await this.store.readAfter(this.sequencer.head, this.batchSize);
        if (this.closed) return;
        await this.checkPruned(read.rows[0]?.seq);
        const from = this.sequencer.head;
        const step = this.sequencer.advance(read.rows, read.snapshot, Date.now());
        if (step.abandoned.length) {
          this.log.error('outbox seqs skipped: their transactions stayed open too long', {
            seqs: step.abandoned,
          });
        }
        if (step.to > from) this.deliver(step.rows, from, step.to);
        more = read.rows.length === this.batchSize && step.to > from;
        if (step.waiting) this.scheduleRecheck();
      } while (more && !this.closed);
    } catch (error) {
      if (Date.now() - this.lastError > 10_000) {
        this.lastError = Date.now();
        this.log.error('reading the outbox failed; retrying', { err: error });
      }
    } finally {
      this.running = false;
      for (const resolve of waiters) resolve();
      if ((this.again || this.idle.size) && !this.closed) {
        this.again = false;
        this.wake();
      }
    }
  }

  /**
   * Another node's pruner may delete rows this node has not streamed yet (only when this node lags behind
   * the whole retention window). Then the sockets here are told to resume, which gets them a snapshot.
   */
  private async checkPruned(firstSeq: number | undefined): Promise<void> {
    const head = this.sequencer.head;
    if (firstSeq === undefined || firstSeq <= head + 1) return;
    const { floor } = await this.store.bounds();
    if (floor === null || floor <= head + 1) return;
    this.log.error('outbox rows were pruned before this node streamed them; clients resync', { head, floor });
    this.sequencer.skipTo(floor - 1);
    this.deliver([], floor - 1, floor - 1, true);
  }

  private scheduleRecheck(): void {
    if (this.recheckTimer) return;
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = undefined;
      this.wake();
    }, 50);
    this.recheckTimer.unref();
  }
}
