// The transactional outbox: every streamed change is appended here in the same transaction as the
// change. The live layer reads it in sequence order; nothing is streamed from memory alone.
//
// The producer is typed by the stream's own event map (contract/stream.ts EVENT_PAYLOADS): an entry's
// `type` must be a known event type, its `topic` the type's prefix, and its payload what the clients
// validate for that type, so a wrong payload does not compile.
import type { EventPayload, StreamEventType } from '@contract/stream';
import type { Tx } from './client';

/** 'case.changed' → 'case' */
export type TopicOf<T extends StreamEventType> = T extends `${infer Topic}.${string}` ? Topic : never;

export type OutboxEntry = {
  [T in StreamEventType]: {
    topic: TopicOf<T>;
    type: T;
    entityId: string;
    departmentId?: string | null;
    districtCode?: string | null;
    payload: EventPayload<T>;
  };
}[StreamEventType];

/** The Outbox row of an entry, as every writer stores it (Prisma or the SQLite hot path). */
export interface OutboxRow {
  topic: string;
  type: string;
  entityId: string;
  departmentId: string | null;
  districtCode: string | null;
  payload: string;
  createdAt: Date;
}

/** The shape every entry has. Services append typed entries (appendOutbox); the loose form is for the
 * stream's own tests, which also write types no client knows (those must flow and advance positions). */
export interface AnyOutboxEntry {
  topic: string;
  type: string;
  entityId: string;
  departmentId?: string | null;
  districtCode?: string | null;
  payload: unknown;
}

export function outboxRow(entry: AnyOutboxEntry, at: Date): OutboxRow {
  return {
    topic: entry.topic,
    type: entry.type,
    entityId: entry.entityId,
    departmentId: entry.departmentId ?? null,
    districtCode: entry.districtCode ?? null,
    payload: JSON.stringify(entry.payload),
    createdAt: at,
  };
}

export async function appendOutbox(tx: Tx, entry: OutboxEntry, at: Date): Promise<number> {
  const row = await tx.outbox.create({ data: outboxRow(entry, at), select: { seq: true } });
  return row.seq;
}
