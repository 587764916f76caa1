// What every Cesium layer gets: the scene, the data loader, the store's layer events and the part-class
// toggles; and `loading`, which reports a layer's load (status, count) to the store.
import type { Scene } from 'cesium';
import type { CaseGroup, LayerId, LayersEvent, PartClass } from '../../state/layers';
import type { TransientFeed } from '../../live/transient';
import type { Loader } from './data';

export interface LayerContext {
  scene: Scene;
  load: Loader;
  dispatch(event: LayersEvent): void;
  partClasses(): Record<PartClass, boolean>;
  /** subscribe to part-class toggles */
  onPartClasses(listener: (on: Record<PartClass, boolean>) => void): () => void;
  /** the case layer's workflow-stage toggles, and a subscription to them */
  caseGroups?(): Record<CaseGroup, boolean>;
  onCaseGroups?(listener: () => void): () => void;
  /** live positions and readings inside the viewport, straight to the engine */
  live?: TransientFeed;
  /** the topic of every live stream event ('*' after a snapshot) */
  onTopic?(listener: (topic: string) => void): () => void;
}

/** Runs an async loader for a layer, reporting loading / ready (with its count) / error. */
export function loading(ctx: LayerContext, id: LayerId, task: () => Promise<number>): void {
  ctx.dispatch({ type: 'status', id, status: 'loading' });
  task().then(
    (count) => {
      ctx.dispatch({ type: 'count', id, count });
      ctx.dispatch({ type: 'status', id, status: 'ready' });
      ctx.scene.requestRender();
    },
    (error: unknown) => {
      console.warn(`layer ${id} failed`, error);
      ctx.dispatch({ type: 'status', id, status: 'error' });
    },
  );
}
