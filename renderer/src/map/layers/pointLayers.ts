// Point layers in Cesium: sensors, cameras (points + view cones), alarms (pulsing) and vehicles (gliding
// between fixes); parts with their level of detail are in partsLayer.ts. Never one Entity per item. Each factory returns a LayerHandle (show / dispose) for the reconciler.
import {
  BillboardCollection,
  BlendOption,
  Cartesian3,
  Color,
  NearFarScalar,
  PointPrimitiveCollection,
  type PointPrimitive,
  type Scene,
} from 'cesium';
import type { AlarmView } from '@contract/alarms';
import type { CameraView, SensorView, VehicleView } from '@contract/city';
import { createStore } from 'zustand/vanilla';
import type { MapPick } from '../../state/layers';
import { loading, type LayerContext } from './context';
import {
  aboveStreetLevel,
  alarmPulse,
  applyFixes,
  atMostEvery,
  fleetClusters,
  fleetClustered,
  interpolate,
  moving,
  onStreetLevel,
  reloadOnTopic,
  type LayerHandle,
  type Tracks,
} from './model';
import { clusterSize, gridClusters } from './partsLod';
import { createConeLayer, type ConeLayer } from './shapeLayers';
import { alarmTriangle, SYMBOL_COLOURS } from './symbols';

export const OUTLINE = Color.fromCssColorString('#050a14');

export function collection(scene: Scene): PointPrimitiveCollection {
  return scene.primitives.add(
    new PointPrimitiveCollection({ blendOption: BlendOption.TRANSLUCENT }),
  ) as PointPrimitiveCollection;
}

function handleOf(scene: Scene, collections: PointPrimitiveCollection[], extra?: LayerHandle): LayerHandle {
  let on = true;
  return {
    show(next) {
      on = next;
      for (const c of collections) if (!c.isDestroyed()) c.show = next;
      extra?.show(next);
      scene.requestRender();
    },
    dispose() {
      for (const c of collections) if (!c.isDestroyed()) scene.primitives.remove(c);
      extra?.dispose();
      void on;
    },
  };
}

const SENSOR_SCALE = new NearFarScalar(500, 1.5, 20_000, 0.5);
const CAMERA_SCALE = new NearFarScalar(500, 1.5, 20_000, 0.45);

/** A small outlined device marker (sensors, cameras) that shrinks with distance. */
function deviceMark(
  pick: MapPick,
  at: { lon: number; lat: number },
  heightM: number,
  color: Color,
  scaleByDistance: NearFarScalar,
) {
  return {
    id: pick,
    position: Cartesian3.fromDegrees(at.lon, at.lat, heightM),
    color,
    pixelSize: 6,
    outlineColor: OUTLINE,
    outlineWidth: 1,
    scaleByDistance,
  };
}

/** Above street level a device layer's points are this many metres' clusters, one per status. */
const DEVICE_CELL_M = 500;
/** Clusters follow status changes at most this often. */
const DEVICE_RECLUSTER_MS = 1_000;

/** A drawn device: where it is, and its pick (whose status the tooltip and the clusters read). */
interface DeviceItem {
  lon: number;
  lat: number;
  pick: MapPick;
}

/**
 * A device layer's level of detail: single markers at street level; above it (CLOSE_HEIGHT_M) one point
 * per 500 m cell and status, sized by count and coloured by status, so 5,000 sensors or 2,000 cameras
 * over a city read as where they are and where some are in alarm or offline (a status never hides
 * inside another's cluster). `update` takes the items after each load or status change.
 */
