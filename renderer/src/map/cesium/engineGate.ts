// When the map engine may start (MapView imports Cesium then). Plain store logic, tested in Node.
import type { AppState, AppStore } from '../../state/store';

/** The longest the engine's start waits for the live picture. */
export const ENGINE_WAIT_MS = 1_500;

/**
 * When the map engine may start: once the live stream has its picture (or nobody is signed in), at the
 * latest after ENGINE_WAIT_MS. Starting the engine is seconds of main-thread work on a software GPU
 * (evaluating its chunks, creating the WebGL context, compiling shaders), and a WebSocket message
 * reaches the page through the main thread between such tasks: 10,000 cases (1.4 MB) then arrive
 * seconds later than on an idle page, and the map waits for them anyway (docs/benchmarks.md).
 */
export function engineMayStart(store: AppStore, waitMs = ENGINE_WAIT_MS): Promise<void> {
  const ready = (s: AppState) => s.connection.streaming || s.session.status === 'anonymous';
  if (ready(store.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    const unsubscribe = store.subscribe((state) => {
      if (ready(state)) done();
    });
  });
}
