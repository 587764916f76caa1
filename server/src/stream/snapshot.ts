// What a socket may see right now, for clients that are new or behind the retention window. Read after
// the streamer's head is taken, so it reflects at least every event up to headSeq (events after it that
// are already included are replayed too; clients apply state by version, see contract/live-state.ts).
import type { AlarmView } from '@contract/alarms';
import { encodeCaseColumns, type CaseColumns } from '@contract/case-columns';
import type { IncidentView } from '@contract/city';
import type { StreamSnapshot, UnitLive } from '@contract/stream';
import type { ServerContext } from '../context';
import type { CaseService } from '../cases/service';
import { SUMMARY_SELECT, toSummary, type SummaryRow } from '../cases/view';
import type { Audience } from './scope';

/** Active items of a non-case topic the audience may see (`audience.allows({topic, departmentId, districtCode})`). */
export type SnapshotSource<T> = (audience: Audience) => Promise<T[]>;

export interface SnapshotSources {
  alarms?: SnapshotSource<AlarmView>;
  incidents?: SnapshotSource<IncidentView>;
  /** dispatch units committed to an incident (topic `unit`) */
  units?: SnapshotSource<UnitLive>;
}

const MAX_CASES = 20_000;

export class SnapshotBuilder {
  readonly sources: SnapshotSources = {};

  constructor(
    private readonly ctx: ServerContext,
    private readonly cases: CaseService,
  ) {}

  async build(audience: Audience, headSeq: number): Promise<StreamSnapshot> {
    const now = this.ctx.clock.now();
    const [cases, alarms, incidents, units] = await Promise.all([
      this.activeCases(audience, now),
      this.sources.alarms?.(audience) ?? [],
      this.sources.incidents?.(audience) ?? [],
      this.sources.units?.(audience) ?? [],
    ]);
    return { headSeq, at: now.toISOString(), cases, alarms, incidents, units };
  }

  private async activeCases(audience: Audience, now: Date) {
    if (!audience.caseWhere) return [];
    // Only the columns of a summary: Prisma takes about half the time it takes for whole rows.
    const rows = (await this.ctx.db.case.findMany({
      where: { ...audience.caseWhere, state: { notIn: ['closed', 'voided'] } },
      orderBy: { reportedAt: 'desc' },
      take: MAX_CASES,
      select: SUMMARY_SELECT,
    })) as SummaryRow[];
    return rows.map((row) => toSummary(row, this.cases.ref, now));
  }
}

/** How long a built snapshot is sent again to its audience, followed by the outbox's tail after it. */
export const SNAPSHOT_REUSE_MS = 30_000;
/** At most this many audiences' snapshots are kept (each can be megabytes). */
const MAX_KEPT = 8;

interface Kept {
  builtAt: number;
  headSeq: number;
  snapshot: Promise<StreamSnapshot>;
  /** the cases in columns, encoded once for every socket that asks for that form */
  columns?: CaseColumns;
}

/**
 * Snapshots kept per audience for a short while. A snapshot exact at H followed by the replay of
 * (H, head] is exactly what a client gets that connected at H and stayed: the stream's own rule, so a
 * kept snapshot is as good as a new one while the outbox still holds its tail. It spares the database
 * and the event loop: a page reloaded, several operators of one role signing in, and after a node
 * fails every client of the same audience reconnecting at once share one build instead of one each
 * (a build of 10,000 cases is 0.3–1.3 s). Changes that bypass the outbox (a restore, SQL by hand) are
 * not seen until `invalidate()` or SNAPSHOT_REUSE_MS.
 */
export class SnapshotCache {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly builder: SnapshotBuilder,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A snapshot for the audience: one built (or being built) less than SNAPSHOT_REUSE_MS ago whose
   * position is at least `oldestUsable` (the outbox still holds what follows it), else a new one at
   * `headSeq`. `fresh` always builds a new one.
   */
  async get(
    audience: Audience,
    headSeq: number,
    oldestUsable: number,
    fresh = false,
  ): Promise<{ snapshot: StreamSnapshot; columns: () => CaseColumns }> {
    const at = this.now();
    let entry = this.kept.get(audience.key);
    if (fresh || !entry || at - entry.builtAt >= SNAPSHOT_REUSE_MS || entry.headSeq < oldestUsable) {
      const built: Kept = { builtAt: at, headSeq, snapshot: this.builder.build(audience, headSeq) };
      entry = built;
      this.kept.delete(audience.key);
      this.kept.set(audience.key, built);
      while (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
      // A failed build is not kept: the next resume tries again.
      built.snapshot.catch(() => {
        if (this.kept.get(audience.key) === built) this.kept.delete(audience.key);
      });
    }
    const kept = entry;
    const snapshot = await kept.snapshot;
    return {
      snapshot,
      columns: () => (kept.columns ??= encodeCaseColumns(snapshot.cases)),
    };
  }

  /** Forgets every kept snapshot (the data changed behind the outbox's back). */
  invalidate(): void {
    this.kept.clear();
  }

  /** Drops what is too old to be sent again (called every second). */
  prune(): void {
    const at = this.now();
    for (const [key, entry] of this.kept) if (at - entry.builtAt >= SNAPSHOT_REUSE_MS) this.kept.delete(key);
  }

  get size(): number {
    return this.kept.size;
  }
}
