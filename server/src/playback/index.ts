// Playback on one server node: the archiver (outbox -> PlaybackEvent + keyframes), the GPS history fed by
// the position tracker, and the reader behind /api/playback.
import type { ServerContext } from '../context';
import type { PositionTracker } from '../ingest/positions';
import { PlaybackArchiver } from './archive';
import { GpsHistory } from './gps-history';
import { PlaybackReader } from './reader';

export interface Playback {
  archiver: PlaybackArchiver;
  gps: GpsHistory;
  reader: PlaybackReader;
  stop(): Promise<void>;
}

export async function startPlayback(ctx: ServerContext, positions: PositionTracker): Promise<Playback> {
  const archiver = new PlaybackArchiver(ctx);
  const gps = new GpsHistory(ctx);
  await archiver.load();
  archiver.start();
  gps.start();
  positions.onFix = (fix) => gps.record(fix);
  return {
    archiver,
    gps,
    reader: new PlaybackReader(ctx.db),
    async stop() {
      positions.onFix = null;
      await Promise.all([archiver.stop(), gps.stop()]);
    },
  };
}
