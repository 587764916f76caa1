// District outlines with their names, and street outlines (thin). Data: shapeData.ts (fetched ahead at
// sign-in, see cesium/MapView.tsx).
import {
  Cartesian2,
  Cartesian3,
  DistanceDisplayCondition,
  LabelCollection,
  LabelStyle,
  Material,
  PolylineCollection,
} from 'cesium';
import { OUTLINE as OUTLINE_CSS, SHAPE_COLOURS } from '../palette';
import { colour, removeAll } from './draw';
import { defineLayer } from './layer';
import { formatDivisions, loadDivisions } from './shapeData';

/**
 * Adds closed rings ([lon, lat, …]) to a polyline collection. Each polyline gets its own material: a
 * removed polyline destroys its material, so a shared one would break the others.
 */
export function addRings(
  lines: PolylineCollection,
  rings: readonly number[][],
  width: number,
  css: string,
  alpha: number,
) {
  const color = colour(css, alpha);
  for (const ring of rings)
    lines.add({
      positions: Cartesian3.fromDegreesArray(ring),
      width,
      material: Material.fromType('Color', { color }),
    });
}

export const divisionLayer = defineLayer({
  id: 'divisions',
  load: (ctx) => loadDivisions(ctx.api, ctx.token()),
  format: formatDivisions,
  count: (items) => items.count,
  render(ctx) {
    const lines = ctx.scene.primitives.add(new PolylineCollection()) as PolylineCollection;
    const labels = ctx.scene.primitives.add(new LabelCollection()) as LabelCollection;
    return {
      draw({ districts, streets, labels: names }) {
        if (lines.isDestroyed() || labels.isDestroyed()) return;
        lines.removeAll();
        labels.removeAll();
        addRings(lines, streets, 1, SHAPE_COLOURS.street, 0.35);
        addRings(lines, districts, 2.5, SHAPE_COLOURS.district, 0.9);
        for (const name of names)
          labels.add({
            position: Cartesian3.fromDegrees(name.lon, name.lat, 30),
            text: name.text,
            font: '600 18px "Noto Sans CJK SC", sans-serif',
            fillColor: colour(SHAPE_COLOURS.label),
            outlineColor: colour(OUTLINE_CSS),
            outlineWidth: 3,
            style: LabelStyle.FILL_AND_OUTLINE,
            pixelOffset: new Cartesian2(0, 0),
            distanceDisplayCondition: new DistanceDisplayCondition(0, 60_000),
            disableDepthTestDistance: Number.POSITIVE_INFINITY,
          });
      },
      show(on) {
        if (!lines.isDestroyed()) lines.show = on;
        if (!labels.isDestroyed()) labels.show = on;
        ctx.scene.requestRender();
      },
      dispose: () => removeAll(ctx.scene, lines, labels),
    };
  },
});
