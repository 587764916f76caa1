// Any node accepts a batch of readings; each reading reaches the node that evaluates its sensor
// (alarm-leases.ts). Readings of partitions this node owns go to its engine; the others are posted on to
// their owner's /api/ingest/readings (marked as forwarded, so they are never passed on twice). A reading
// whose owner is gone or changing is retried until a node owns it (a few seconds after a node dies), so a
// gateway sees one answer per reading. On one node (SQLite) the engine gets the batch as it is.
import type { SensorReading } from '@contract/alarms';
import type { ServerContext } from '../context';
import { NOT_OWNER, NOT_SAVED, type AlarmEngine, type IngestResult } from './engine';
import { FencedError, partitionOf, type LeaseView } from './leases';

export const FORWARDED_HEADER = 'x-alarm-forwarded';
const RETRY_FOR_MS = 20_000;
const FORWARD_TIMEOUT_MS = 10_000;

type Indexed = { index: number; reading: SensorReading };

/** the rejection of a reading whose owner is too busy to take it now (503, or no answer in time) */
export const OWNER_BUSY = 'the node that evaluates this sensor is busy: send the reading again later';
class OwnerBusy extends Error {
  constructor(url: string) {
    super(`${url} is busy`);
  }
}

export class ReadingRouter {
  private running = new Set<Promise<unknown>>();
  leases: (LeaseView & { tick(): Promise<void>; partitions: number }) | null = null;
  /** the key this node's forwards carry (every node of a cluster shares INGEST_KEY) */
  ingestKey = '';

  constructor(
    private readonly ctx: ServerContext,
    private readonly engine: AlarmEngine,
  ) {}

  /** Resolves once the batches this node was evaluating when called have finished. Later batches are not
   *  waited for: under steady load there always is one, and they no longer see the partitions handed over. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private local(readings: SensorReading[]): Promise<IngestResult> {
    const p = this.engine.ingest(readings);
    this.running.add(p);
    void p.finally(() => this.running.delete(p)).catch(() => undefined);
    return p;
  }

  async ingest(readings: SensorReading[], forwarded = false): Promise<IngestResult> {
    const leases = this.leases;
    if (!leases) return this.local(readings);
    const result: IngestResult = { accepted: 0, rejected: [], raised: 0, escalated: 0, cleared: 0, held: [] };
    // The time a reading was received travels with it, so a retried reading is the same reading.
    const at = this.ctx.clock.now().toISOString();
    let pending: Indexed[] = readings.map((r, index) => ({ index, reading: r.at ? r : { ...r, at } }));
    const deadline = Date.now() + RETRY_FOR_MS;
    for (;;) {
      const groups = new Map<string | null, Indexed[]>();
      for (const item of pending) {
        const p = partitionOf(item.reading.sensorId, leases.partitions);
        const key = leases.owned.has(p) ? '' : leases.ownerUrl(p);
        // A forwarded reading this node does not own goes back to its sender, which routes it again.
        const group = forwarded && key !== '' ? null : key;
        const list = groups.get(group);
        if (list) list.push(item);
        else groups.set(group, [item]);
      }
      const retry: Indexed[] = [...(groups.get(null) ?? [])];
      groups.delete(null);
      if (forwarded) {
        for (const item of retry) result.rejected.push({ index: item.index, error: NOT_OWNER });
        retry.length = 0;
      }
      await Promise.all(
        [...groups].map(async ([url, items]) => {
          try {
            const part =
              url === '' ? await this.local(items.map((i) => i.reading)) : await this.post(url!, items);
            merge(result, part, items, retry);
          } catch (err) {
            if (err instanceof OwnerBusy) {
              // Sent again at once it would only add to the owner's queue: the gateway sends it later.
              this.ctx.log.warn('owner busy, readings answered to be sent again', {
                to: url,
                n: items.length,
              });
              for (const item of items) result.rejected.push({ index: item.index, error: OWNER_BUSY });
              return;
            }
            if (!(err instanceof FencedError) && url === '') throw err;
            this.ctx.log.warn('readings not evaluated, routing again', { to: url || 'this node', err });
            retry.push(...items);
          }
        }),
      );
      if (!retry.length) break;
      if (Date.now() > deadline) {
        for (const item of retry) {
          result.rejected.push({
            index: item.index,
            error: 'no node evaluates this sensor now, or its database is busy; send it again',
          });
        }
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
      await leases.tick();
      pending = retry;
    }
    result.rejected.sort((a, b) => a.index - b.index);
    result.held.sort((a, b) => a.index - b.index);
    return result;
  }

  private async post(url: string, items: Indexed[]): Promise<IngestResult> {
    const res = await fetch(`${url}/api/ingest/readings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-ingest-key': this.ingestKey,
        [FORWARDED_HEADER]: '1',
      },
      body: JSON.stringify({ readings: items.map((i) => i.reading) }),
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    }).catch((err: unknown) => {
      // a live owner that does not answer in time is behind; a dead one refuses the connection (retried)
      if (err instanceof Error && err.name === 'TimeoutError') throw new OwnerBusy(url);
      throw err;
    });
    if (res.status === 503) throw new OwnerBusy(url);
    if (res.status !== 200 && res.status !== 207) throw new Error(`${url} answered ${res.status}`);
    return (await res.json()) as IngestResult;
  }
}

/** Adds a part's counts; its rejections get their batch index back, and NOT_OWNER / NOT_SAVED ones are
 *  retried (after a short wait, until RETRY_FOR_MS). */
function merge(into: IngestResult, part: IngestResult, items: Indexed[], retry: Indexed[]): void {
  into.accepted += part.accepted;
  into.raised += part.raised;
  into.escalated += part.escalated;
  into.cleared += part.cleared;
  for (const r of part.rejected) {
    const item = items[r.index]!;
    if (r.error === NOT_OWNER || r.error === NOT_SAVED) retry.push(item);
    else into.rejected.push({ index: item.index, error: r.error });
  }
  // a forwarded part answers over HTTP; an owner that predates the held list sends none
  for (const h of part.held ?? []) into.held.push({ ...h, index: items[h.index]!.index });
}
