// Writes real outbox rows the way the services do (the same row mapping inside a transaction, then a bus
// notification after the commit), fast enough to produce thousands of events in a test.
import type { ServerContext } from '../../server/src/context';
import type { Tx } from '../../server/src/db/client';
import { outboxRow, type AnyOutboxEntry } from '../../server/src/db/outbox';

/** An event as the tests write it: any topic and type, known to the stream or not. */
export type TestEntry = AnyOutboxEntry;

/** Appends one test entry inside a transaction, as appendOutbox does for the services. */
export async function appendTestEntry(tx: Tx, entry: TestEntry, at: Date): Promise<number> {
  const row = await tx.outbox.create({ data: outboxRow(entry, at), select: { seq: true } });
  return row.seq;
}

export async function produceEvents(
  ctx: ServerContext,
  count: number,
  make: (i: number) => TestEntry,
  perTransaction = 50,
): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < count; i += perTransaction) {
    const n = Math.min(perTransaction, count - i);
    const written = await ctx.db.$transaction(async (tx) => {
      const out: number[] = [];
      for (let j = 0; j < n; j++) {
        const row = await tx.outbox.create({
          data: outboxRow(make(i + j), ctx.clock.now()),
          select: { seq: true },
        });
        out.push(row.seq);
      }
      return out;
    });
    seqs.push(...written);
    ctx.bus.notifyOutbox();
  }
  return seqs;
}

/** A synthetic event of an unknown type: streamed like any other, ignored by the state model. */
export const probe =
  (departmentId: string | null = null, districtCode: string | null = null) =>
  (i: number): TestEntry => ({
    topic: 'case',
    type: 'test.probe',
    entityId: `probe-${i}`,
    departmentId,
    districtCode,
    payload: { i },
  });

export async function maxSeq(ctx: ServerContext): Promise<number> {
  const r = await ctx.db.outbox.aggregate({ _max: { seq: true } });
  return r._max.seq ?? 0;
}
