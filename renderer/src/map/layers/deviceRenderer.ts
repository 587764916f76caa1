// Drawing of a device layer (sensors, cameras): one outlined marker per device at street level; above it
// (CLOSE_HEIGHT_M) one point per 500 m cell and status, sized by count and coloured by status, so 5,000
// sensors or 2,000 cameras over a city read as where they are and where some are in alarm or offline (a
// status never hides inside another's cluster). Never one Entity per item. Items are immutable: a
// changed item replaces the old one, and the store hears of it (`itemChanged`) for its hover / selection.
import { Cartesian3, NearFarScalar, type PointPrimitive } from 'cesium';
import type { MapPick } from '../../state/layers';
import type { RenderContext, Renderer } from './layer';
import type { DeviceItem } from './deviceData';
import { colour, OUTLINE, pointCollection, removeAll } from './draw';
import { clusterSize, gridClusters } from './partsLod';
import { aboveStreetLevel, onStreetLevel } from './streetLevel';

/** Above street level a device layer's points are this many metres' clusters, one per status. */
const DEVICE_CELL_M = 500;
/** Clusters follow status changes at most this often. */
const DEVICE_RECLUSTER_MS = 1_000;

export interface DeviceStyle {
  of: 'sensor' | 'camera';
  /** CSS colour by status (../palette.ts) */
  colours: Record<string, string>;
  heightM: number;
  scale: NearFarScalar;
}

export const SENSOR_SCALE = new NearFarScalar(500, 1.5, 20_000, 0.5);
export const CAMERA_SCALE = new NearFarScalar(500, 1.5, 20_000, 0.45);

export interface DeviceRenderer extends Renderer<readonly DeviceItem[]> {
  /** the items drawn now, by id */
  readonly items: ReadonlyMap<string, DeviceItem>;
}

export function deviceRenderer(ctx: RenderContext, style: DeviceStyle): DeviceRenderer {
  const singles = pointCollection(ctx.scene);
  const clusters = pointCollection(ctx.scene);
  const drawn = new Map<string, { point: PointPrimitive; item: DeviceItem }>();
  const items = new Map<string, DeviceItem>();
  const colourOf = (status: string | undefined) => colour(style.colours[status ?? ''] ?? '#ffffff');
  let on = true;
  let far = aboveStreetLevel(ctx.scene);

  const redraw = ctx.timers.atMostEvery(DEVICE_RECLUSTER_MS, () => {
    if (clusters.isDestroyed()) return;
    clusters.removeAll();
    const byStatus = new Map<string, DeviceItem[]>();
    for (const item of items.values()) {
      const status = item.pick.status ?? '';
      const group = byStatus.get(status);
      if (group) group.push(item);
      else byStatus.set(status, [item]);
    }
    for (const [status, group] of byStatus) {
      const cells = gridClusters(
        group.length,
        (k) => group[k]?.lon ?? 0,
        (k) => group[k]?.lat ?? 0,
        DEVICE_CELL_M,
        group[0]?.lat ?? 30,
      );
      for (const cell of cells)
        clusters.add({
          id: {
            kind: 'devices',
            id: `${style.of}:${status}:${cell.key}`,
            label: '',
            of: style.of,
            status,
            count: cell.count,
            lon: cell.lon,
            lat: cell.lat,
          } satisfies MapPick,
          position: Cartesian3.fromDegrees(cell.lon, cell.lat, 3),
          color: colourOf(status),
          pixelSize: clusterSize(cell.count),
          outlineColor: OUTLINE,
          outlineWidth: 1,
        });
    }
    ctx.scene.requestRender();
  });
  const apply = () => {
    singles.show = on && !far;
    clusters.show = on && far;
    if (clusters.show) redraw.now();
    ctx.scene.requestRender();
  };
  const removeZoom = onStreetLevel(ctx.scene, (above) => {
    far = above;
    apply();
  });
  apply();

  return {
    items,
    draw(next) {
      if (singles.isDestroyed()) return;
      const first = items.size === 0;
      for (const item of next) {
        const known = drawn.get(item.id);
        items.set(item.id, item);
        if (!known) {
          const point = singles.add({
            id: item.pick,
            position: Cartesian3.fromDegrees(item.lon, item.lat, style.heightM),
            color: colourOf(item.pick.status),
            pixelSize: 6,
            outlineColor: OUTLINE,
            outlineWidth: 1,
            scaleByDistance: style.scale,
          });
          drawn.set(item.id, { point, item });
        } else if (known.item !== item) {
          known.point.id = item.pick;
          known.point.color = colourOf(item.pick.status);
          drawn.set(item.id, { point: known.point, item });
          ctx.dispatch({ type: 'itemChanged', pick: item.pick });
        }
      }
      ctx.scene.requestRender();
      if (!clusters.show) return;
      // The first load draws at once; later changes at most once a second.
      if (first) redraw.now();
      else redraw.request();
    },
    show(next) {
      on = next;
      apply();
    },
    current: (pick) => (pick.kind === style.of ? items.get(pick.id)?.pick : undefined),
    dispose() {
      redraw.cancel();
      removeZoom();
      removeAll(ctx.scene, singles, clusters);
    },
  };
}
