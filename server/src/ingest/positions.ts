// GPS of vehicles and inspectors: lossy and high-volume, so positions are kept in memory (latest per
// id), published to the live layer as transient items and flushed to the Vehicle table every 30 s.
import type { PositionBatch } from '@contract/city';
import type { ServerContext } from '../context';
import { notAhead } from './time';

export interface Position {
  id: string;
  kind: 'vehicle' | 'inspector';
  lon: number;
  lat: number;
  heading: number;
  speedKmh: number;
  atMs: number;
}

export class PositionTracker {
  readonly latest = new Map<string, Position>();
  private known = new Map<string, 'vehicle' | 'inspector'>();
  /** owning department of each vehicle: the access rule of live positions (access/rules.ts) */
  private departments = new Map<string, string | null>();
  private dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** told of every accepted batch (emergency command: arrival within 50 m of a site) */
  onFixes: ((fixes: ReadonlyArray<Position>) => void) | null = null;
  /** called with every accepted fix (the playback GPS history downsamples them) */
  onFix: ((position: Position) => void) | null = null;

  constructor(private readonly ctx: ServerContext) {}

  async load(): Promise<void> {
    const [vehicles, inspectors] = await Promise.all([
      this.ctx.db.vehicle.findMany({ select: { id: true, departmentId: true } }),
      this.ctx.db.user.findMany({ where: { role: 'inspector' }, select: { id: true } }),
    ]);
    this.known = new Map([
      ...vehicles.map((v): [string, 'vehicle'] => [v.id, 'vehicle']),
      ...inspectors.map((u): [string, 'inspector'] => [u.id, 'inspector']),
    ]);
    this.departments = new Map(vehicles.map((v) => [v.id, v.departmentId]));
  }

  start(): void {
    this.timer = setInterval(
      () => void this.flush().catch((err: unknown) => this.ctx.log.error('position flush failed', { err })),
      30_000,
    );
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }

  ingest(batch: PositionBatch) {
    const now = this.ctx.clock.now().getTime();
    const rejected: Array<{ index: number; error: string }> = [];
    const items = [];
    for (const [index, p] of batch.positions.entries()) {
      const kind = this.known.get(p.id);
      if (!kind) {
        rejected.push({ index, error: `unknown vehicle or inspector ${p.id}` });
        continue;
      }
      const atMs = p.at ? Date.parse(p.at) : now;
      const ahead = notAhead(atMs, now);
      if (ahead) {
        rejected.push({ index, error: ahead });
        continue;
      }
      const previous = this.latest.get(p.id);
      if (previous && previous.atMs > atMs) continue;
      const position: Position = {
        id: p.id,
        kind,
        lon: p.lon,
        lat: p.lat,
        heading: p.heading ?? previous?.heading ?? 0,
        speedKmh: p.speedKmh ?? 0,
        atMs,
      };
      this.latest.set(p.id, position);
      this.onFix?.(position);
      if (kind === 'vehicle') this.dirty.add(p.id);
      items.push({
        ...position,
        at: new Date(atMs).toISOString(),
        departmentId: this.departments.get(p.id) ?? null,
      });
    }
    this.ctx.bus.publishTransient('vehicle.position', items);
    if (items.length) this.onFixes?.(items);
    return { accepted: batch.positions.length - rejected.length, rejected };
  }

  async flush(): Promise<number> {
    const ids = [...this.dirty];
    this.dirty.clear();
    const pg = this.ctx.config.database.provider === 'postgresql';
    for (let i = 0; i < ids.length; i += 300) {
      const chunk = ids
        .map((id) => this.latest.get(id))
        .filter((p): p is Position => !!p)
        .slice(i, i + 300);
      if (!chunk.length) continue;
      const params: unknown[] = [];
      const mark = (v: unknown, cast: string) => {
        params.push(v);
        return pg ? `$${params.length}::${cast}` : '?';
      };
      const col = (name: string, cast: string, value: (p: Position) => unknown) =>
        `"${name}" = CASE "id" ${chunk.map((p) => `WHEN ${mark(p.id, 'text')} THEN ${mark(value(p), cast)}`).join(' ')} END`;
      const sets = [
        col('lon', 'double precision', (p) => p.lon),
        col('lat', 'double precision', (p) => p.lat),
        col('heading', 'double precision', (p) => p.heading),
        col('speedKmh', 'double precision', (p) => p.speedKmh),
        col('lastSeenAt', 'timestamp(3)', (p) => new Date(p.atMs)),
      ];
      const where = chunk.map((p) => mark(p.id, 'text')).join(', ');
      await this.ctx.db.$executeRawUnsafe(
        `UPDATE "Vehicle" SET ${sets.join(', ')} WHERE "id" IN (${where})`,
        ...params,
      );
    }
    return ids.length;
  }
}
