// What every map layer gets (LayerContext): the scene to draw into, the one REST client
// (live/api.ts: token, timeout, 401 ends the session, answers checked with the contract's zod
// schemas), the store's layer events and toggles (read only: layers report through `dispatch`, never by
// changing store objects), and the live feeds.
import type { Scene } from 'cesium';
import type { LiveState } from '@contract/live-state';
import type { LiveReading, VehiclePosition } from '@contract/stream';
import type { CaseGroup, LayerId, LayersEvent, PartClass } from '../../state/layers';
import type { CasePoint } from '../../state/mapPoints';

import type { LayerApi } from './layerApi';

export type { LayerApi } from './layerApi';

/** The live positions and readings inside the viewport (live/transient.ts TransientFeed). */
export interface LayerFeed {
  onPositions(listener: (items: VehiclePosition[]) => void): () => void;
  onReadings(listener: (items: LiveReading[]) => void): () => void;
}

/** The live picture of active cases, as the active-case layer reads it. */
export interface CaseSource {
  live(): LiveState;
  onLive(listener: (state: LiveState) => void): () => void;
  /** the moment the picture shows (case clocks are coloured as at that moment); absent: now */
  now?(): number;
}

/** The open queue's points (state/mapPoints.ts), as the queue layer reads them. */
export interface QueueSource {
  points(): readonly CasePoint[];
  onPoints(listener: (points: readonly CasePoint[]) => void): () => void;
  /** how many points were drawn (<body data-map-points>) */
  drawn(count: number): void;
}

export interface LayerContext {
  scene: Scene;
  api: LayerApi;
  /** the session's token (keys data fetched ahead, so another user never gets it) */
  token(): string | null;
  dispatch(event: LayersEvent): void;
  partClasses(): Record<PartClass, boolean>;
  /** subscribe to part-class toggles */
  onPartClasses(listener: (on: Record<PartClass, boolean>) => void): () => void;
  /** the case layer's workflow-stage toggles, and a subscription to them */
  caseGroups?(): Record<CaseGroup, boolean>;
  onCaseGroups?(listener: () => void): () => void;
  /** live positions and readings inside the viewport, straight to the engine */
  live?: LayerFeed;
  /** the topic of every live stream event ('*' after a snapshot) */
  onTopic?(listener: (topic: string) => void): () => void;
  /** the live picture of active cases (the active-case layer) */
  cases?: CaseSource;
  /** the open queue's points (the queue layer) */
  queue?: QueueSource;
}

/** Runs a layer's load, reporting loading / ready (with its count) / error to the store. */
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
