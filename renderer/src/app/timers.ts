// One scheduler for periodic and delayed work, with teardown: a layer, service or panel makes its own
// `createTimers()`, schedules through it, and `dispose()` stops every timer it started, so a layer
// removed or a panel unmounted leaves nothing running; `pause()` / `resume()` stop and restart its
// periodic work, so a map layer switched off (hidden, map/layers/layer.ts) does none. No DOM beyond
// setTimeout/setInterval: Node tests run it.
//
// Users: every map layer (defineLayer's scheduler, caseLayer, incidentLayer, trackLayer), the services
// (socket ping / offline grace / retry, stream flush, queue refresh, incident reload, wall data, wall
// link, alarm sound, clock) and the panels' polls (DutyOverview, DrillConsole, briefing TracksView,
// playback usePicture, briefing data).
//
// What stays on plain setTimeout / requestAnimationFrame, and why (each one-shot and cleaned up):
// - React effects with cleanup for a one-shot UI delay: the users search's 250 ms debounce
//   (panels/admin/AdminUsers.tsx), the briefing's resize debounce (panels/briefing/useViewport.ts),
//   printing the monthly report once drawn (panels/briefing/MonthlyReport.tsx), the wall-link note's
//   dismissal (panels/video/WallLinkNote.tsx).
// - services/auth.ts: the session's expiry, one timeout re-armed on every session change and cleared on
//   sign-out; it lives as long as the page.
// - panels/video/hlsPlayback.ts: the retry back-off and the stall watchdog of one stream, cleared when
//   the stream stops or the player is disposed.
// - map/cesium/engineGate.ts: the engine's start waits at most ENGINE_WAIT_MS, cleared when it starts.
// - Revoking a download's object URL 10 s later (services/drills.ts, panels/briefing/MonthlyReport.tsx):
//   fire-and-forget, harmless after an unmount.
// - requestAnimationFrame: the map's fly-to after layout (map/cesium/MapView.tsx) and the playback
//   clock's frames (main.tsx hands them to services/playback.ts, which stops requesting when paused).

export interface Throttled {
  /** runs the work at once */
  now(): void;
  /** runs it when the last run is old enough (at once if it already is), however often asked meanwhile */
  request(): void;
  /** drops a requested run */
  cancel(): void;
}

export interface Timers {
  /** calls `run` every `ms` (not while paused); returns its stopper */
  every(ms: number, run: () => void): () => void;
  /** calls `run` once after `ms`; returns its canceller */
  after(ms: number, run: () => void): () => void;
  /** `run` at most once every `ms` (for redraws that follow live changes) */
  atMostEvery(ms: number, run: () => void): Throttled;
  /** `run` once `ms` after the first `request()`, however many follow meanwhile (a burst: one run) */
  debounceFirst(ms: number, run: () => void): { request(): void; cancel(): void };
  /**
   * Stops the periodic work (`every`) until `resume()`: a layer or panel switched off does no periodic
   * work. One-shot runs (`after`, requested throttled or debounced runs) are kept.
   */
  pause(): void;
  /** Restarts the periodic work paused by `pause()` (each interval counts again from now). */
  resume(): void;
  readonly paused: boolean;
  /** stops everything this scheduler started; later calls schedule nothing */
  dispose(): void;
  readonly disposed: boolean;
}

type Handle = ReturnType<typeof setTimeout>;

export function createTimers(clock: () => number = () => performance.now()): Timers {
  /** the periodic work: its interval runs while the scheduler is not paused */
  const periodic = new Set<{ ms: number; run: () => void; handle?: Handle }>();
  const timeouts = new Set<Handle>();
  let disposed = false;
  let paused = false;

  const after = (ms: number, run: () => void) => {
    if (disposed) return () => undefined;
    const handle: Handle = setTimeout(() => {
      timeouts.delete(handle);
      run();
    }, ms);
    timeouts.add(handle);
    return () => {
      clearTimeout(handle);
      timeouts.delete(handle);
    };
  };

  return {
    every(ms, run) {
      if (disposed) return () => undefined;
      const work: { ms: number; run: () => void; handle?: Handle } = { ms, run };
      if (!paused) work.handle = setInterval(run, ms);
      periodic.add(work);
      return () => {
        clearInterval(work.handle);
        periodic.delete(work);
      };
    },
    after,
    atMostEvery(ms, run) {
      let pending: (() => void) | undefined;
      let ranAt = -Infinity;
      const now = () => {
        pending?.();
        pending = undefined;
        if (disposed) return;
        ranAt = clock();
        run();
      };
      return {
        now,
        request() {
          if (pending || disposed) return;
          pending = after(Math.max(0, ranAt + ms - clock()), () => {
            pending = undefined;
            now();
          });
        },
        cancel() {
          pending?.();
          pending = undefined;
        },
      };
    },
    debounceFirst(ms, run) {
      let pending: (() => void) | undefined;
      return {
        request() {
          if (pending || disposed) return;
          pending = after(ms, () => {
            pending = undefined;
            run();
          });
        },
        cancel() {
          pending?.();
          pending = undefined;
        },
      };
    },
    pause() {
      if (paused || disposed) return;
      paused = true;
      for (const work of periodic) {
        clearInterval(work.handle);
        work.handle = undefined;
      }
    },
    resume() {
      if (!paused || disposed) return;
      paused = false;
      for (const work of periodic) work.handle = setInterval(work.run, work.ms);
    },
    get paused() {
      return paused;
    },
    dispose() {
      disposed = true;
      for (const work of periodic) clearInterval(work.handle);
      for (const h of timeouts) clearTimeout(h);
      periodic.clear();
      timeouts.clear();
    },
    get disposed() {
      return disposed;
    },
  };
}
