// GPS history for playback, downsampled: of the fixes the tracker accepts, one per vehicle per
// GPS_HISTORY_STEP_S is kept. `record` only touches memory (it runs inside GPS ingest); a timer writes the
// kept fixes in one batch insert to GpsFix, a table no live query reads (docs/adr/0017).
import type { ServerContext } from '../context';

export interface Fix {
  id: string;
  kind: 'vehicle' | 'inspector';
  lon: number;
  lat: number;
  heading: number;
  speedKmh: number;
  atMs: number;
}

/** Pure downsampling rule: keep a fix when the vehicle's last kept one is at least `stepMs` older. */
export function keepFix(lastKeptMs: number | undefined, atMs: number, stepMs: number): boolean {
  return lastKeptMs === undefined || atMs - lastKeptMs >= stepMs;
}

export class GpsHistory {
  private readonly lastKept = new Map<string, number>();
  private pending: Fix[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: ServerContext) {}

  record(fix: Fix): void {
    if (fix.kind !== 'vehicle') return;
    const stepMs = this.ctx.config.playback.gpsStepS * 1000;
    if (!keepFix(this.lastKept.get(fix.id), fix.atMs, stepMs)) return;
    this.lastKept.set(fix.id, fix.atMs);
    this.pending.push(fix);
  }

  start(): void {
    this.timer = setInterval(() => {
      this.flushing = this.flushing.then(() =>
        this.flush().catch((err: unknown) => this.ctx.log.error('gps history flush failed', { err })),
      );
    }, this.ctx.config.playback.gpsStepS * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flushing;
    await this.flush().catch(() => undefined);
  }

  async flush(): Promise<number> {
    const batch = this.pending;
    this.pending = [];
    for (let i = 0; i < batch.length; i += 1000) {
      await this.ctx.db.gpsFix.createMany({
        data: batch.slice(i, i + 1000).map((f) => ({
          vehicleId: f.id,
          at: new Date(f.atMs),
          lon: f.lon,
          lat: f.lat,
          heading: f.heading,
          speedKmh: f.speedKmh,
        })),
      });
    }
    return batch.length;
  }
}
