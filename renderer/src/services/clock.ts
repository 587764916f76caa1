// Ticks the store's clock once a second, aligned to the (server-corrected) second boundary.
import { createTimers } from '../app/timers';
import { serverNow } from '../state/clock';
import type { AppStore } from '../state/store';

export function startClock(store: AppStore, now: () => number = Date.now): () => void {
  // One tick re-armed after each (app/timers.ts): the wait is to the next second, not a fixed period.
  const timers = createTimers();
  const tick = () => {
    const state = store.getState();
    state.clockEvent({ type: 'tick', now: now() });
    const shown = serverNow(store.getState().clock);
    timers.after(1_000 - (((shown % 1_000) + 1_000) % 1_000) + 5, tick);
  };
  tick();
  return () => timers.dispose();
}
