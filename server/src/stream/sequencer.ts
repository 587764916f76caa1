// Decides how far the outbox may be streamed: up to the highest seq below which every row is either
// visible or known never to come. Pure (rows, database snapshot and time are passed in).
//
// SQLite has one writer at a time and rolls AUTOINCREMENT back with the transaction: a missing seq below
// a visible one never appears later, so gaps are skipped at once.
//
// PostgreSQL hands out seqs from a sequence outside transactions: seq 7 may commit before seq 6, and a
// rolled-back transaction leaves 6 missing for ever. Each read carries the statement's snapshot
// (pg_current_snapshot: xmin, xmax and the ids of transactions in progress). A missing seq below a
// visible one was taken by a transaction that began before that read. It is skipped only once every
// transaction that was in progress at a "barrier" read (taken at least `graceMs` after the gap was first
// seen, so the writer has surely got its transaction id) has finished and the row is still not visible:
// then it was rolled back. Until then the stream waits (only the rows above the gap wait). A gap still
// open after `maxWaitMs` (a transaction left open for minutes) is skipped with an error log.
export interface PgSnapshot {
  xmin: string;
  xmax: string;
  /** transaction ids in progress when the snapshot was taken */
  xip: string[];
}

export function parsePgSnapshot(text: string): PgSnapshot {
  const [xmin = '0', xmax = '0', xip = ''] = text.split(':');
  return { xmin, xmax, xip: xip ? xip.split(',') : [] };
}

export interface SequencerOptions {
  /** true for SQLite: a gap below a visible row is final */
  serialWriters: boolean;
  graceMs: number;
  maxWaitMs: number;
}

interface Round {
  startedAt: number;
  /** gaps at or below this seq were allocated before the round started */
  coverUpTo: number;
  barrier: Set<string> | null;
}

export interface Advance<R> {
  /** rows to stream now, in seq order */
  rows: R[];
  /** the new position: everything at or below it has been streamed or will never exist */
  to: number;
  /** a gap holds rows back: read again soon */
  waiting: boolean;
  /** gaps given up on after maxWaitMs (logged by the caller) */
  abandoned: number[];
}

export class Sequencer {
  private round: Round | null = null;
  /** missing seqs at or below this are final */
  private settledThrough = 0;

  constructor(
    private position: number,
    private readonly options: SequencerOptions,
  ) {}

  get head(): number {
    return this.position;
  }

  /** Jump forward (rows up to `seq` are gone: pruned by another node before this one streamed them). */
  skipTo(seq: number): void {
    if (seq <= this.position) return;
    this.position = seq;
    this.settledThrough = Math.max(this.settledThrough, seq);
    this.round = null;
  }

  /** Rows must be those with seq > head, ascending, all from one read with its snapshot. */
  advance<R extends { seq: number }>(
    rows: readonly R[],
    snapshot: PgSnapshot | null,
    now: number,
  ): Advance<R> {
    const out: R[] = [];
    const abandoned: number[] = [];
    let expected = this.position + 1;
    let waiting = false;
    if (!this.options.serialWriters && snapshot) this.updateRound(snapshot, rows, now);
    for (const row of rows) {
      if (row.seq < expected) continue;
      if (row.seq > expected && !this.gapIsFinal(row.seq - 1, snapshot)) {
        if (this.round && now - this.round.startedAt >= this.options.maxWaitMs) {
          for (let s = expected; s < row.seq && abandoned.length < 100; s++) abandoned.push(s);
          this.settledThrough = Math.max(this.settledThrough, row.seq - 1);
          this.round = null;
        } else {
          waiting = true;
          break;
        }
      }
      out.push(row);
      expected = row.seq + 1;
    }
    this.position = expected - 1;
    if (!waiting) this.round = null;
    return { rows: out, to: this.position, waiting, abandoned };
  }

  private gapIsFinal(lastMissing: number, snapshot: PgSnapshot | null): boolean {
    if (this.options.serialWriters || !snapshot) return true;
    return lastMissing <= this.settledThrough;
  }

  /** Is a seq missing below the highest visible row that is not known to be final? */
  private hasOpenGap(rows: readonly { seq: number }[]): boolean {
    let expected = this.position + 1;
    for (const row of rows) {
      if (row.seq > expected && row.seq - 1 > this.settledThrough) return true;
      expected = Math.max(expected, row.seq + 1);
    }
    return false;
  }

  private updateRound(snapshot: PgSnapshot, rows: readonly { seq: number }[], now: number): void {
    const maxVisible = rows.length ? rows[rows.length - 1]!.seq : 0;
    if (!this.round) {
      if (this.hasOpenGap(rows)) this.round = { startedAt: now, coverUpTo: maxVisible, barrier: null };
      return;
    }
    const round = this.round;
    if (!round.barrier) {
      if (now - round.startedAt < this.options.graceMs) return;
      round.barrier = new Set(snapshot.xip);
    }
    const running = new Set(snapshot.xip);
    if ([...round.barrier].every((xid) => !running.has(xid))) {
      // Every transaction that could hold a seq <= coverUpTo has ended: what is missing there is final.
      this.settledThrough = Math.max(this.settledThrough, round.coverUpTo);
      this.round = null;
      // Gaps above coverUpTo appeared after the round began: they need a round of their own.
      if (this.hasOpenGap(rows)) {
        this.round = { startedAt: now, coverUpTo: maxVisible, barrier: null };
      }
    }
  }
}
