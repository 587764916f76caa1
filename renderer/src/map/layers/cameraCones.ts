// The cameras' view cones: one Primitive of polygon geometry instances (never one Entity each), shown
// only when close. A status change recolours one cone. The instances' ids are the picks the cones were
// made with and are never changed: the camera layer answers with the camera's current item
// (LayerHandle.current).
import {
  Cartesian3,
  ColorGeometryInstanceAttribute,
  DistanceDisplayConditionGeometryInstanceAttribute,
  GeometryInstance,
  PerInstanceColorAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  Primitive,
  type Scene,
} from 'cesium';
import type { CameraStatus, CameraView } from '@contract/city';
import type { MapPick } from '../../state/layers';
import { CAMERA_COLOURS, CONE_ALPHA } from '../palette';
import { coneRing } from './deviceData';
import { colour } from './draw';

const coneColour = (status: CameraStatus) => colour(CAMERA_COLOURS[status], CONE_ALPHA[status]);

export interface ConeLayer {
  setStatus(cameraId: string, status: CameraStatus): void;
  show(on: boolean): void;
  dispose(): void;
}

export function createConeLayer(scene: Scene, cameras: readonly CameraView[]): ConeLayer {
  const near = new DistanceDisplayConditionGeometryInstanceAttribute(0, 6_000);
  // Instance attributes are looked up by the instance's id object itself.
  const ids = new Map<string, Readonly<MapPick>>();
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
            color: ColorGeometryInstanceAttribute.fromColor(coneColour(c.status)),
            distanceDisplayCondition: near,
          },
        });
      }),
      appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
      asynchronous: true,
    }),
  ) as Primitive;
  // Changes that arrive while the geometry is still being built wait for it.
  const pending = new Map<string, CameraStatus>();
  const apply = () => {
    if (primitive.isDestroyed() || !primitive.ready) return false;
    for (const [cameraId, status] of pending) {
      const id = ids.get(cameraId);
      const attributes = id && primitive.getGeometryInstanceAttributes(id);
      if (attributes) attributes.color = ColorGeometryInstanceAttribute.toValue(coneColour(status));
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
