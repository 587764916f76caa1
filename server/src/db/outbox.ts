// The transactional outbox: every streamed change is appended here in the same transaction as the
// change. The live layer reads it in sequence order; nothing is streamed from memory alone.
import type { Tx } from './client';

export interface OutboxEntry {
  topic: string;
  type: string;
  entityId: string;
  departmentId?: string | null;
  districtCode?: string | null;
  payload: unknown;
}

export async function appendOutbox(tx: Tx, entry: OutboxEntry, at: Date): Promise<number> {
  const row = await tx.outbox.create({
    data: {
      topic: entry.topic,
      type: entry.type,
      entityId: entry.entityId,
      departmentId: entry.departmentId ?? null,
      districtCode: entry.districtCode ?? null,
      payload: JSON.stringify(entry.payload),
      createdAt: at,
    },
    select: { seq: true },
  });
  return row.seq;
}
