// The playback archive (docs/adr/0017): copies settled outbox rows into PlaybackEvent off the live path
// (a timer, batches, never inside a workflow transaction), keeps the folded state of the city in memory and
// writes it as a keyframe (PlaybackFrame) at every frame boundary of archived time, and prunes both after
// the retention. The outbox itself is pruned after a day for the live stream; the archive keeps a month.
import zlib from 'node:zlib';
import { checkEvent, emptyLiveState, type CheckedEvent, type LiveState } from '@contract/live-state';
import { foldEvents, fromFrame, toFrame, type FrameData } from '@contract/playback';
import type { ServerContext } from '../context';

const BATCH = 2000;
const DAY_MS = 86_400_000;

export const encodeFrame = (state: LiveState): Uint8Array<ArrayBuffer> => {
  const buf = zlib.gzipSync(JSON.stringify(toFrame(state)), { level: 1 });
  return new Uint8Array(
    buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
  ) as Uint8Array<ArrayBuffer>;
};
/** A stored keyframe's JSON (a FrameData). */
export const frameJsonOf = (bytes: Uint8Array): string => zlib.gunzipSync(bytes).toString('utf8');
export const decodeFrame = (bytes: Uint8Array): LiveState =>
  fromFrame(JSON.parse(frameJsonOf(bytes)) as FrameData);

export class PlaybackArchiver {
  private state: LiveState = emptyLiveState();
  /** highest archived seq and its time (archived times never go back in seq order) */
  private cursor = 0;
  private lastAt = 0;
  private nextFrameAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private lastPrune = 0;

  constructor(private readonly ctx: ServerContext) {}

  private get frameMs(): number {
    return this.ctx.config.playback.frameMinutes * 60_000;
  }

  private boundaryAtOrAfter(ms: number): number {
    return Math.ceil(ms / this.frameMs) * this.frameMs;
  }

  /** Rebuilds the in-memory state from the newest keyframe and the events archived after it. */
  async load(): Promise<void> {
    const db = this.ctx.db;
    const frame = await db.playbackFrame.findFirst({ orderBy: { at: 'desc' } });
    this.state = frame ? decodeFrame(frame.state) : emptyLiveState();
    this.cursor = frame?.seq ?? 0;
    this.lastAt = frame?.at.getTime() ?? 0;
    for (;;) {
      const rows = await db.playbackEvent.findMany({
        where: { seq: { gt: this.cursor } },
        orderBy: { seq: 'asc' },
        take: BATCH,
      });
      if (!rows.length) break;
      this.state = foldEvents(
        this.state,
        rows.map((r) => checkEvent(streamEventOf(r))),
      );
      const last = rows[rows.length - 1] as (typeof rows)[number];
      this.cursor = last.seq;
      this.lastAt = Math.max(this.lastAt, last.at.getTime());
    }
    const last = await db.playbackEvent.findFirst({
      orderBy: { seq: 'desc' },
      select: { seq: true, at: true },
    });
    if (last && last.seq > this.cursor) this.cursor = last.seq;
    this.nextFrameAt = frame ? frame.at.getTime() + this.frameMs : this.boundaryAtOrAfter(this.lastAt);
  }

  start(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() =>
        this.tick().catch((err: unknown) => this.ctx.log.error('playback archive failed', { err })),
      );
    }, this.ctx.config.playback.archiveMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass: copy every settled outbox row, write the keyframes passed, prune hourly. Returns rows copied. */
  async tick(): Promise<number> {
    const now = this.ctx.clock.now().getTime();
    const settled = new Date(now - this.ctx.config.playback.settleMs);
    let copied = 0;
    for (;;) {
      const rows = await this.ctx.db.outbox.findMany({
        where: { seq: { gt: this.cursor }, createdAt: { lte: settled } },
        orderBy: { seq: 'asc' },
        take: BATCH,
      });
      if (!rows.length) break;
      const archived = rows.map(({ createdAt, ...r }) => {
        this.lastAt = Math.max(this.lastAt, createdAt.getTime());
        return { ...r, at: new Date(this.lastAt) };
      });
      try {
        await this.ctx.db.playbackEvent.createMany({ data: archived });
      } catch (err) {
        // another node archived these rows first: follow its archive
        this.ctx.log.debug('playback rows already archived; reloading', { err });
        await this.load();
        return copied;
      }
      // Folded in runs between frame boundaries (one copy of each map per run, not per event).
      let run: CheckedEvent[] = [];
      for (const row of archived) {
        const at = row.at.getTime();
        if (this.nextFrameAt && at > this.nextFrameAt) {
          this.state = foldEvents(this.state, run);
          run = [];
          await this.writeFrame(this.nextFrameAt);
          this.nextFrameAt = this.boundaryAtOrAfter(at);
        } else if (!this.nextFrameAt) {
          this.nextFrameAt = this.boundaryAtOrAfter(at);
        }
        run.push(checkEvent(streamEventOf(row)));
      }
      this.state = foldEvents(this.state, run);
      this.cursor = (rows[rows.length - 1] as (typeof rows)[number]).seq;
      copied += rows.length;
      if (rows.length < BATCH) break;
    }
    // Every row up to `settled` is archived: a boundary at or before it has all its events.
    if (this.nextFrameAt && this.nextFrameAt <= settled.getTime()) {
      await this.writeFrame(this.nextFrameAt);
      this.nextFrameAt = this.boundaryAtOrAfter(settled.getTime() + 1);
    }
    if (now - this.lastPrune > 3_600_000) {
      this.lastPrune = now;
      await this.prune(now);
    }
    return copied;
  }

  private async writeFrame(at: number): Promise<void> {
    const when = new Date(at);
    const data = { seq: this.state.seq ?? 0, state: encodeFrame(this.state) };
    await this.ctx.db.playbackFrame.upsert({
      where: { at: when },
      create: { at: when, ...data },
      update: data,
    });
  }

  /** Drops what is older than the retention, keeping the keyframe the oldest kept moment starts from. */
  async prune(now: number): Promise<void> {
    const cutoff = new Date(now - this.ctx.config.playback.retentionDays * DAY_MS);
    const base = await this.ctx.db.playbackFrame.findFirst({
      where: { at: { lte: cutoff } },
      orderBy: { at: 'desc' },
      select: { at: true, seq: true },
    });
    if (base) {
      await this.ctx.db.playbackEvent.deleteMany({ where: { seq: { lte: base.seq } } });
      await this.ctx.db.playbackFrame.deleteMany({ where: { at: { lt: base.at } } });
    }
    const gpsCutoff = new Date(now - this.ctx.config.playback.gpsDays * DAY_MS);
    await this.ctx.db.gpsFix.deleteMany({ where: { at: { lt: gpsCutoff } } });
  }
}

interface ArchivedRow {
  seq: number;
  topic: string;
  type: string;
  entityId: string;
  payload: string;
  at: Date;
}

export const streamEventOf = (r: ArchivedRow) => ({
  seq: r.seq,
  topic: r.topic,
  type: r.type,
  entityId: r.entityId,
  at: r.at.toISOString(),
  payload: JSON.parse(r.payload) as unknown,
});
