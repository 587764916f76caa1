// The parts layer: 100,000 parts with level of detail, never one Entity each. Data (GET
// /api/parts/columnar, by class, tiles and clusters) in partsLod.ts. Above street level (CLOSE_HEIGHT_M)
// each class is one collection of ~400 m clusters sized by count; below it, single parts in ~1 km tile
// collections, which the engine culls when out of view. A class toggle and the zoom only flip `show`.
import { Cartesian3, NearFarScalar, type PointPrimitiveCollection } from 'cesium';
import { CLOSE_HEIGHT_M, type MapPick, type PartClass } from '../../state/layers';
import { PART_COLOURS, SYMBOL_COLOURS } from '../palette';
import { colour, OUTLINE, pointCollection, removeAll } from './draw';
import { defineLayer } from './layer';
import { clusterSize, formatParts, loadParts, partTiles } from './partsLod';
import { aboveStreetLevel, onStreetLevel } from './streetLevel';

const ABNORMAL = colour(SYMBOL_COLOURS.partAbnormal);

export const partsLayer = defineLayer({
  id: 'parts',
  load: (ctx) => loadParts(ctx.api),
  format: formatParts,
  count: ({ parts }) => parts.count,
  render(ctx) {
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
    const unsubscribe = ctx.onPartClasses(apply);
    const removeZoom = onStreetLevel(ctx.scene, (above) => {
      far = above;
      apply(ctx.partClasses());
    });
    const all = () => [...[...tiles.values()].flat(), ...clusters.values()];
    return {
      draw({ parts, groups, clusters: cells }) {
        removeAll(ctx.scene, ...all());
        tiles.clear();
        clusters.clear();
        const counts = {} as Record<PartClass, number>;
        for (const [cls, indices] of Object.entries(groups) as Array<[PartClass, number[]]>) {
          counts[cls] = indices.length;
          const classColour = colour(PART_COLOURS[cls]);
          const collections: PointPrimitiveCollection[] = [];
          for (const tile of partTiles(parts, indices)) {
            const points = pointCollection(ctx.scene);
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
                color: parts.abnormal[i] ? ABNORMAL : classColour,
                pixelSize: 3,
                scaleByDistance: scale,
              });
            }
            collections.push(points);
          }
          tiles.set(cls, collections);
          clusters.set(cls, pointCollection(ctx.scene));
        }
        for (const cluster of cells) {
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
            color: colour(PART_COLOURS[cluster.cls], 0.75),
            pixelSize: clusterSize(cluster.count),
            outlineColor: cluster.abnormal ? ABNORMAL : OUTLINE,
            outlineWidth: 1,
          });
        }
        ctx.dispatch({ type: 'partCounts', counts });
        apply(ctx.partClasses());
      },
      show(on) {
        shown = on;
        apply(ctx.partClasses());
      },
      dispose() {
        unsubscribe();
        removeZoom();
        removeAll(ctx.scene, ...all());
      },
    };
  },
});
