// The sensors' and cameras' data step: the lists from REST, checked with the contract's schemas, as
// immutable device items (where, and the pick the tooltip and the clusters read). A status change makes
// a new item; nothing here changes an item once made. No Cesium: Node tests run it.
import { z } from 'zod';
import { CameraView, SensorView } from '@contract/city';
import type { LiveReading } from '@contract/stream';
import type { MapPick } from '../../state/layers';
import type { LayerApi } from './layerApi';

/** A drawn device: where it is, and its pick (with its status now). */
export interface DeviceItem {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  readonly pick: Readonly<MapPick>;
}

export const SensorList = z.object({ sensors: z.array(SensorView) });
export const CameraList = z.object({ cameras: z.array(CameraView) });

export const loadSensors = (api: LayerApi) => api.get('/sensors', SensorList);
export const loadCameras = (api: LayerApi) => api.get('/cameras', CameraList);

export function formatSensors({ sensors }: z.infer<typeof SensorList>): DeviceItem[] {
  return sensors.map((s) => ({
    id: s.id,
    lon: s.lon,
    lat: s.lat,
    pick: { kind: 'sensor', id: s.id, label: s.name, status: s.status },
  }));
}

export interface CameraItems {
  items: DeviceItem[];
  /** the cameras as listed (their view cones need heading and field of view) */
  cameras: CameraView[];
}

export function formatCameras({ cameras }: z.infer<typeof CameraList>): CameraItems {
  return {
    cameras,
    items: cameras.map((c) => ({
      id: c.id,
      lon: c.lon,
      lat: c.lat,
      pick: { kind: 'camera', id: c.id, label: c.name, status: c.status },
    })),
  };
}

/** The item with a new status (the same item when the status is the same). */
export const withStatus = (item: DeviceItem, status: string): DeviceItem =>
  item.pick.status === status ? item : { ...item, pick: { ...item.pick, status } };

/**
 * Live readings as new sensor items: a reading with an alarm level turns its sensor to 'alarm', one with
 * `level: null` back to 'normal'; readings that change nothing are left out.
 */
export function sensorChanges(
  items: ReadonlyMap<string, DeviceItem>,
  readings: readonly LiveReading[],
): DeviceItem[] {
  const changed = new Map<string, DeviceItem>();
  for (const r of readings) {
    const item = changed.get(r.id) ?? items.get(r.id);
    const level = r.level;
    if (!item || level === undefined) continue;
    const next = withStatus(item, level === null ? 'normal' : 'alarm');
    if (next !== item) changed.set(r.id, next);
  }
  return [...changed.values()];
}

/** A camera's view cone as a closed ring [lon, lat, lon, lat, …]: the camera, an arc, the camera. */
export function coneRing(
  lon: number,
  lat: number,
  headingDeg: number,
  fovDeg: number,
  radiusM: number,
  steps = 6,
): number[] {
  const M_PER_DEG_LAT = 111_320;
  const ring = [lon, lat];
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
  for (let i = 0; i <= steps; i++) {
    const bearing = ((headingDeg - fovDeg / 2 + (fovDeg * i) / steps) * Math.PI) / 180;
    ring.push(
      lon + (Math.sin(bearing) * radiusM) / mPerDegLon,
      lat + (Math.cos(bearing) * radiusM) / M_PER_DEG_LAT,
    );
  }
  ring.push(lon, lat);
  return ring;
}
