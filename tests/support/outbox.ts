// Writes real outbox rows the way the services do (appendOutbox inside a transaction, then a bus
// notification after the commit), fast enough to produce thousands of events in a test.
import type { ServerContext } from '../../server/src/context';
import { appendOutbox, type OutboxEntry } from '../../server/src/db/outbox';

export async function produceEvents(
  ctx: ServerContext,
  count: number,
  make: (i: number) => OutboxEntry,
  perTransaction = 50,
): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < count; i += perTransaction) {
    const n = Math.min(perTransaction, count - i);
    const written = await ctx.db.$transaction(async (tx) => {
      const out: number[] = [];
      for (let j = 0; j < n; j++) out.push(await appendOutbox(tx, make(i + j), ctx.clock.now()));
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
  (i: number): OutboxEntry => ({
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
