// Ticks the store's clock once a second, aligned to the (server-corrected) second boundary.
import { serverNow } from '../state/clock';
import type { AppStore } from '../state/store';

export function startClock(store: AppStore, now: () => number = Date.now): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    const state = store.getState();
    state.clockEvent({ type: 'tick', now: now() });
    const shown = serverNow(store.getState().clock);
    timer = setTimeout(tick, 1_000 - (((shown % 1_000) + 1_000) % 1_000) + 5);
  };
  tick();
  return () => clearTimeout(timer);
}
