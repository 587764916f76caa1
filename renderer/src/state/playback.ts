// Playback (回放) slice of the map wall: live or replaying, the period picked on the time bar, the moment
// shown, speed and play/pause. Pure: the playback service (live/playback.ts) turns `needsSeek` into
// GET /api/playback/state and steps the shared cursor (contract/playback-cursor.ts) to `atMs` on every
// animation frame. Leaving playback returns to live without a reload: the live slices are never written by
// a replay.
import { PLAYBACK_SPEEDS, type PlaybackSpeed } from '@contract/playback';
import { wallClock } from '../i18n/time';

export const PERIOD_PRESETS = ['hour', 'hours6', 'day', 'week', 'month'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
const PRESET_MS: Record<PeriodPreset, number> = {
  hour: 3_600_000,
  hours6: 6 * 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
};

/** The archive keeps a month (PLAYBACK_RETENTION_DAYS 31): a custom period may not be longer than this. */
export const MAX_PERIOD_MS = 31 * 86_400_000;

/** Roles that may replay the whole city; the server also wants a city-wide account (no district). */
const PLAYBACK_ROLES: ReadonlySet<string> = new Set([
  'supervisor',
  'dispatcher',
  'commander',
  'leader',
  'admin',
]);

/**
 * Whether this user may open playback: the state and tracks endpoints answer only a city-wide audience
 * (server/src/stream/scope.ts: admin, or a supervisor, dispatcher, commander or leader without a district).
 */
export function mayPlayback(user: { role: string; districtCode?: string | null } | null): boolean {
  if (!user || !PLAYBACK_ROLES.has(user.role)) return false;
  return user.role === 'admin' || !user.districtCode;
}

export interface PlaybackUiState {
  mode: 'live' | 'playback';
  fromMs: number;
  toMs: number;
  atMs: number;
  speed: PlaybackSpeed;
  playing: boolean;
  /** a jump the cursor cannot step to (back, or a new period): the service asks the server */
  needsSeek: boolean;
  /** the service is reading the state at `atMs` (a seek) or the next stretch of events (while playing) */
  loading: boolean;
  /** the last failure to read the archive, as the server worded it (null: none) */
  error: { zh: string; en: string } | null;
}

export type PlaybackUiEvent =
  | { type: 'enter'; preset: PeriodPreset; nowMs: number }
  | { type: 'enterRange'; fromMs: number; toMs: number }
  | { type: 'exit' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'speed'; speed: PlaybackSpeed }
  | { type: 'seek'; atMs: number }
  | { type: 'step'; direction: 1 | -1 }
  /** a frame passed while playing; `limitMs`: what is loaded ends there (playing waits for the rest) */
  | { type: 'tick'; wallMs: number; limitMs?: number }
  | { type: 'seeked' }
  | { type: 'loading'; loading: boolean }
  | { type: 'failed'; error: { zh: string; en: string } | null };

export const initialPlayback = (): PlaybackUiState => ({
  mode: 'live',
  fromMs: 0,
  toMs: 0,
  atMs: 0,
  speed: 60,
  playing: false,
  needsSeek: false,
  loading: false,
  error: null,
});

/** One step of the step buttons: a minute of city time at 1x … an hour at 3600x. */
export const stepMs = (speed: PlaybackSpeed): number => Math.max(60_000, speed * 1000);

/** The period of a preset ending now. */
export const presetPeriod = (preset: PeriodPreset, nowMs: number): { fromMs: number; toMs: number } => ({
  fromMs: nowMs - PRESET_MS[preset],
  toMs: nowMs,
});

export type PeriodProblem = 'invalid' | 'order' | 'future' | 'tooLong';

/**
 * A custom period from the two datetime-local fields (city time, +08:00): from before to, not in the
 * future (a minute's grace for the clocks), at most MAX_PERIOD_MS.
 */
export function customPeriod(
  from: string,
  to: string,
  nowMs: number,
): { fromMs: number; toMs: number } | { problem: PeriodProblem } {
  const parse = (text: string) => {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(text.trim());
    return m ? Date.parse(`${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00`) : Number.NaN;
  };
  const fromMs = parse(from);
  const toMs = parse(to);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return { problem: 'invalid' };
  if (fromMs >= toMs) return { problem: 'order' };
  if (toMs > nowMs + 60_000) return { problem: 'future' };
  if (toMs - fromMs > MAX_PERIOD_MS) return { problem: 'tooLong' };
  return { fromMs, toMs };
}

/** A datetime-local field's value (city time) for an instant. */
export function cityInputValue(ms: number): string {
  const c = wallClock(ms, 'zh');
  return `${c.date}T${c.time.slice(0, 5)}`;
}

const clamp = (s: PlaybackUiState, atMs: number) => Math.min(s.toMs, Math.max(s.fromMs, atMs));

const entered = (state: PlaybackUiState, fromMs: number, toMs: number): PlaybackUiState => ({
  ...state,
  mode: 'playback',
  fromMs,
  toMs,
  atMs: fromMs,
  playing: false,
  needsSeek: true,
  error: null,
});

export function reducePlayback(state: PlaybackUiState, event: PlaybackUiEvent): PlaybackUiState {
  switch (event.type) {
    case 'enter': {
      const { fromMs, toMs } = presetPeriod(event.preset, event.nowMs);
      return entered(state, fromMs, toMs);
    }
    case 'enterRange':
      return event.fromMs < event.toMs ? entered(state, event.fromMs, event.toMs) : state;
    case 'exit':
      return { ...initialPlayback(), speed: state.speed };
    case 'play':
      return state.mode === 'playback' && state.atMs < state.toMs ? { ...state, playing: true } : state;
    case 'pause':
      return state.playing ? { ...state, playing: false } : state;
    case 'speed':
      return PLAYBACK_SPEEDS.includes(event.speed) ? { ...state, speed: event.speed } : state;
    case 'seek': {
      if (state.mode !== 'playback') return state;
      const atMs = clamp(state, event.atMs);
      return { ...state, atMs, needsSeek: state.needsSeek || atMs < state.atMs };
    }
    case 'step': {
      if (state.mode !== 'playback') return state;
      const atMs = clamp(state, state.atMs + event.direction * stepMs(state.speed));
      return { ...state, atMs, playing: false, needsSeek: state.needsSeek || atMs < state.atMs };
    }
    case 'tick': {
      if (!state.playing || state.mode !== 'playback' || state.needsSeek) return state;
      const target = clamp(state, state.atMs + event.wallMs * state.speed);
      const atMs =
        event.limitMs === undefined ? target : Math.max(state.atMs, Math.min(target, event.limitMs));
      if (atMs === state.atMs && target < state.toMs) return state;
      return { ...state, atMs, playing: atMs < state.toMs };
    }
    case 'seeked':
      return state.needsSeek ? { ...state, needsSeek: false } : state;
    case 'loading':
      return state.loading === event.loading ? state : { ...state, loading: event.loading };
    case 'failed':
      return { ...state, error: event.error, loading: false, playing: event.error ? false : state.playing };
  }
}

/** The header's words in playback: 回放 and the moment shown (city time, to the second). */
export function playbackLabel(state: PlaybackUiState, locale: 'zh' | 'en'): string | null {
  if (state.mode !== 'playback') return null;
  const c = wallClock(state.atMs, locale);
  return locale === 'zh' ? `回放 ${c.date} ${c.time}` : `Playback ${c.date} ${c.time}`;
}

/**
 * The layers the live reconciler shows: in playback the live vehicle layer steps aside for the playback
 * track layer (vehicles where they were at T, with their tracks).
 */
export function liveLayersOn<K extends string>(
  on: Readonly<Record<K | 'vehicles', boolean>>,
  playback: Pick<PlaybackUiState, 'mode'>,
): Record<K | 'vehicles', boolean> {
  return playback.mode === 'playback' && on.vehicles ? { ...on, vehicles: false } : { ...on };
}
