// Reads the playback archive: the state of the city at T (the newest keyframe at or before T plus the
// events after it up to T, folded by contract/playback.ts) and the events and GPS fixes of a period.
// The renderer's form of the state (`stateFrameAt`) is the stored keyframe's JSON and the events after it,
// for the client to fold: no decode and re-encode of the whole city per seek. The last few keyframes read
// are kept (as text, and decoded once a plain answer needed them; a fold never writes to its input).
// Read-only: a replay never writes.
import { checkEvent, emptyLiveState, type LiveState } from '@contract/live-state';
import {
  FIX_STALE_MS,
  foldEvents,
  fromFrame,
  toPlaybackState,
  vehiclesAt,
  type FrameData,
  type PlaybackFix,
  type PlaybackState,
} from '@contract/playback';
import { frameAnswerJson } from '@contract/playback-answer';
import type { StreamEvent } from '@contract/stream';
import type { Db } from '../db/client';
import { frameJsonOf, streamEventOf } from './archive';

export const PERIOD_EVENT_LIMIT = 50_000;
export const PERIOD_FIX_LIMIT = 200_000;
/** Keyframes kept: a seek near one of the last few skips its read (and a plain one its decode). */
export const FRAME_CACHE_SIZE = 4;

interface KeptFrame {
  seq: number;
  json: string;
  /** decoded when a plain answer first needs it */
  state?: LiveState;
  /** the time of the frame's last event: the events after it start there */
  lastEventAt: Date | null;
}

const fixOf = (f: {
  vehicleId: string;
  at: Date;
  lon: number;
  lat: number;
  heading: number;
  speedKmh: number;
}): PlaybackFix => ({ ...f, at: f.at.toISOString() });

export class PlaybackReader {
  constructor(private readonly db: Db) {}

  /** The archived span: the first moment the archive can show and the last archived event's time. */
  async range(): Promise<{ from: string | null; to: string | null }> {
    const [frame, first, last] = await Promise.all([
      this.db.playbackFrame.findFirst({ orderBy: { at: 'asc' }, select: { at: true } }),
      this.db.playbackEvent.findFirst({ orderBy: { seq: 'asc' }, select: { seq: true, at: true } }),
      this.db.playbackEvent.findFirst({ orderBy: { seq: 'desc' }, select: { at: true } }),
    ]);
    // Complete from the first event ever while that is kept; after pruning, from the oldest keyframe.
    const from = first && first.seq === 1 ? first.at : (frame?.at ?? null);
    return { from: from?.toISOString() ?? null, to: last?.at.toISOString() ?? null };
  }

  async stateAt(atMs: number): Promise<PlaybackState> {
    const at = new Date(atMs);
    const frame = await this.frameAt(at);
    let base = emptyLiveState();
    if (frame) base = frame.state ??= fromFrame(JSON.parse(frame.json) as FrameData);
    const { rows, vehicles } = await this.after(frame, at);
    // foldEvents copies what it changes: the kept keyframe stays as decoded.
    const state = foldEvents(
      base,
      rows.map((r) => checkEvent(streamEventOf(r))),
    );
    return toPlaybackState(state, atMs, vehicles);
  }

  /** The state at T for the client to fold (`?form=frame`, contract/playback-answer.ts), as JSON text. */
  async stateFrameAt(atMs: number): Promise<string> {
    const at = new Date(atMs);
    const frame = await this.frameAt(at);
    const { rows, vehicles } = await this.after(frame, at);
    return frameAnswerJson(
      { at: at.toISOString(), events: rows.map(streamEventOf), vehicles },
      frame?.json ?? null,
    );
  }

  private readonly frames = new Map<string, KeptFrame>();

  /** The newest keyframe at or before T (from the kept ones when it is one of the last few read). */
  private async frameAt(at: Date): Promise<KeptFrame | null> {
    const found = await this.db.playbackFrame.findFirst({
      where: { at: { lte: at } },
      orderBy: { at: 'desc' },
      select: { at: true, seq: true },
    });
    if (!found) return null;
    const key = `${found.at.getTime()}:${found.seq}`;
    let kept = this.frames.get(key);
    if (kept) {
      this.frames.delete(key);
    } else {
      const [row, last] = await Promise.all([
        this.db.playbackFrame.findUnique({ where: { at: found.at }, select: { state: true } }),
        found.seq
          ? this.db.playbackEvent.findUnique({ where: { seq: found.seq }, select: { at: true } })
          : null,
      ]);
      if (!row) return null;
      kept = { seq: found.seq, json: frameJsonOf(row.state), lastEventAt: last?.at ?? null };
      if (this.frames.size >= FRAME_CACHE_SIZE) this.frames.delete(this.frames.keys().next().value as string);
    }
    this.frames.set(key, kept);
    return kept;
  }

  /** The archived events after the keyframe up to T, and the vehicles at T. */
  private async after(frame: KeptFrame | null, at: Date) {
    // Archived times never go back in seq order, so the events after the frame's last one start at its time:
    // a range on the time index instead of a scan of every later event.
    const [rows, fixes] = await Promise.all([
      this.db.playbackEvent.findMany({
        where: { seq: { gt: frame?.seq ?? 0 }, at: { gte: frame?.lastEventAt ?? undefined, lte: at } },
        orderBy: { seq: 'asc' },
      }),
      this.db.gpsFix.findMany({
        where: { at: { gt: new Date(at.getTime() - FIX_STALE_MS), lte: at } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        select: { vehicleId: true, at: true, lon: true, lat: true, heading: true, speedKmh: true },
      }),
    ]);
    return { rows, vehicles: vehiclesAt(fixes.map(fixOf), at.getTime()) };
  }

  /** Events with from < at <= to in seq order, at most PERIOD_EVENT_LIMIT; `allows` filters by scope. */
  async events(
    fromMs: number,
    toMs: number,
    allows: (row: { topic: string; departmentId: string | null; districtCode: string | null }) => boolean,
  ): Promise<{ events: StreamEvent[]; truncated: boolean }> {
    const rows = await this.db.playbackEvent.findMany({
      where: { at: { gt: new Date(fromMs), lte: new Date(toMs) } },
      orderBy: { seq: 'asc' },
      take: PERIOD_EVENT_LIMIT + 1,
    });
    const truncated = rows.length > PERIOD_EVENT_LIMIT;
    return { events: rows.slice(0, PERIOD_EVENT_LIMIT).filter(allows).map(streamEventOf), truncated };
  }

  /**
   * GPS fixes with from < at <= to in time order, at most PERIOD_FIX_LIMIT; only those of `vehicleIds`
   * when given (filtered in SQL, on the (vehicleId, at) index).
   */
  async tracks(
    fromMs: number,
    toMs: number,
    vehicleIds?: readonly string[],
  ): Promise<{ fixes: PlaybackFix[]; truncated: boolean }> {
    const rows = await this.db.gpsFix.findMany({
      where: {
        at: { gt: new Date(fromMs), lte: new Date(toMs) },
        ...(vehicleIds ? { vehicleId: { in: [...vehicleIds] } } : {}),
      },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      take: PERIOD_FIX_LIMIT + 1,
      select: { vehicleId: true, at: true, lon: true, lat: true, heading: true, speedKmh: true },
    });
    const truncated = rows.length > PERIOD_FIX_LIMIT;
    return { fixes: rows.slice(0, PERIOD_FIX_LIMIT).map(fixOf), truncated };
  }
}
