// Which node evaluates which sensor, with several nodes on one PostgreSQL (docs/adr/0018).
// Sensors fall into ALARM_PARTITIONS partitions by a hash of their id. A node owns a partition while it
// holds the session-level advisory lock (CLASS_PARTITION, p) on its own connection; it announces itself
// with the shared lock (CLASS_MEMBER, 0) and its URL as the connection's application_name. PostgreSQL releases a
// dead node's locks when its connection closes (kill -9 closes the socket at once), so the others take its
// partitions at their next tick, rebuild those sensors' state from the database, and go on. No consensus
// of our own: PostgreSQL's lock manager is the only arbiter, and each alarm transaction checks (fence) that
// its node still holds the partitions it writes for.
import pg from 'pg';
import type { ServerContext } from '../context';
import type { Tx } from '../db/client';
import { FencedError, type AlarmEngine } from './engine';

export { FencedError };

const CLASS_PARTITION = 0x0a1a;
const CLASS_MEMBER = 0x0a1b;

/** FNV-1a of the sensor id: the partition a sensor belongs to on every node. */
export function partitionOf(sensorId: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < sensorId.length; i++) {
    h ^= sensorId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % partitions;
}

export interface LeaseView {
  /** partitions this node evaluates now */
  owned: ReadonlySet<number>;
  /** URL of the node that holds a partition, as last read (null: nobody, or this node still loading it) */
  ownerUrl(partition: number): string | null;
}

export class AlarmLeases implements LeaseView {
  readonly owned = new Set<number>();
  private owners = new Map<number, string>();
  private client: pg.Client | null = null;
  private pid = 0;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly engine: AlarmEngine,
    private readonly url: string,
    /** waits until no ingest this node started is still evaluating (before a partition is handed over) */
    private readonly drain: () => Promise<void>,
    readonly partitions = ctx.config.alarmPartitions,
    private readonly tickMs = 500,
  ) {
    engine.owns = (id) => this.owned.has(partitionOf(id, this.partitions));
    engine.fence = (tx, ids) => this.check(tx, ids);
  }

  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.tickMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    this.owned.clear();
    await this.engine.flush().catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  ownerUrl(partition: number): string | null {
    if (this.owned.has(partition)) return this.url;
    return this.owners.get(partition) ?? null;
  }

  /** One round: read members and owners, take free partitions up to a fair share, hand over the excess. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.ticking ??= this.round()
      .catch((err: unknown) => this.lost(err))
      .finally(() => {
        this.ticking = null;
      });
    return this.ticking;
  }

  private async connect(): Promise<pg.Client> {
    if (this.client) return this.client;
    const database = this.ctx.config.database;
    if (database.provider !== 'postgresql') throw new Error('alarm leases need PostgreSQL');
    const client = new pg.Client({
      connectionString: database.url,
      application_name: `cityops ${this.url}`.slice(0, 63),
    });
    client.on('error', (err) => this.lost(err));
    await client.connect();
    this.pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    await client.query('SELECT pg_advisory_lock_shared($1, 0)', [CLASS_MEMBER]);
    this.client = client;
    return client;
  }

  /** The lock connection broke: everything it held is free for the others, so evaluate nothing. */
  private lost(err: unknown): void {
    if (this.stopped) return;
    if (this.owned.size) this.ctx.log.error('alarm leases lost', { err, partitions: this.owned.size });
    else this.ctx.log.warn('alarm lease round failed', { err });
    this.owned.clear();
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
  }

  private async round(): Promise<void> {
    const client = await this.connect();
    const { rows } = await client.query<{ k: number; p: number; pid: number; app: string | null }>(
      `SELECT l.classid::int AS k, l.objid::int AS p, l.pid, a.application_name AS app
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid::int IN ($1, $2)
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [CLASS_PARTITION, CLASS_MEMBER],
    );
    const members = new Set(rows.filter((r) => r.k === CLASS_MEMBER).map((r) => r.pid));
    const owners = new Map<number, string>();
    const mine = new Set<number>();
    for (const r of rows) {
      if (r.k !== CLASS_PARTITION) continue;
      if (r.pid === this.pid) mine.add(r.p);
      else owners.set(r.p, (r.app ?? '').replace(/^cityops /, ''));
    }
    this.owners = owners;
    const share = Math.ceil(this.partitions / Math.max(1, members.size));
    if (mine.size > share)
      await this.handOver(client, [...mine].sort((a, b) => b - a).slice(0, mine.size - share));
    if (mine.size >= share) return;
    const taken: number[] = [];
    // Start at a point that depends on this node, so two nodes starting together rarely reach for the same.
    const offset = this.pid % this.partitions;
    for (let i = 0; i < this.partitions && mine.size + taken.length < share; i++) {
      const p = (offset + i) % this.partitions;
      if (mine.has(p) || owners.has(p)) continue;
      const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
        CLASS_PARTITION,
        p,
      ]);
      if (got.rows[0]!.ok) taken.push(p);
    }
    // Partitions held from an earlier round but not marked owned (a failed reload) are loaded again too.
    const loading = [...taken, ...[...mine].filter((p) => !this.owned.has(p))];
    if (!loading.length) return;
    const set = new Set(loading);
    const sensors = await this.engine.reload((id) => set.has(partitionOf(id, this.partitions)));
    for (const p of loading) this.owned.add(p);
    this.ctx.log.info('alarm partitions taken', {
      partitions: loading.length,
      sensors,
      owned: this.owned.size,
    });
  }

  /** A node joined: stop evaluating, let running batches finish, write last values, then unlock. */
  private async handOver(client: pg.Client, partitions: number[]): Promise<void> {
    for (const p of partitions) this.owned.delete(p);
    await this.drain();
    await this.engine.flush();
    for (const p of partitions) await client.query('SELECT pg_advisory_unlock($1, $2)', [CLASS_PARTITION, p]);
    this.ctx.log.info('alarm partitions handed over', {
      partitions: partitions.length,
      owned: this.owned.size,
    });
  }

  /** Inside an alarm transaction: this node's lock connection still holds every partition written for. */
  private async check(tx: Tx, sensorIds: string[]): Promise<void> {
    const wanted = [...new Set(sensorIds.map((id) => partitionOf(id, this.partitions)))];
    const held = await tx.$queryRawUnsafe<Array<{ p: number }>>(
      `SELECT objid::int AS p FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid::int = $1 AND pid = $2
          AND objid::int = ANY($3::int[])`,
      CLASS_PARTITION,
      this.pid,
      wanted,
    );
    const have = new Set(held.map((r) => r.p));
    const missing = wanted.filter((p) => !have.has(p));
    if (missing.length) {
      for (const p of missing) this.owned.delete(p);
      throw new FencedError(missing);
    }
  }
}
