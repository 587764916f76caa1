// The point layer (cases, or alarms and incidents): one PointPrimitiveCollection (not one Entity per case) reconciled with the plain
// description in state/mapPoints.ts. Each apply() adds, changes and removes only what differs, then
// asks for one frame (the viewer runs in requestRenderMode).
import { Cartesian3, Color, PointPrimitiveCollection, type PointPrimitive, type Scene } from 'cesium';
import { diffPoints, isEmptyDiff, type CasePoint, type PointColour } from '../../state/mapPoints';

const COLOURS: Record<PointColour, Color> = {
  green: Color.fromCssColorString('#34d399'),
  yellow: Color.fromCssColorString('#fbbf24'),
  red: Color.fromCssColorString('#f87171'),
  paused: Color.fromCssColorString('#94a3b8'),
  none: Color.fromCssColorString('#64748b'),
  level1: Color.fromCssColorString('#ef4444'),
  level2: Color.fromCssColorString('#fb923c'),
  level3: Color.fromCssColorString('#facc15'),
  level4: Color.fromCssColorString('#60a5fa'),
};
const OUTLINE = Color.fromCssColorString('#050a14');
const SELECTED_OUTLINE = Color.WHITE;

export interface CaseLayer {
  apply(points: readonly CasePoint[]): void;
  /** the point id (a case id, "alarm:…", "incident:…") of a picked primitive of this layer */
  caseIdOf(picked: unknown): string | null;
  readonly size: number;
  destroy(): void;
}

export function createCaseLayer(scene: Scene, scale: number): CaseLayer {
  const collection = scene.primitives.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;
  const shown = new Map<string, CasePoint>();
  const primitives = new Map<string, PointPrimitive>();

  const style = (primitive: PointPrimitive, point: CasePoint) => {
    primitive.position = Cartesian3.fromDegrees(point.lon, point.lat, 0);
    primitive.color = COLOURS[point.colour];
    primitive.pixelSize = (point.selected ? 16 : 10) * scale;
    primitive.outlineColor = point.selected ? SELECTED_OUTLINE : OUTLINE;
    primitive.outlineWidth = (point.selected ? 3 : 1.5) * scale;
  };

  return {
    apply(points) {
      const diff = diffPoints(shown, points);
      if (isEmptyDiff(diff)) return;
      for (const id of diff.remove) {
        const primitive = primitives.get(id);
        if (primitive) collection.remove(primitive);
        primitives.delete(id);
        shown.delete(id);
      }
      for (const point of diff.add) {
        const primitive = collection.add({
          id: `case:${point.id}`,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        });
        style(primitive, point);
        primitives.set(point.id, primitive);
        shown.set(point.id, point);
      }
      for (const point of diff.update) {
        const primitive = primitives.get(point.id);
        if (primitive) style(primitive, point);
        shown.set(point.id, point);
      }
      scene.requestRender();
    },
    caseIdOf(picked) {
      const id = (picked as { id?: unknown } | undefined)?.id;
      return typeof id === 'string' && id.startsWith('case:') ? id.slice(5) : null;
    },
    get size() {
      return shown.size;
    },
    destroy() {
      if (!collection.isDestroyed()) scene.primitives.remove(collection);
    },
  };
}
