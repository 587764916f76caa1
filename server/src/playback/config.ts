// Settings of the playback archive, from environment variables (parsed by server/src/config.ts).
export interface PlaybackConfig {
  /** archived stream events and keyframes are kept this many days (PLAYBACK_RETENTION_DAYS) */
  retentionDays: number;
  /** one keyframe of the folded state every this many minutes of archived time (PLAYBACK_FRAME_MINUTES) */
  frameMinutes: number;
  /** GPS history keeps one fix per vehicle per this many seconds (GPS_HISTORY_STEP_S) */
  gpsStepS: number;
  /** and keeps fixes this many days (GPS_HISTORY_DAYS) */
  gpsDays: number;
  /** how often the archiver copies settled outbox rows (PLAYBACK_ARCHIVE_MS) */
  archiveMs: number;
  /** an outbox row is copied once it is this old (PLAYBACK_SETTLE_MS): later commits of lower seqs land first */
  settleMs: number;
}

export function parsePlaybackConfig(
  env: NodeJS.ProcessEnv,
  fail: (message: string) => never,
): PlaybackConfig {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      fail(`${name} must be an integer between ${min} and ${max}, got "${value}"`);
    }
    return n;
  };
  return {
    retentionDays: int('PLAYBACK_RETENTION_DAYS', 31, 1, 3660),
    frameMinutes: int('PLAYBACK_FRAME_MINUTES', 15, 1, 24 * 60),
    gpsStepS: int('GPS_HISTORY_STEP_S', 10, 1, 3600),
    gpsDays: int('GPS_HISTORY_DAYS', 7, 1, 3660),
    archiveMs: int('PLAYBACK_ARCHIVE_MS', 2000, 10, 600_000),
    settleMs: int('PLAYBACK_SETTLE_MS', 5000, 0, 600_000),
  };
}
