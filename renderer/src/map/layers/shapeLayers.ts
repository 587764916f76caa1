// Shape layers in Cesium: camera view cones (one Primitive of polygon geometry instances, shown only
// when close), division outlines with labels, and grid cells (fetched for the view, only when close).
import {
  Cartesian2,
  Cartesian3,
  Color,
  ColorGeometryInstanceAttribute,
  DistanceDisplayCondition,
  DistanceDisplayConditionGeometryInstanceAttribute,
  GeometryInstance,
  LabelCollection,
  LabelStyle,
  Material,
  Math as CesiumMath,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  PolylineCollection,
  Primitive,
  type Scene,
} from 'cesium';
import type { CameraView } from '@contract/city';
import { CLOSE_HEIGHT_M, type MapPick } from '../../state/layers';
import { coneRing, type LayerHandle } from './model';
import { loading, type LayerContext } from './context';
import { DIVISION_PATHS } from './load';

const CONE_COLOURS: Record<CameraView['status'], Color> = {
  online: Color.fromCssColorString('#e879f9').withAlpha(0.28),
  offline: Color.fromCssColorString('#64748b').withAlpha(0.2),
  fault: Color.fromCssColorString('#f97316').withAlpha(0.25),
};

/** The cameras' view cones; `setStatus` recolours one (a camera that went offline greys out). */
export interface ConeLayer extends LayerHandle {
  setStatus(cameraId: string, status: CameraView['status']): void;
}

export function createConeLayer(scene: Scene, cameras: readonly CameraView[]): ConeLayer {
  const near = new DistanceDisplayConditionGeometryInstanceAttribute(0, 6_000);
  // Instance attributes are looked up by the instance's id object itself.
  const ids = new Map<string, MapPick>();
  const primitive = scene.primitives.add(
    new Primitive({
      geometryInstances: cameras.map((c) => {
        const id: MapPick = { kind: 'camera', id: c.id, label: c.name, status: c.status };
        ids.set(c.id, id);
        return new GeometryInstance({
          id,
          geometry: new PolygonGeometry({
            polygonHierarchy: new PolygonHierarchy(
              Cartesian3.fromDegreesArray(coneRing(c.lon, c.lat, c.heading, c.fov, 60)),
            ),
            height: 2,
          }),
          attributes: {
            color: ColorGeometryInstanceAttribute.fromColor(CONE_COLOURS[c.status]),
            distanceDisplayCondition: near,
          },
        });
      }),
      appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
      asynchronous: true,
    }),
  ) as Primitive;
  // Changes that arrive while the geometry is still being built wait for it.
  const pending = new Map<string, CameraView['status']>();
  const apply = () => {
    if (primitive.isDestroyed() || !primitive.ready) return false;
    for (const [cameraId, status] of pending) {
      const id = ids.get(cameraId);
      if (id) id.status = status;
      const attributes = id && primitive.getGeometryInstanceAttributes(id);
      if (attributes) attributes.color = ColorGeometryInstanceAttribute.toValue(CONE_COLOURS[status]);
    }
    pending.clear();
    scene.requestRender();
    return true;
  };
  let removeWait: (() => void) | undefined;
  return {
    setStatus(cameraId, status) {
      if (!ids.has(cameraId)) return;
      pending.set(cameraId, status);
      if (apply() || removeWait) return;
      removeWait = scene.postRender.addEventListener(() => {
        if (!apply()) return;
        removeWait?.();
        removeWait = undefined;
      });
    },
    show(on) {
      if (!primitive.isDestroyed()) primitive.show = on;
      scene.requestRender();
    },
    dispose() {
      removeWait?.();
      if (!primitive.isDestroyed()) scene.primitives.remove(primitive);
    },
  };
}

interface DivisionFeature {
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
  properties: { code: string; name: string; level: string };
}
interface FeatureCollection {
  features: DivisionFeature[];
}

function rings(feature: DivisionFeature): number[][][] {
  const g = feature.geometry;
  return g.type === 'Polygon'
    ? (g.coordinates as number[][][])
    : (g.coordinates as number[][][][]).flatMap((polygon) => polygon);
}

