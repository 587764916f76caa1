// The hot path of the workflow: load a case, and commit transitions (case update guarded by version +
// CaseEvent + Outbox row, all in one transaction). On SQLite it uses prepared better-sqlite3
// statements on the same database file (Prisma's per-query overhead is ~0.3 ms, which would cap the
// audited rate far below the 3,000 transitions/s target); on PostgreSQL the `pg` driver writes each
// transition in one statement, one round trip (store-pg.ts). createCaseStore (create-store.ts) picks one.
// See docs/adr/0004-workflow-hot-path.md.
import Database from 'better-sqlite3';
import type { CaseEventDraft } from '../domain';
import { SYSTEM_ACTOR } from '../domain';
import type { OutboxEntry, OutboxRow } from '../db/outbox';
import type { CaseSummary } from '@contract/cases';
import type { CasePayload } from '@contract/stream';
import type { CaseRow } from './view';

export interface EventRow {
  command: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  role: string;
  note: string;
  attachments: string;
  data: string;
  at: Date;
}

/** The CaseEvent row of a domain event, as every writer stores it (service, scheduler, hot path). */
export function eventRow(event: CaseEventDraft): EventRow {
  return {
    command: event.command,
    fromState: event.fromState,
    toState: event.toState,
    actorId: event.actorId === SYSTEM_ACTOR.userId ? null : event.actorId,
    role: event.role,
    note: event.note,
    attachments: JSON.stringify(event.attachments),
    data: JSON.stringify(event.data),
    at: event.at,
  };
}

export type { OutboxRow } from '../db/outbox';

/** The outbox entry of a change to a case: streamed to its department's and district's audiences. */
export function caseOutbox(
  type: 'case.created' | 'case.changed' | 'case.escalated',
  row: Pick<CaseRow, 'id' | 'departmentId' | 'districtCode'>,
  summary: CaseSummary,
  extra: Omit<CasePayload, 'case'> = {},
): OutboxEntry {
  return {
    topic: 'case',
    type,
    entityId: row.id,
    departmentId: row.departmentId,
    districtCode: row.districtCode,
    payload: { case: summary, ...extra },
  };
}

export interface TransitionWrite {
  id: string;
  expectedVersion: number;
  /** changed columns of the Case row (version is incremented by the store) */
  set: Partial<CaseRow>;
  event: EventRow;
  outbox: OutboxRow;
}

export type CommitResult = { ok: true; seqs: number[] } | { ok: false; current: CaseRow | null };

export interface CaseStore {
  load(id: string): Promise<CaseRow | null>;
  commit(writes: TransitionWrite[]): Promise<CommitResult>;
  close(): void | Promise<void>;
}

const DATE_COLUMNS = new Set([
  'stepStartedAt',
  'stepDeadline',
  'suspendedAt',
  'nextEscalationAt',
  'resumeAt',
  'overallDeadline',
  'reportedAt',
  'closedAt',
  'createdAt',
  'updatedAt',
]);
const BOOL_COLUMNS = new Set(['drill']);

/** Prisma's SQLite adapter stores DateTime as ISO 8601 text with +00:00; we write the same. */
const toSqlite = (v: unknown): unknown =>
  v instanceof Date ? v.toISOString().replace('Z', '+00:00') : typeof v === 'boolean' ? (v ? 1 : 0) : v;

function fromSqlite(raw: Record<string, unknown>): CaseRow {
  const row: Record<string, unknown> = { ...raw };
  for (const key of DATE_COLUMNS) if (typeof row[key] === 'string') row[key] = new Date(row[key] as string);
  for (const key of BOOL_COLUMNS) row[key] = row[key] === 1 || row[key] === true;
  return row as unknown as CaseRow;
}

export class SqliteCaseStore implements CaseStore {
  private readonly db: Database.Database;
  private readonly loadStmt: Database.Statement;
  private readonly eventStmt: Database.Statement;
  private readonly outboxStmt: Database.Statement;
  private readonly updates = new Map<string, Database.Statement>();
  private readonly run: (writes: TransitionWrite[]) => CommitResult;

  constructor(file: string) {
    this.db = new Database(file, { timeout: 10_000 });
    this.db.pragma('synchronous = NORMAL');
    this.loadStmt = this.db.prepare('SELECT * FROM "Case" WHERE id = ?');
    this.eventStmt = this.db.prepare(
      `INSERT INTO "CaseEvent" (caseId, command, fromState, toState, actorId, role, note, attachments, data, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.outboxStmt = this.db.prepare(
      `INSERT INTO "Outbox" (topic, type, entityId, departmentId, districtCode, payload, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.run = this.db.transaction((writes: TransitionWrite[]): CommitResult => {
      const seqs: number[] = [];
      for (const w of writes) {
        const keys = Object.keys(w.set).filter((k) => k !== 'version' && k !== 'id');
        const changed = this.update(keys).run(
          ...keys.map((k) => toSqlite(w.set[k as keyof CaseRow])),
          w.id,
          w.expectedVersion,
        );
        if (changed.changes !== 1) throw new StaleVersion();
        const e = w.event;
        this.eventStmt.run(
          w.id,
          e.command,
          e.fromState,
          e.toState,
          e.actorId,
          e.role,
          e.note,
          e.attachments,
          e.data,
          toSqlite(e.at),
        );
        const o = w.outbox;
        const inserted = this.outboxStmt.run(
          o.topic,
          o.type,
          o.entityId,
          o.departmentId,
          o.districtCode,
          o.payload,
          toSqlite(o.createdAt),
        );
        seqs.push(Number(inserted.lastInsertRowid));
      }
      return { ok: true, seqs };
    });
  }

  private update(keys: string[]): Database.Statement {
    const sig = keys.join(',');
    let stmt = this.updates.get(sig);
    if (!stmt) {
      const sets = [...keys.map((k) => `"${k}" = ?`), '"version" = "version" + 1'].join(', ');
      stmt = this.db.prepare(`UPDATE "Case" SET ${sets} WHERE id = ? AND version = ?`);
      this.updates.set(sig, stmt);
    }
    return stmt;
  }

  async load(id: string): Promise<CaseRow | null> {
    const raw = this.loadStmt.get(id) as Record<string, unknown> | undefined;
    return raw ? fromSqlite(raw) : null;
  }

  async commit(writes: TransitionWrite[]): Promise<CommitResult> {
    try {
      return this.run(writes);
    } catch (error) {
      if (error instanceof StaleVersion) return { ok: false, current: await this.load(writes[0]?.id ?? '') };
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }
}

class StaleVersion extends Error {}