function deviceLevels(
  ctx: LayerContext,
  singles: PointPrimitiveCollection,
  of: 'sensor' | 'camera',
  colours: Record<string, Color>,
) {
  const clusters = collection(ctx.scene);
  let items: readonly DeviceItem[] = [];
  let on = true;
  let far = aboveStreetLevel(ctx.scene);
  const redraw = atMostEvery(DEVICE_RECLUSTER_MS, () => {
    clusters.removeAll();
    const byStatus = new Map<string, DeviceItem[]>();
    for (const item of items) {
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
            id: `${of}:${status}:${cell.key}`,
            label: '',
            of,
            status,
            count: cell.count,
            lon: cell.lon,
            lat: cell.lat,
          } satisfies MapPick,
          position: Cartesian3.fromDegrees(cell.lon, cell.lat, 3),
          color: colours[status] ?? Color.WHITE,
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
    collections: [singles, clusters],
    update(next: readonly DeviceItem[]) {
      const first = items.length === 0;
      items = next;
      if (!clusters.show) return;
      // The first load draws at once; later changes at most once a second.
      if (first) redraw.now();
      else redraw.request();
    },
    show(next: boolean) {
      on = next;
      apply();
    },
    dispose() {
      redraw.cancel();
      removeZoom();
    },
  };
}

const SENSOR_COLOURS: Record<SensorView['status'], Color> = {
  normal: Color.fromCssColorString('#2dd4bf'),
  alarm: Color.fromCssColorString('#ef4444'),
  offline: Color.fromCssColorString('#64748b'),
};

export function createSensorLayer(ctx: LayerContext): LayerHandle {
  const points = collection(ctx.scene);
  const drawn = new Map<string, { point: PointPrimitive; item: DeviceItem }>();
  const levels = deviceLevels(ctx, points, 'sensor', SENSOR_COLOURS);
  const items = () => [...drawn.values()].map((d) => d.item);
  loading(ctx, 'sensors', async () => {
    const { sensors } = await ctx.load<{ sensors: SensorView[] }>('/sensors');
    points.removeAll();
    drawn.clear();
    for (const s of sensors) {
      const pick: MapPick = { kind: 'sensor', id: s.id, label: s.name, status: s.status };
      const point = points.add(deviceMark(pick, s, 2, SENSOR_COLOURS[s.status], SENSOR_SCALE));
      drawn.set(s.id, { point, item: { lon: s.lon, lat: s.lat, pick } });
    }
    levels.update(items());
    return sensors.length;
  });
  // Live readings recolour a sensor when it enters or leaves an alarm, without a reload.
  const unsubscribe = ctx.live?.onReadings((readings) => {
    let changed = false;
    for (const r of readings) {
      const known = drawn.get(r.id);
      if (!known || r.level === undefined) continue;
      const status = r.level === null ? 'normal' : 'alarm';
      if (known.item.pick.status === status) continue;
      known.point.color = SENSOR_COLOURS[status];
      known.item.pick.status = status;
      changed = true;
    }
    if (!changed) return;
    levels.update(items());
    ctx.scene.requestRender();
  });
  return handleOf(ctx.scene, levels.collections, {
    show: levels.show,
    dispose: () => {
      unsubscribe?.();
      levels.dispose();
    },
  });
}

const CAMERA_COLOURS: Record<CameraView['status'], Color> = {
  online: Color.fromCssColorString('#e879f9'),
  offline: Color.fromCssColorString('#64748b'),
  fault: Color.fromCssColorString('#f97316'),
};

/** How long a burst of camera status changes is gathered before the list is read again. */
const CAMERA_RELOAD_MS = 1_000;

/**
 * Cameras: a point each (colour by status) and their view cones. Live `camera` events (a camera went
 * offline, came back, reported a fault) read the list again and recolour only the cameras that changed.
 */
export function createCameraLayer(ctx: LayerContext): LayerHandle {
  const points = collection(ctx.scene);
  // The pick object is the point's id: changing its status changes what the tooltip says.
  const drawn = new Map<string, { point: PointPrimitive; item: DeviceItem }>();
  const levels = deviceLevels(ctx, points, 'camera', CAMERA_COLOURS);
  let cones: ConeLayer | undefined;
  let shown = true;
  const refresh = () =>
    loading(ctx, 'cameras', async () => {
      const { cameras } = await ctx.load<{ cameras: CameraView[] }>('/cameras');
      for (const c of cameras) {
        const known = drawn.get(c.id);
        if (!known) {
          const pick: MapPick = { kind: 'camera', id: c.id, label: c.name, status: c.status };
          const mark = deviceMark(pick, c, 3, CAMERA_COLOURS[c.status], CAMERA_SCALE);
          drawn.set(c.id, { point: points.add(mark), item: { lon: c.lon, lat: c.lat, pick } });
        } else if (known.item.pick.status !== c.status) {
          known.item.pick.status = c.status;
          known.point.color = CAMERA_COLOURS[c.status];
          cones?.setStatus(c.id, c.status);
        }
      }
      levels.update([...drawn.values()].map((d) => d.item));
      if (!cones) {
        cones = createConeLayer(ctx.scene, cameras);
        cones.show(shown);
      }
      ctx.scene.requestRender();
      return cameras.length;
    });
  refresh();
  const stopTopic = reloadOnTopic(ctx, 'camera', CAMERA_RELOAD_MS, refresh);
  return handleOf(ctx.scene, levels.collections, {
    show: (on) => {
      shown = on;
      levels.show(on);
      cones?.show(on);
    },
    dispose: () => {
      stopTopic();
      levels.dispose();
      cones?.dispose();
    },
  });
}

const ALARM_COLOURS = [
  SYMBOL_COLOURS.alarm1,
  SYMBOL_COLOURS.alarm1,
  SYMBOL_COLOURS.alarm2,
  SYMBOL_COLOURS.alarm3,
  SYMBOL_COLOURS.alarm4,
].map((c) => Color.fromCssColorString(c));

/** px of the alarm triangle at a 1920×1080 wall (twice that at 3840×2160). */
const ALARM_SYMBOL_PX = 22;

/**
 * Open alarms by level as warning triangles (a shape no other layer uses), pulsing (a per-frame colour
 * update), reloaded on every live alarm change. Billboards cost more than points on a software GPU, but
 * open alarms are few (tens), and a triangle tells an alarm from a case dot at a glance.
 */
export function createAlarmLayer(ctx: LayerContext): LayerHandle {
  const scale = Math.max(1, window.devicePixelRatio || 1);
  const image = alarmTriangle(Math.round(ALARM_SYMBOL_PX * scale * 2));
  const marks = ctx.scene.primitives.add(
    new BillboardCollection({ scene: ctx.scene }),
  ) as BillboardCollection;
  const levels: number[] = [];
  const scratch = new Color();
  const refresh = () =>
    loading(ctx, 'alarms', async () => {
      const { alarms } = await ctx.load<{ alarms: AlarmView[] }>('/alarms?status=open,acknowledged');
      if (marks.isDestroyed()) return alarms.length;
      marks.removeAll();
      levels.length = 0;
      for (const a of alarms) {
        levels.push(a.level);
        marks.add({
          id: { kind: 'alarm', id: a.id, label: a.sensorName, level: a.level } satisfies MapPick,
          position: Cartesian3.fromDegrees(a.lon, a.lat, 5),
          image,
          width: ALARM_SYMBOL_PX,
          height: ALARM_SYMBOL_PX,
          color: ALARM_COLOURS[a.level] ?? Color.WHITE,
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        });
      }
      return alarms.length;
    });
  refresh();
  const timer = setInterval(refresh, ctx.onTopic ? 60_000 : 15_000);
  const stopTopic = reloadOnTopic(ctx, 'alarm', 300, refresh);
  const pulse = () => {
    if (marks.isDestroyed() || !marks.show || marks.length === 0) return;
    const now = performance.now();
    for (let i = 0; i < marks.length; i++) {
      const level = levels[i] ?? 4;
      marks.get(i).color = Color.clone(ALARM_COLOURS[level] ?? Color.WHITE, scratch).withAlpha(
        alarmPulse(level, now),
        scratch,
      );
    }
  };
  const removePulse = ctx.scene.preRender.addEventListener(pulse);
  // requestRenderMode: keep frames coming (at a modest rate) while pulsing alarms are on the map.
  const ticker = setInterval(() => {
    if (!marks.isDestroyed() && marks.show && levels.some((l) => l <= 3)) ctx.scene.requestRender();
  }, 120);
  return {
    show(next) {
      if (!marks.isDestroyed()) marks.show = next;
      ctx.scene.requestRender();
    },
    dispose() {
      clearInterval(timer);
      stopTopic();
      clearInterval(ticker);
      removePulse();
      if (!marks.isDestroyed()) ctx.scene.primitives.remove(marks);
    },
  };
}

/**
 * A vehicle's marker (also the render benchmark's Entity baseline, to draw the same thing). It shrinks
 * with the camera's height: at street level 8 px with an outline, at city zoom (~9 km) about 5 px.
 * 10,000 vehicles at full size over an 8 × 6 km city cover more pixels than the screen has (a yellow
 * carpet over every other layer); smaller they still show where the fleet is and leave the parts
 * clusters, cases and alarms readable, and a software GPU shades a third of the pixels.
 */
export const VEHICLE_POINT = {
  // White in a blue ring: no case clock colour, alarm level or device status uses it.
  color: Color.fromCssColorString(SYMBOL_COLOURS.vehicle),
  pixelSize: 8,
  outlineColor: Color.fromCssColorString(SYMBOL_COLOURS.vehicleRing),
  outlineWidth: 2,
  scaleByDistance: new NearFarScalar(1_500, 1, 12_000, 0.45),
} as const;

/** Clusters follow the fixes at most this often (the feed sends a batch every 250 ms). */
const FLEET_RECLUSTER_MS = 1_000;
const FLEET_CLUSTER = {
  color: VEHICLE_POINT.color.withAlpha(0.85),
  outlineColor: VEHICLE_POINT.outlineColor,
  outlineWidth: 1.5,
};

/**
 * Vehicles: the fleet from REST (re-read every 30 s, every 5 s without the live feed), live fixes from
 * the socket's `live:positions` into a small vanilla store; a preRender listener glides them.
 *
 * Level of detail (model.ts `fleetClustered`): a fleet of more than FLEET_CLUSTER_ABOVE vehicles is
 * drawn above street level as one point per 500 m cell (sized by how many vehicles are in it, placed at
 * their mean position), which follows the fixes once a second; at street level every vehicle glides on its own. 10,000 single
 * vehicles over a city are a carpet that hides every other layer and says less than the counts, and a
 * software GPU pays for every point each frame (docs/benchmarks.md). A city's own fleet (a few hundred)
 * stays single at every zoom.
 */
export function createVehicleLayer(ctx: LayerContext): LayerHandle {
  const points = collection(ctx.scene);
  const clusters = collection(ctx.scene);
  const clusterByKey = new Map<string, PointPrimitive>();
  const tracks = createStore<{ tracks: Tracks }>(() => ({ tracks: new Map() }));
  const byId = new Map<string, ReturnType<PointPrimitiveCollection['add']>>();
  let on = true;
  const clustered = () => fleetClustered(ctx.scene.camera.positionCartographic.height, byId.size);

  /** The clusters from every vehicle's latest fix: cells keep their point, new ones get one. */
  const recluster = atMostEvery(FLEET_RECLUSTER_MS, () => {
    const cells = fleetClusters(tracks.getState().tracks);
    const seen = new Set<string>();
    for (const cell of cells) {
      seen.add(cell.key);
      const pick: MapPick = {
        kind: 'fleet',
        id: `fleet:${cell.key}`,
        label: '',
        lon: cell.lon,
        lat: cell.lat,
        count: cell.count,
      };
      const position = Cartesian3.fromDegrees(cell.lon, cell.lat, 6);
      const pixelSize = clusterSize(cell.count) + 1;
      const point = clusterByKey.get(cell.key);
      if (point) {
        point.id = pick;
        point.position = position;
        point.pixelSize = pixelSize;
      } else clusterByKey.set(cell.key, clusters.add({ id: pick, position, pixelSize, ...FLEET_CLUSTER }));
    }
    for (const [key, point] of clusterByKey)
      if (!seen.has(key)) {
        clusters.remove(point);
        clusterByKey.delete(key);
      }
    ctx.scene.requestRender();
  });
  /** Shows singles or clusters for the zoom and fleet size now. */
  let singles = true;
  const apply = () => {
    const asClusters = clustered();
    const showSingles = on && !asClusters;
    // Singles stop being moved while hidden: put each where its glide is now before they show again.
    if (showSingles && !singles) placeAll(performance.now());
    singles = showSingles;
    points.show = showSingles;
    clusters.show = on && asClusters;
    if (clusters.show) recluster.now();
    ctx.scene.requestRender();
  };
  const placeAll = (now: number) => {
    for (const [id, track] of tracks.getState().tracks) {
      const point = byId.get(id);
      if (!point) continue;
      const at = interpolate(track, now);
      point.position = Cartesian3.fromDegrees(at.lon, at.lat, 4);
    }
  };

  const poll = () =>
    loading(ctx, 'vehicles', async () => {
      const { vehicles } = await ctx.load<{ vehicles: VehicleView[] }>('/vehicles');
      tracks.setState((s) => ({ tracks: applyFixes(s.tracks, vehicles, performance.now()) }));
      for (const v of vehicles)
        if (!byId.has(v.id))
          byId.set(
            v.id,
            points.add({
              id: { kind: 'vehicle', id: v.id, label: v.plate, team: v.kind } satisfies MapPick,
              position: Cartesian3.fromDegrees(v.lon, v.lat, 4),
              ...VEHICLE_POINT,
            }),
          );
      apply();
      return vehicles.length;
    });
  poll();
  const timer = setInterval(poll, ctx.live ? 30_000 : 5_000);
  const stopLive = ctx.live?.onPositions((fixes) => {
    const known = fixes.filter((f) => byId.has(f.id));
    if (known.length) tracks.setState((s) => ({ tracks: applyFixes(s.tracks, known, performance.now()) }));
  });
  // Transient updates: new fixes reach the engine through subscribe(), never through React.
  const unsubscribe = tracks.subscribe(() => {
    if (clusters.show) recluster.request();
    else ctx.scene.requestRender();
  });
  const removeZoom = onStreetLevel(ctx.scene, apply);
  const glide = () => {
    if (!points.show) return;
    const now = performance.now();
    const current = tracks.getState().tracks;
    for (const [id, track] of current) {
      const point = byId.get(id);
      if (!point || now > track.last.at + 1_000) continue;
      const at = interpolate(track, now);
      point.position = Cartesian3.fromDegrees(at.lon, at.lat, 4);
    }
    if (moving(current, now)) ctx.scene.requestRender();
  };
  const removeGlide = ctx.scene.preRender.addEventListener(glide);
  return handleOf(ctx.scene, [points, clusters], {
    show: (next) => {
      on = next;
      apply();
    },
    dispose: () => {
      clearInterval(timer);
      recluster.cancel();
      stopLive?.();
      unsubscribe();
      removeZoom();
      removeGlide();
    },
  });
}
