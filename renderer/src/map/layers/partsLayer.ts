// The parts layer in Cesium: 100,000 parts with level of detail (partsLod.ts), never one Entity each.
import { Cartesian3, Color, NearFarScalar, type PointPrimitiveCollection } from 'cesium';
import type { PartsColumnar } from '@contract/city';
import { CLOSE_HEIGHT_M, type MapPick, type PartClass } from '../../state/layers';
import { loading, type LayerContext } from './context';
import { aboveStreetLevel, onStreetLevel, partsByClass, type LayerHandle } from './model';
import { clusterParts, clusterSize, partTiles } from './partsLod';
import { collection, OUTLINE } from './pointLayers';
import { PART_COLOURS, SYMBOL_COLOURS } from './symbols';

const ABNORMAL = Color.fromCssColorString(SYMBOL_COLOURS.partAbnormal);

/**
 * Parts with level of detail (partsLod.ts): above street level (CLOSE_HEIGHT_M) each class is one
 * collection of ~400 m clusters sized by count; below it, single parts in ~1 km tile collections, which
 * the engine culls when out of view. A class toggle and the zoom only flip `show` flags.
 */
export function createPartsLayer(ctx: LayerContext): LayerHandle {
  const tiles = new Map<PartClass, PointPrimitiveCollection[]>();
  const clusters = new Map<PartClass, PointPrimitiveCollection>();
  const scale = new NearFarScalar(300, 2.2, CLOSE_HEIGHT_M, 1);
  let shown = true;
  let far = aboveStreetLevel(ctx.scene);
  const apply = (on: Record<PartClass, boolean>) => {
    for (const [cls, collections] of tiles) for (const c of collections) c.show = shown && !far && on[cls];
    for (const [cls, c] of clusters) c.show = shown && far && on[cls];
    ctx.scene.requestRender();
  };
  loading(ctx, 'parts', async () => {
    const parts = await ctx.load<PartsColumnar>('/parts/columnar');
    const groups = partsByClass(parts);
    const counts = {} as Record<PartClass, number>;
    for (const [cls, indices] of Object.entries(groups) as Array<[PartClass, number[]]>) {
      counts[cls] = indices.length;
      const colour = Color.fromCssColorString(PART_COLOURS[cls]);
      const collections: PointPrimitiveCollection[] = [];
      for (const tile of partTiles(parts, indices)) {
        const points = collection(ctx.scene);
        for (const i of tile) {
          const partId = parts.id[i] ?? '';
          const pick: MapPick = {
            kind: 'part',
            id: partId,
            label: partId,
            category: parts.categories[parts.cat[i] ?? 0],
          };
          points.add({
            id: pick,
            position: Cartesian3.fromDegrees(parts.lon[i] ?? 0, parts.lat[i] ?? 0, 1),
            color: parts.abnormal[i] ? ABNORMAL : colour,
            pixelSize: 3,
            scaleByDistance: scale,
          });
        }
        collections.push(points);
      }
      tiles.set(cls, collections);
      clusters.set(cls, collection(ctx.scene));
    }
    const fill = colourWithAlpha(0.75);
    for (const cluster of clusterParts(parts, groups)) {
      const pick: MapPick = {
        kind: 'cluster',
        id: `${cluster.cls}:${cluster.lon.toFixed(5)},${cluster.lat.toFixed(5)}`,
        label: '',
        lon: cluster.lon,
        lat: cluster.lat,
        cls: cluster.cls,
        count: cluster.count,
        abnormal: cluster.abnormal,
      };
      clusters.get(cluster.cls)?.add({
        id: pick,
        position: Cartesian3.fromDegrees(cluster.lon, cluster.lat, 1),
        color: fill(PART_COLOURS[cluster.cls]),
        pixelSize: clusterSize(cluster.count),
        outlineColor: cluster.abnormal ? ABNORMAL : OUTLINE,
        outlineWidth: 1,
      });
    }
    ctx.dispatch({ type: 'partCounts', counts });
    apply(ctx.partClasses());
    return parts.count;
  });
  const unsubscribe = ctx.onPartClasses(apply);
  const removeZoom = onStreetLevel(ctx.scene, (above) => {
    far = above;
    apply(ctx.partClasses());
  });
  return {
    show(on) {
      shown = on;
      apply(ctx.partClasses());
    },
    dispose() {
      unsubscribe();
      removeZoom();
      for (const c of [...[...tiles.values()].flat(), ...clusters.values()])
        if (!c.isDestroyed()) ctx.scene.primitives.remove(c);
    },
  };
}

const colourWithAlpha = (alpha: number) => {
  const cache = new Map<string, Color>();
  return (css: string) => {
    let colour = cache.get(css);
    if (!colour) cache.set(css, (colour = Color.fromCssColorString(css).withAlpha(alpha)));
    return colour;
  };
};
