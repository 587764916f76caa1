// The playback service (回放): reads the archive (GET /api/playback/state, /events, /tracks) and drives the
// shared cursor (contract/playback-cursor.ts) to the time bar's moment (state/playback.ts) once per
// animation frame. A seek asks the server for the state at T; playing forward folds only the events
// between two frames in place; the next stretch of events and fixes is loaded ahead while playing. Each
// frame's result goes to the picture source (live/picture.ts), which the map layers read. Read-only:
// nothing here writes to the server or to the live slices.
import { fromFrame, PlaybackEvents, PlaybackTracks } from '@contract/playback';
import { PlaybackStateAnswer } from '@contract/playback-answer';
import { cursorAt, loadEvents, loadFixes, stepTo, type PlaybackCursor } from '@contract/playback-cursor';
import { chunkMs, extendCursor, topicsOf } from '../state/playbackLoad';
import type { AppStore } from '../state/store';
import { TRACK_TAIL_MS } from '../state/playbackTracks';
import { messageOf, type ApiClient } from './api';
import type { PictureSource } from './picture';

/** After a failed read, wait this long before trying again by itself. */
const RETRY_MS = 3_000;

export interface PlaybackService {
  stop(): void;
}

/** Animation frames (the browser's requestAnimationFrame; tests step them by hand). */
export interface Frames {
  request(callback: (wallMs: number) => void): number;
  cancel(handle: number): void;
}

export interface PlaybackOptions {
  frames: Frames;
  /** the readiness signal tests wait on (`<body data-playback>`): "seeked:<ms>", or null when live */
  signal(value: string | null): void;
}

