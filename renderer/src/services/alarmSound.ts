// The alarm sound: while an unacknowledged alarm is on the pop-up and nobody silenced it, a tone pattern
// by level repeats (WebAudio, no sound files). Browsers start audio only after a user gesture; the page
// has had one (the sign-in) by the time an alarm can sound, and the context is resumed on every gesture.
// <body data-alarm-sound> tells what is playing: "level-1" … "level-4", "muted" or "off".
import { createTimers } from '../app/timers';
import { alertInput, soundFor } from '../state/alertRouting';
import { tonePattern, type TonePattern } from '../state/alerts';
import type { AppState, AppStore } from '../state/store';

export function startAlarmSound(store: AppStore): () => void {
  let context: AudioContext | null = null;
  // The tone's repeat while an alarm sounds (app/timers.ts); the returned stopper ends it.
  const timers = createTimers();
  let stopRepeat: (() => void) | undefined;
  let playing = '';

  const audio = (): AudioContext | null => {
    if (context) return context;
    const Ctor = globalThis.AudioContext as typeof AudioContext | undefined;
    if (!Ctor) return null;
    context = new Ctor();
    return context;
  };
  const resume = () => void context?.resume().catch(() => undefined);

  const burst = (pattern: TonePattern) => {
    const ctx = audio();
    if (!ctx) return;
    if (ctx.state === 'suspended') resume();
    const start = ctx.currentTime + 0.02;
    for (let i = 0; i < pattern.beeps; i++) {
      const at = start + (i * (pattern.beepMs + pattern.gapMs)) / 1000;
      const end = at + pattern.beepMs / 1000;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = pattern.frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.18, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, end);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(end + 0.02);
    }
  };

  const apply = (state: AppState) => {
    const signal = soundFor({ ...alertInput(state), muted: state.alerts.muted });
    if (document.body.dataset.alarmSound !== signal) document.body.dataset.alarmSound = signal;
    if (signal === playing) return;
    playing = signal;
    stopRepeat?.();
    stopRepeat = undefined;
    if (!signal.startsWith('level-')) return;
    const pattern = tonePattern(Number(signal.slice('level-'.length)));
    burst(pattern);
    stopRepeat = timers.every(pattern.periodMs, () => burst(pattern));
  };

  window.addEventListener('pointerdown', resume);
  window.addEventListener('keydown', resume);
  apply(store.getState());
  const unsubscribe = store.subscribe(apply);
  return () => {
    unsubscribe();
    timers.dispose();
    window.removeEventListener('pointerdown', resume);
    window.removeEventListener('keydown', resume);
    void context?.close();
  };
}
