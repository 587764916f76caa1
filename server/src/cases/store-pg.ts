// The audited transition on PostgreSQL with the `pg` driver: one round trip per transition. The guarded
// case update, the CaseEvent and the Outbox row are one statement (data-modifying CTEs), so it is its own
// transaction without BEGIN/COMMIT round trips; the CaseMetric/EvaluationDaily triggers on CaseEvent run
// inside it and, being AFTER triggers, see the updated case. A command with a follow-up (two writes of
// one case) runs the same statement twice inside BEGIN … COMMIT. See docs/adr/0004-workflow-hot-path.md.
import pg from 'pg';
import { Prisma } from '../db/generated/sqlite/client';
import type { CaseRow } from './view';
import type { CaseStore, CommitResult, TransitionWrite } from './store';

/** Every scalar column of Case, from the Prisma schema, so a new column is read without a change here. */
const CASE_COLUMNS = Object.values(Prisma.CaseScalarFieldEnum);
const SELECT_CASE = `SELECT ${CASE_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "Case" WHERE "id" = $1`;

const TIMESTAMP_OID = 1114;
/** Prisma stores DateTime as UTC in `timestamp(3)` (without time zone); `pg` would read it as local time. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP_OID && format !== 'binary') {
      return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    }
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Dates are sent as UTC ISO text: cast to `timestamp` the zone is dropped, which is what Prisma stores. */
const param = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

const EVENT_COLUMNS = [
  'command',
  'fromState',
  'toState',
  'actorId',
  'role',
  'note',
  'attachments',
  'data',
] as const;
const OUTBOX_COLUMNS = ['topic', 'type', 'entityId', 'departmentId', 'districtCode', 'payload'] as const;

export class PgCaseStore implements CaseStore {
  private readonly pool: pg.Pool;
  /** statement name per set of changed columns (prepared once per connection by `pg`) */
  private readonly statements = new Map<string, { name: string; text: string }>();

  constructor(url: string, max = 4) {
    this.pool = new pg.Pool({ connectionString: url, max, types, application_name: 'city-ops case store' });
    // An idle connection that breaks (server restart) must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async load(id: string): Promise<CaseRow | null> {
    const r = await this.pool.query<CaseRow>({ name: 'case-load', text: SELECT_CASE, values: [id] });
    return r.rows[0] ?? null;
  }

  async commit(writes: TransitionWrite[]): Promise<CommitResult> {
    if (writes.length === 1) {
      const seq = await this.write(this.pool, writes[0]!);
      return seq === null ? this.stale(writes) : { ok: true, seqs: [seq] };
    }
    const seqs = await this.inTransaction(writes);
    // the connection is back in the pool before the current case is read (4 stale commits at once
    // holding all 4 connections while waiting for a fifth would wait for ever)
    return seqs ? { ok: true, seqs } : this.stale(writes);
  }

  /** Several writes in one transaction; null (rolled back) when a version guard matched no row. */
  private async inTransaction(writes: TransitionWrite[]): Promise<number[] | null> {
    const client = await this.pool.connect();
    let done = false;
    try {
      await client.query('BEGIN');
      const seqs: number[] = [];
      for (const w of writes) {
        const seq = await this.write(client, w);
        if (seq === null) {
          await client.query('ROLLBACK');
          done = true;
          return null;
        }
        seqs.push(seq);
      }
      await client.query('COMMIT');
      done = true;
      return seqs;
    } finally {
      // after a failed statement: roll back, or drop the connection if even that fails
      const broken = done
        ? undefined
        : await client.query('ROLLBACK').then(
            () => undefined,
            (error: Error) => error,
          );
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async stale(writes: TransitionWrite[]): Promise<CommitResult> {
    return { ok: false, current: await this.load(writes[0]?.id ?? '') };
  }

  /** One transition as one statement; null when the version guard matched no row (nothing written). */
  private async write(on: pg.Pool | pg.PoolClient, w: TransitionWrite): Promise<number | null> {
    const keys = Object.keys(w.set).filter((k) => k !== 'version' && k !== 'id');
    const statement = this.statement(keys);
    const e = w.event;
    const o = w.outbox;
    const values = [
      ...keys.map((k) => param(w.set[k as keyof CaseRow])),
      w.id,
      w.expectedVersion,
      ...EVENT_COLUMNS.map((c) => e[c]),
      param(e.at),
      ...OUTBOX_COLUMNS.map((c) => o[c]),
      param(o.createdAt),
    ];
    const r = await on.query<{ seq: number }>({ ...statement, values });
    return r.rows[0]?.seq ?? null;
  }

  private statement(keys: string[]): { name: string; text: string } {
    const sig = keys.join(',');
    let s = this.statements.get(sig);
    if (!s) {
      let n = 0;
      const p = (cast = '') => `$${++n}${cast}`;
      const sets = [...keys.map((k) => `"${k}" = ${p()}`), '"version" = "version" + 1'].join(', ');
      const guard = `"id" = ${p()} AND "version" = ${p()}`;
      const event = [...EVENT_COLUMNS.map(() => p('::text')), p('::timestamp(3)')].join(', ');
      const outbox = [...OUTBOX_COLUMNS.map(() => p('::text')), p('::timestamp(3)')].join(', ');
      const cols = (list: readonly string[]) => list.map((c) => `"${c}"`).join(', ');
      const text = `WITH u AS (UPDATE "Case" SET ${sets} WHERE ${guard} RETURNING "id"),
        e AS (INSERT INTO "CaseEvent" ("caseId", ${cols(EVENT_COLUMNS)}, "at") SELECT u."id", ${event} FROM u),
        o AS (INSERT INTO "Outbox" (${cols(OUTBOX_COLUMNS)}, "createdAt") SELECT ${outbox} FROM u RETURNING "seq")
        SELECT "seq" FROM o`;
      s = { name: `case-transition-${this.statements.size}`, text };
      this.statements.set(sig, s);
    }
    return s;
  }
}
