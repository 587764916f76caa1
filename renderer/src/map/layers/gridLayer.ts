// Grid cells of the current view, only when the camera is close (they are thousands city-wide): read
// again for each new view (data: shapeData.ts).
import { Math as CesiumMath, PolylineCollection, type Scene } from 'cesium';
import { CLOSE_HEIGHT_M } from '../../state/layers';
import { SHAPE_COLOURS } from '../palette';
import { loading } from './context';
import { addRings } from './divisionLayer';
import { removeAll } from './draw';
import type { MapLayer } from './layer';
import { loadGrid, ringsOf } from './shapeData';

/** The view's bounding box (degrees) as "w,s,e,n", or null when the camera sees no ground. */
export function viewBbox(scene: Scene): string | null {
  const rect = scene.camera.computeViewRectangle(scene.globe.ellipsoid);
  if (!rect) return null;
  const deg = [rect.west, rect.south, rect.east, rect.north].map((r) => CesiumMath.toDegrees(r).toFixed(5));
  return deg.join(',');
}

export const gridLayer: MapLayer = {
  id: 'grid',
  create(ctx) {
    const lines = ctx.scene.primitives.add(new PolylineCollection()) as PolylineCollection;
    let on = true;
    let lastBbox = '';
    const refresh = () => {
      if (lines.isDestroyed()) return;
      const close = ctx.scene.camera.positionCartographic.height < CLOSE_HEIGHT_M;
      lines.show = on && close;
      if (!on || !close) {
        ctx.dispatch({ type: 'count', id: 'grid', count: 0 });
        ctx.dispatch({ type: 'status', id: 'grid', status: 'ready' });
        return;
      }
      const bbox = viewBbox(ctx.scene);
      if (!bbox || bbox === lastBbox) return;
      lastBbox = bbox;
      loading(ctx, 'grid', async () => {
        const cells = await loadGrid(ctx.api, bbox);
        if (lines.isDestroyed()) return cells.features.length;
        lines.removeAll();
        addRings(lines, cells.features.flatMap(ringsOf), 1, SHAPE_COLOURS.grid, 0.45);
        return cells.features.length;
      });
    };
    const removeMove = ctx.scene.camera.moveEnd.addEventListener(refresh);
    refresh();
    return {
      show(next) {
        on = next;
        lastBbox = '';
        refresh();
        ctx.scene.requestRender();
      },
      dispose() {
        removeMove();
        removeAll(ctx.scene, lines);
      },
    };
  },
};
