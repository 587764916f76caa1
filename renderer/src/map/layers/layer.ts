// The layer interface (ADR 0023): a map layer is an id and `create(ctx)`, which the reconciler calls the
// first time the layer is switched on and which returns a handle (show / dispose). Most layers are made
// with `defineLayer` from three separate steps, as kepler.gl's formatLayerData / renderLayer and
// TerriaJS's loading apart from the engine:
//   load(ctx)      the data step: typed, through the one REST client, checked with the contract's schema
//   format(data)   pure: the wire data as immutable items to draw (Node tests run it, no Cesium)
//   render(ctx)    the drawing: a Cesium renderer that draws items (replacing what it drew), shows, hides
// A layer that follows a live source (the active cases, the queue's points, grid cells per view) writes
// `create` itself, with the same split inside.
import { createTimers, type Timers } from '../../app/timers';
import type { LayerId, MapPick } from '../../state/layers';
import { loading, type LayerContext } from './context';

/** One layer in the engine: created the first time it is switched on, then shown or hidden. */
export interface LayerHandle {
  show(on: boolean): void;
  dispose(): void;
  /**
   * The layer's current item for a pick the engine returned (its status may have changed since the
   * primitive was made): the hover and the click report this one, never a changed old object.
   */
  current?(pick: MapPick): MapPick | undefined;
}

/** Layers that are not toggled: the open queue's points (drawn whenever someone is signed in). */
export type FixedLayerId = 'queue';

export interface MapLayer {
  readonly id: LayerId | FixedLayerId;
  /** whether this context can feed the layer (the active cases need the live picture) */
  available?(ctx: LayerContext): boolean;
  create(ctx: LayerContext): LayerHandle;
}

/** What a renderer gets besides the context: the layer's scheduler (stopped when it goes). */
export interface RenderContext extends LayerContext {
  timers: Timers;
  /** loads, formats and draws again (a poll, or a live change of the layer's topic) */
  reload(): void;
}

export interface Renderer<I> {
  /** draws the items of one load (replacing or updating what it drew before) */
  draw(items: I): void;
  show(on: boolean): void;
  dispose(): void;
  current?(pick: MapPick): MapPick | undefined;
}

export interface LayerSpec<D, I> {
  id: LayerId;
  load(ctx: LayerContext): Promise<D>;
  format(data: D): I;
  /** how many items the layer shows for the count in the layers panel */
  count(items: I): number;
  render(ctx: RenderContext): Renderer<I>;
  /** read again every `pollMs`, and/or `waitMs` after the first live event of `topic` */
  reload?: { pollMs?: (ctx: LayerContext) => number; topic?: string; waitMs?: number };
}

export function defineLayer<D, I>(spec: LayerSpec<D, I>): MapLayer {
  return {
    id: spec.id,
    create(ctx) {
      const timers = createTimers();
      let disposed = false;
      const run = () =>
        loading(ctx, spec.id, async () => {
          const items = spec.format(await spec.load(ctx));
          if (!disposed) renderer.draw(items);
          return spec.count(items);
        });
      const renderer = spec.render({ ...ctx, timers, reload: run });
      run();
      const pollMs = spec.reload?.pollMs?.(ctx);
      if (pollMs) timers.every(pollMs, run);
      const topic = spec.reload?.topic;
      let stopTopic: (() => void) | undefined;
      // Switched off, the layer does no periodic work (its scheduler is paused: no poll, nor the
      // renderer's own `every`) and no reload for its topic; a polled layer, or one whose topic changed
      // meanwhile, loads again at once when it is switched on. A reload already asked for still runs.
      let shown = true;
      let missed = false;
      const soon = timers.debounceFirst(spec.reload?.waitMs ?? 1_000, run);
      if (topic && ctx.onTopic)
        stopTopic = ctx.onTopic((t) => {
          if (t !== topic && t !== '*') return;
          if (shown) soon.request();
          else missed = true;
        });
      return {
        show(on) {
          if (on !== shown) {
            shown = on;
            if (on) {
              timers.resume();
              if (missed || pollMs) run();
              missed = false;
            } else timers.pause();
          }
          renderer.show(on);
        },
        current: renderer.current && ((pick) => renderer.current?.(pick)),
        dispose() {
          disposed = true;
          stopTopic?.();
          timers.dispose();
          renderer.dispose();
        },
      };
    },
  };
}
