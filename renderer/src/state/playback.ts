// Playback (回放) slice of the map wall: live or replaying, the period picked on the time bar, the moment
// shown, speed and play/pause. Pure: the time bar's service turns `needsSeek` into GET /api/playback/state
// and steps the shared cursor (contract/playback-cursor.ts) to `atMs` on every frame. Leaving playback
// returns to live without a reload: the live slices are never written by a replay.
import { PLAYBACK_SPEEDS, type PlaybackSpeed } from '@contract/playback';

export const PERIOD_PRESETS = ['hour', 'day', 'week', 'month'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
const PRESET_MS: Record<PeriodPreset, number> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
};

export interface PlaybackUiState {
  mode: 'live' | 'playback';
  fromMs: number;
  toMs: number;
  atMs: number;
  speed: PlaybackSpeed;
  playing: boolean;
  /** a jump the cursor cannot step to (back, or a new period): the service asks the server */
  needsSeek: boolean;
}

export type PlaybackUiEvent =
  | { type: 'enter'; preset: PeriodPreset; nowMs: number }
  | { type: 'exit' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'speed'; speed: PlaybackSpeed }
  | { type: 'seek'; atMs: number }
  | { type: 'step'; direction: 1 | -1 }
  | { type: 'tick'; wallMs: number }
  | { type: 'seeked' };

export const initialPlayback = (): PlaybackUiState => ({
  mode: 'live',
  fromMs: 0,
  toMs: 0,
  atMs: 0,
  speed: 60,
  playing: false,
  needsSeek: false,
});

/** One step of the step buttons: a minute of city time at 1x … an hour at 3600x. */
export const stepMs = (speed: PlaybackSpeed): number => Math.max(60_000, speed * 1000);

const clamp = (s: PlaybackUiState, atMs: number) => Math.min(s.toMs, Math.max(s.fromMs, atMs));

export function reducePlayback(state: PlaybackUiState, event: PlaybackUiEvent): PlaybackUiState {
  switch (event.type) {
    case 'enter': {
      const fromMs = event.nowMs - PRESET_MS[event.preset];
      return {
        ...state,
        mode: 'playback',
        fromMs,
        toMs: event.nowMs,
        atMs: fromMs,
        playing: false,
        needsSeek: true,
      };
    }
    case 'exit':
      return initialPlayback();
    case 'play':
      return state.mode === 'playback' && state.atMs < state.toMs ? { ...state, playing: true } : state;
    case 'pause':
      return { ...state, playing: false };
    case 'speed':
      return PLAYBACK_SPEEDS.includes(event.speed) ? { ...state, speed: event.speed } : state;
    case 'seek': {
      const atMs = clamp(state, event.atMs);
      return { ...state, atMs, needsSeek: state.needsSeek || atMs < state.atMs };
    }
    case 'step': {
      const atMs = clamp(state, state.atMs + event.direction * stepMs(state.speed));
      return { ...state, atMs, playing: false, needsSeek: state.needsSeek || atMs < state.atMs };
    }
    case 'tick': {
      if (!state.playing || state.mode !== 'playback') return state;
      const atMs = clamp(state, state.atMs + event.wallMs * state.speed);
      return { ...state, atMs, playing: atMs < state.toMs };
    }
    case 'seeked':
      return { ...state, needsSeek: false };
  }
}

/** The header's words in playback: 回放 and the moment shown (local time, to the second). */
export function playbackLabel(state: PlaybackUiState, locale: 'zh' | 'en'): string | null {
  if (state.mode !== 'playback') return null;
  const time = new Date(state.atMs).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
  return locale === 'zh' ? `回放 ${time}` : `Playback ${time}`;
}
