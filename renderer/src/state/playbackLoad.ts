// How the playback service (live/playback.ts) loads the archive, as pure functions: how much city time
// to read ahead at a speed, appending a loaded stretch to the cursor without copying its state, and the
// topics a step changed (which map layers reload).
import type { PlaybackSpeed } from '@contract/playback';
import type { LoadedEvent, LoadedFix, PlaybackCursor } from '@contract/playback-cursor';

/** Topics whose changes the playback state carries (cameras and detections are not replayed). */
export const SHOWN_TOPICS: ReadonlySet<string> = new Set(['case', 'alarm', 'incident']);

/** City time loaded ahead per request: a few wall seconds of play at the speed, 5 to 30 minutes. */
export const chunkMs = (speed: PlaybackSpeed): number =>
  Math.min(30 * 60_000, Math.max(5 * 60_000, speed * 3_000));

/** Appends a loaded stretch to the cursor (its maps are kept: no copy of the city). */
export function extendCursor(
  cursor: PlaybackCursor,
  events: readonly LoadedEvent[],
  fixes: readonly LoadedFix[],
  loadedToMs: number,
): PlaybackCursor {
  return {
    ...cursor,
    events: [...cursor.events.slice(cursor.nextEvent), ...events],
    nextEvent: 0,
    fixes: [...cursor.fixes.slice(cursor.nextFix), ...fixes],
    nextFix: 0,
    loadedToMs: Math.max(cursor.loadedToMs, loadedToMs),
  };
}

/** The topics of the events a step folded (SHOWN_TOPICS only). */
export function topicsOf(events: readonly LoadedEvent[], from: number, to: number): Set<string> {
  const topics = new Set<string>();
  for (let i = from; i < to; i++) {
    const type = events[i]?.typed?.type;
    const topic = type?.slice(0, type.indexOf('.'));
    if (topic && SHOWN_TOPICS.has(topic)) topics.add(topic);
  }
  return topics;
}
