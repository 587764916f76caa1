// Reads the playback archive: the state of the city at T (the newest keyframe at or before T plus the
// events after it up to T, folded by contract/playback.ts) and the events and GPS fixes of a period.
// Read-only: a replay never writes.
import { checkEvent, emptyLiveState } from '@contract/live-state';
import {
  FIX_STALE_MS,
  foldEvents,
  toPlaybackState,
  vehiclesAt,
  type PlaybackFix,
  type PlaybackState,
} from '@contract/playback';
import type { StreamEvent } from '@contract/stream';
import type { Db } from '../db/client';
import { decodeFrame, streamEventOf } from './archive';

export const PERIOD_EVENT_LIMIT = 50_000;
export const PERIOD_FIX_LIMIT = 200_000;

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
    const frame = await this.db.playbackFrame.findFirst({
      where: { at: { lte: at } },
      orderBy: { at: 'desc' },
    });
    const base = frame ? decodeFrame(frame.state) : emptyLiveState();
    // Archived times never go back in seq order, so the events after the frame's last one start at its time:
    // a range on the time index instead of a scan of every later event.
    const last = frame?.seq
      ? await this.db.playbackEvent.findUnique({ where: { seq: frame.seq }, select: { at: true } })
      : null;
    const [rows, fixes] = await Promise.all([
      this.db.playbackEvent.findMany({
        where: { seq: { gt: frame?.seq ?? 0 }, at: { gte: last?.at, lte: at } },
        orderBy: { seq: 'asc' },
      }),
      this.db.gpsFix.findMany({
        where: { at: { gt: new Date(atMs - FIX_STALE_MS), lte: at } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        select: { vehicleId: true, at: true, lon: true, lat: true, heading: true, speedKmh: true },
      }),
    ]);
    const state = foldEvents(
      base,
      rows.map((r) => checkEvent(streamEventOf(r))),
    );
    return toPlaybackState(state, atMs, vehiclesAt(fixes.map(fixOf), atMs));
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