function addOutline(lines: PolylineCollection, feature: DivisionFeature, width: number, colour: Color) {
  for (const ring of rings(feature))
    lines.add({
      positions: Cartesian3.fromDegreesArray(ring.flatMap(([lon = 0, lat = 0]) => [lon, lat])),
      width,
      material: Material.fromType('Color', { color: colour }),
    });
}

const DISTRICT = Color.fromCssColorString('#22d3ee').withAlpha(0.9);
const STREET = Color.fromCssColorString('#67e8f9').withAlpha(0.35);
const GRID = Color.fromCssColorString('#fbbf24').withAlpha(0.45);

/** District outlines with their names, and street outlines (thin, from closer). */
export function createDivisionLayer(ctx: LayerContext): LayerHandle {
  const lines = ctx.scene.primitives.add(new PolylineCollection()) as PolylineCollection;
  const labels = ctx.scene.primitives.add(new LabelCollection()) as LabelCollection;
  loading(ctx, 'divisions', async () => {
    const [districtPath, streetPath] = DIVISION_PATHS;
    const [districts, streets] = await Promise.all([
      ctx.load<FeatureCollection>(districtPath),
      ctx.load<FeatureCollection>(streetPath),
    ]);
    const own = (fc: FeatureCollection, level: string) =>
      fc.features.filter((f) => f.properties.level === level);
    const d = own(districts, 'district');
    const s = own(streets, 'street');
    for (const f of s) addOutline(lines, f, 1, STREET);
    for (const f of d) {
      addOutline(lines, f, 2.5, DISTRICT);
      const ring = rings(f)[0] ?? [];
      const lon = ring.reduce((sum, p) => sum + (p[0] ?? 0), 0) / Math.max(1, ring.length);
      const lat = ring.reduce((sum, p) => sum + (p[1] ?? 0), 0) / Math.max(1, ring.length);
      labels.add({
        position: Cartesian3.fromDegrees(lon, lat, 30),
        text: f.properties.name,
        font: '600 18px "Noto Sans CJK SC", sans-serif',
        fillColor: Color.fromCssColorString('#e0f2fe'),
        outlineColor: Color.fromCssColorString('#050a14'),
        outlineWidth: 3,
        style: LabelStyle.FILL_AND_OUTLINE,
        pixelOffset: new Cartesian2(0, 0),
        distanceDisplayCondition: new DistanceDisplayCondition(0, 60_000),
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
    }
    return d.length + s.length;
  });
  return {
    show(on) {
      if (!lines.isDestroyed()) lines.show = on;
      if (!labels.isDestroyed()) labels.show = on;
      ctx.scene.requestRender();
    },
    dispose() {
      if (!lines.isDestroyed()) ctx.scene.primitives.remove(lines);
      if (!labels.isDestroyed()) ctx.scene.primitives.remove(labels);
    },
  };
}

/** The view's bounding box (degrees) as "w,s,e,n", or null when the camera sees no ground. */
export function viewBbox(scene: Scene): string | null {
  const rect = scene.camera.computeViewRectangle(scene.globe.ellipsoid);
  if (!rect) return null;
  const deg = [rect.west, rect.south, rect.east, rect.north].map((r) => CesiumMath.toDegrees(r).toFixed(5));
  return deg.join(',');
}

/** Grid cells of the current view, only when the camera is close (they are thousands city-wide). */
export function createGridLayer(ctx: LayerContext): LayerHandle {
  const lines = ctx.scene.primitives.add(new PolylineCollection()) as PolylineCollection;
  let on = true;
  let lastBbox = '';
  const refresh = () => {
    const height = ctx.scene.camera.positionCartographic.height;
    const close = height < CLOSE_HEIGHT_M;
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
      const cells = await ctx.load<FeatureCollection>(`/grid?bbox=${bbox}`);
      lines.removeAll();
      for (const f of cells.features) addOutline(lines, f, 1, GRID);
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
      if (!lines.isDestroyed()) ctx.scene.primitives.remove(lines);
    },
  };
}
