// One rule for the time stamps of every machine channel (sensor readings, GPS positions, camera status,
// video-AI detections): a device clock may lag, but a time more than 5 minutes ahead of the server is
// wrong, and accepting it would freeze the item (later, real data looks older and is dropped).
export const MAX_AHEAD_MS = 5 * 60_000;

/** An error text when `atMs` is unusable (not a time, or too far ahead of `nowMs`), else null. */
export function notAhead(atMs: number, nowMs: number): string | null {
  if (!Number.isFinite(atMs)) return 'at is not a valid time';
  if (atMs > nowMs + MAX_AHEAD_MS) return 'at is more than 5 minutes in the future: check the device clock';
  return null;
}
