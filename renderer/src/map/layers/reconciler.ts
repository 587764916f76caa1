// The layer reconciler: brings the engine in line with the store's `on` flags, creating a layer the first
// time it is on and showing or hiding it afterwards; fixed layers (the queue's points) are on whenever
// the reconciler runs. It also answers which layer item a picked primitive stands for now. Plain
// TypeScript (no Cesium): Node tests run it.
import { LAYER_IDS, type LayerId, type MapPick } from '../../state/layers';
import type { FixedLayerId, LayerHandle } from './layer';

export type LayerFactory = () => LayerHandle;
type AnyId = LayerId | FixedLayerId;

/**
 * Returns `apply(on)` to call with each new state, `current(pick)` and a disposer.
 *
 * A factory dispatches to the store as it starts loading, and the store's listener calls `apply` again
 * before the factory has returned: that nested call is queued and runs after the current one, so a
 * layer is never created twice (the first copy would stay on the map, out of reach of its toggle).
 */
export function createLayerReconciler(factories: Partial<Record<AnyId, LayerFactory>>) {
  const handles = new Map<AnyId, LayerHandle>();
  const shown = new Map<AnyId, boolean>();
  let applying = false;
  let queued: Readonly<Record<LayerId, boolean>> | null = null;
  const ids: AnyId[] = [
    ...(Object.keys(factories) as AnyId[]).filter((id) => !(LAYER_IDS as readonly string[]).includes(id)),
    ...LAYER_IDS,
  ];
  const apply = (on: Readonly<Record<LayerId, boolean>>) => {
    if (applying) {
      queued = on;
      return;
    }
    applying = true;
    try {
      applyNow(on);
    } finally {
      applying = false;
    }
    const next = queued;
    queued = null;
    if (next) apply(next);
  };
  const applyNow = (on: Readonly<Record<LayerId, boolean>>) => {
    for (const id of ids) {
      const factory = factories[id];
      if (!factory) continue;
      const wanted = (on as Partial<Record<AnyId, boolean>>)[id] ?? true;
      let handle = handles.get(id);
      if (!handle && !wanted) continue;
      if (!handle) {
        handle = factory();
        handles.set(id, handle);
      }
      if (shown.get(id) === wanted) continue;
      shown.set(id, wanted);
      handle.show(wanted);
    }
  };
  /** The item a picked primitive stands for now, from the layer that drew it (or the pick itself). */
  const current = (pick: MapPick): MapPick => {
    for (const handle of handles.values()) {
      const item = handle.current?.(pick);
      if (item) return item;
    }
    return pick;
  };
  const dispose = () => {
    for (const handle of handles.values()) handle.dispose();
    handles.clear();
    shown.clear();
  };
  return { apply, current, dispose };
}
