// Reads (and prunes) the shared outbox for the live layer. On PostgreSQL the streamer's read returns the
// statement's snapshot with the rows, so the Sequencer can tell a late commit from a rollback. On SQLite
// the hot reads (streamer, replay) use prepared statements on a read-only connection to the same file
// (WAL: readers never block the writer), like the workflow store (docs/adr/0004-workflow-hot-path.md):
// Prisma's per-query cost would be paid on every wake-up of every node.
import Database from 'better-sqlite3';
import type { Db } from '../db/client';
import type { OutboxRow as StoredOutboxRow } from '../cases/store';
import type { DatabaseTarget } from '../db/url';
import { parsePgSnapshot, type PgSnapshot } from './sequencer';

/** An outbox row as written by the workflow store, with the sequence the database gave it. */
export type OutboxRow = StoredOutboxRow & { seq: number };

const COLUMNS = {
  seq: true,
  topic: true,
  type: true,
  entityId: true,
  departmentId: true,
  districtCode: true,
  payload: true,
  createdAt: true,
} as const;

const PG_READ = `
SELECT s.snap, o."seq", o."topic", o."type", o."entityId", o."departmentId", o."districtCode", o."payload",
       o."createdAt"
FROM (SELECT pg_current_snapshot()::text AS snap) s
LEFT JOIN LATERAL (
  SELECT * FROM "Outbox" WHERE "seq" > $1 ORDER BY "seq" LIMIT $2
) o ON true
ORDER BY o."seq"`;

type PgRow = Omit<OutboxRow, 'seq' | 'createdAt'> & {
  snap: string;
  seq: number | null;
  createdAt: Date | string;
};

const SQLITE_COLUMNS = 'seq, topic, type, entityId, departmentId, districtCode, payload, createdAt';

type SqliteRow = Omit<OutboxRow, 'createdAt'> & { createdAt: string | number };
const fromSqlite = (r: SqliteRow): OutboxRow => ({ ...r, createdAt: new Date(r.createdAt) });

export class OutboxStore {
  readonly provider: 'sqlite' | 'postgresql';
  private readonly sqlite: {
    conn: Database.Database;
    after: Database.Statement<[number, number], SqliteRow>;
    range: Database.Statement<[number, number, number], SqliteRow>;
  } | null = null;

  constructor(
    private readonly db: Db,
    target: DatabaseTarget,
  ) {
    this.provider = target.provider;
    if (target.provider === 'sqlite') {
      const conn = new Database(target.file, { readonly: true, fileMustExist: true, timeout: 10_000 });
      this.sqlite = {
        conn,
        after: conn.prepare(`SELECT ${SQLITE_COLUMNS} FROM "Outbox" WHERE seq > ? ORDER BY seq LIMIT ?`),
        range: conn.prepare(
          `SELECT ${SQLITE_COLUMNS} FROM "Outbox" WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
        ),
      };
    }
  }

  close(): void {
    this.sqlite?.conn.close();
  }

  /** Rows after `seq` in order, with the database snapshot they were read in (PostgreSQL). */
  async readAfter(seq: number, limit: number): Promise<{ rows: OutboxRow[]; snapshot: PgSnapshot | null }> {
    if (this.sqlite) return { rows: this.sqlite.after.all(seq, limit).map(fromSqlite), snapshot: null };
    const raw = await this.db.$queryRawUnsafe<PgRow[]>(PG_READ, seq, limit);
    const snapshot = parsePgSnapshot(raw[0]?.snap ?? '0:0:');
    const rows = raw
      .filter((r) => r.seq !== null)
      .map(({ snap: _snap, ...r }) => ({ ...r, seq: Number(r.seq), createdAt: new Date(r.createdAt) }));
    return { rows, snapshot };
  }

  /** Rows with after < seq <= upTo, in order (replay). */
  async range(after: number, upTo: number, limit: number): Promise<OutboxRow[]> {
    if (this.sqlite) return this.sqlite.range.all(after, upTo, limit).map(fromSqlite);
    return this.db.outbox.findMany({
      where: { seq: { gt: after, lte: upTo } },
      orderBy: { seq: 'asc' },
      take: limit,
      select: COLUMNS,
    });
  }

  /** Lowest and highest seq present (null when the outbox is empty). */
  async bounds(): Promise<{ floor: number | null; max: number | null }> {
    const r = await this.db.outbox.aggregate({ _min: { seq: true }, _max: { seq: true } });
    return { floor: r._min.seq ?? null, max: r._max.seq ?? null };
  }

  /** The seqs present in (after, ...], ascending (used once at start to find open gaps). */
  async seqsAfter(after: number): Promise<number[]> {
    const rows = await this.db.outbox.findMany({
      where: { seq: { gt: after } },
      orderBy: { seq: 'asc' },
      select: { seq: true },
    });
    return rows.map((r) => r.seq);
  }

  /**
   * Deletes rows that are both beyond the newest `keepRows` and older than `olderThan`; never the newest
   * row, nor rows above `streamedUpTo` (this node has not streamed them yet). Returns the number deleted.
   */
  async prune(keepRows: number, olderThan: Date, streamedUpTo: number): Promise<number> {
    const { max } = await this.bounds();
    if (max === null) return 0;
    const young = await this.db.outbox.findFirst({
      where: { createdAt: { gte: olderThan } },
      orderBy: { seq: 'asc' },
      select: { seq: true },
    });
    const byTime = young ? young.seq - 1 : max - 1;
    const cut = Math.min(max - keepRows, byTime, max - 1, streamedUpTo);
    if (cut <= 0) return 0;
    const { count } = await this.db.outbox.deleteMany({ where: { seq: { lte: cut } } });
    return count;
  }
}