export function startPlayback(
  store: AppStore,
  api: ApiClient,
  picture: PictureSource,
  { frames, signal }: PlaybackOptions,
): PlaybackService {
  const dispatch = store.getState().playbackEvent;
  let cursor: PlaybackCursor | null = null;
  /** grows with every seek and with leaving: answers to an older one are dropped */
  let generation = 0;
  let seeking = false;
  let extending = false;
  let retryAt = 0;
  let handle: number | null = null;
  let lastWall: number | null = null;

  const iso = (ms: number) => new Date(ms).toISOString();
  const period = (from: number, to: number) => `from=${iso(from)}&to=${iso(to)}`;

  const failed = (error: unknown) => {
    const text = messageOf(error);
    dispatch({ type: 'failed', error: typeof text === 'string' ? { zh: text, en: text } : text });
    retryAt = performance.now() + RETRY_MS;
  };

  /** Events and fixes of (fromMs, toMs]; a truncated answer ends the stretch at its last item. */
  const loadStretch = async (fromMs: number, toMs: number, tailFromMs: number) => {
    const [events, tracks] = await Promise.all([
      api.get(`/playback/events?${period(fromMs, toMs)}`, PlaybackEvents),
      api.get(`/playback/tracks?${period(tailFromMs, toMs)}`, PlaybackTracks),
    ]);
    let endMs = toMs;
    // A truncated answer may stop inside a millisecond: end just before its last item's time.
    if (events.truncated && events.events.length)
      endMs = Math.min(endMs, Date.parse(events.events.at(-1)?.at ?? '') - 1);
    if (tracks.truncated && tracks.fixes.length)
      endMs = Math.min(endMs, Date.parse(tracks.fixes.at(-1)?.at ?? '') - 1);
    const loadedEvents = loadEvents(events.events).filter((e) => e.atMs <= endMs);
    const loadedFixes = loadFixes(tracks.fixes).filter((f) => f.atMs <= endMs);
    return { events: loadedEvents, fixes: loadedFixes, endMs };
  };

  const seek = async (atMs: number) => {
    const mine = ++generation;
    seeking = true;
    dispatch({ type: 'loading', loading: true });
    try {
      const { toMs, speed } = store.getState().playback;
      const endMs = Math.min(toMs, atMs + chunkMs(speed));
      const [state, stretch] = await Promise.all([
        api.get(`/playback/state?at=${iso(atMs)}&form=frame`, PlaybackStateAnswer),
        loadStretch(atMs, Math.max(endMs, atMs + 1), atMs - TRACK_TAIL_MS),
      ]);
      if (mine !== generation) return;
      const live = fromFrame(state);
      const after = stretch.fixes.filter((f) => f.atMs > atMs);
      cursor = cursorAt(
        { atMs, state: live, vehicles: state.vehicles },
        stretch.events,
        after,
        stretch.endMs,
      );
      picture.show(
        {
          kind: 'seek',
          atMs,
          state: cursor.state,
          vehicles: cursor.vehicles,
          fixes: stretch.fixes.filter((f) => f.atMs <= atMs),
        },
        [],
      );
      dispatch({ type: 'failed', error: null });
      dispatch({ type: 'seeked' });
      signal(`seeked:${atMs}`);
    } catch (error) {
      if (mine === generation) failed(error);
    } finally {
      if (mine === generation) {
        seeking = false;
        dispatch({ type: 'loading', loading: false });
      }
    }
  };

  /** While playing, the next stretch is read once less than half of the current one is left. */
  const loadAhead = async () => {
    const s = store.getState().playback;
    if (!cursor || extending || seeking || cursor.loadedToMs >= s.toMs) return;
    const chunk = chunkMs(s.speed);
    if (cursor.loadedToMs - cursor.atMs > chunk / 2) return;
    const mine = generation;
    const fromMs = cursor.loadedToMs;
    extending = true;
    try {
      const stretch = await loadStretch(fromMs, Math.min(s.toMs, fromMs + chunk), fromMs);
      if (mine !== generation || !cursor || cursor.loadedToMs !== fromMs) return;
      cursor = extendCursor(cursor, stretch.events, stretch.fixes, Math.max(stretch.endMs, fromMs + 1));
    } catch (error) {
      if (mine === generation) failed(error);
    } finally {
      extending = false;
    }
  };

  /** One animation frame: play on, then bring the cursor to the bar's moment (a step or a seek). */
  const frame = (wallMs: number) => {
    handle = frames.request(frame);
    const dt = lastWall === null ? 0 : Math.min(250, wallMs - lastWall);
    lastWall = wallMs;
    const before = store.getState().playback;
    if (before.mode !== 'playback') return;
    if (before.playing && dt > 0) dispatch({ type: 'tick', wallMs: dt, limitMs: cursor?.loadedToMs });
    const s = store.getState().playback;
    if (seeking || performance.now() < retryAt) return;
    if (!cursor || s.needsSeek) {
      void seek(s.atMs);
      return;
    }
    if (s.atMs !== cursor.atMs) {
      const { nextEvent, nextFix } = cursor;
      const stepped = stepTo(cursor, s.atMs);
      if (!stepped) {
        void seek(s.atMs);
        return;
      }
      picture.show(
        {
          kind: 'step',
          atMs: stepped.atMs,
          state: stepped.state,
          vehicles: stepped.vehicles,
          fixes: stepped.fixes.slice(nextFix, stepped.nextFix),
        },
        topicsOf(stepped.events, nextEvent, stepped.nextEvent),
      );
    }
    if (s.playing) void loadAhead();
  };

  const begin = () => {
    generation++;
    cursor = null;
    seeking = false;
    extending = false;
    retryAt = 0;
    lastWall = null;
    if (handle === null) handle = frames.request(frame);
  };
  const end = () => {
    generation++;
    if (handle !== null) frames.cancel(handle);
    handle = null;
    cursor = null;
    picture.leave();
    signal(null);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    const s = state.playback;
    const p = previous.playback;
    if (s.mode === 'playback' && (p.mode !== 'playback' || s.fromMs !== p.fromMs || s.toMs !== p.toMs))
      begin();
    else if (s.mode === 'live' && p.mode === 'playback') end();
    if (s.playing !== p.playing) lastWall = null;
    // Signing out ends a replay.
    if (state.session.status !== 'signedIn' && s.mode === 'playback') dispatch({ type: 'exit' });
  });
  return {
    stop() {
      unsubscribe();
      end();
    },
  };
}
