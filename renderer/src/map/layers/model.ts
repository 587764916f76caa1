// What the map layers draw, as plain data and pure functions (no Cesium, no DOM): part grouping,
// camera view cones, vehicle interpolation between fixes and the fleet's clusters, the alarm pulse, the
// layer reconciler that turns the store's `on` flags into engine calls, and the layers' street-level
// and throttling helpers. Node tests run all of it without a GPU.
import type { PartsColumnar } from '@contract/city';
import {
  CLOSE_HEIGHT_M,
  LAYER_IDS,
  PART_CLASSES,
  partClassOf,
  type LayerId,
  type PartClass,
} from '../../state/layers';
import { gridClusters, type GridCluster } from './partsLod';

// ---- parts ---------------------------------------------------------------------------------------

/** Indices into the columnar arrays, per part class (the engine draws one point collection per class). */
export function partsByClass(parts: PartsColumnar): Record<PartClass, number[]> {
  const groups = Object.fromEntries(PART_CLASSES.map((c) => [c, [] as number[]])) as Record<
    PartClass,
    number[]
  >;
  const classOfCat = parts.categories.map(partClassOf);
  for (let i = 0; i < parts.count; i++) {
    const cls = classOfCat[parts.cat[i] ?? -1];
    if (cls) groups[cls].push(i);
  }
  return groups;
}

// ---- cameras -------------------------------------------------------------------------------------

const M_PER_DEG_LAT = 111_320;

/**
 * The view cone of a camera as a closed ring [lon, lat, lon, lat, …]: the camera, then an arc of
 * `steps` segments from heading - fov/2 to heading + fov/2 (degrees clockwise from north).
 */
export function coneRing(
  lon: number,
  lat: number,
  headingDeg: number,
  fovDeg: number,
  radiusM: number,
  steps = 6,
): number[] {
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

// ---- vehicles ------------------------------------------------------------------------------------

export interface Fix {
  lon: number;
  lat: number;
  /** ms, local clock, when the fix arrived */
  at: number;
}

export interface Track {
  prev: Fix;
  last: Fix;
}

export type Tracks = ReadonlyMap<string, Track>;

/**
 * Pure updater: new fixes arrive (from a poll or the live stream). A vehicle that did not move keeps
 * its track object, so subscribers can skip it.
 */
export function applyFixes(
  tracks: Tracks,
  fixes: ReadonlyArray<{ id: string; lon: number; lat: number }>,
  at: number,
): Tracks {
  let next: Map<string, Track> | null = null;
  for (const f of fixes) {
    const track = tracks.get(f.id);
    if (track && track.last.lon === f.lon && track.last.lat === f.lat) continue;
    next ??= new Map(tracks);
    const fix = { lon: f.lon, lat: f.lat, at };
    // The vehicle moves from where it is drawn now, so a late fix never makes it jump back.
    const from = track ? interpolate(track, at) : fix;
    next.set(f.id, { prev: { ...from, at }, last: { ...fix, at: at + FIX_BLEND_MS } });
  }
  return next ?? tracks;
}

/** How long a vehicle takes to glide from its drawn position to a new fix. */
export const FIX_BLEND_MS = 3_000;

/** Where to draw a vehicle at `now`: linear between the two fixes, clamped at the ends. */
export function interpolate(track: Track, now: number): { lon: number; lat: number } {
  const span = track.last.at - track.prev.at;
  const t = span <= 0 ? 1 : Math.min(1, Math.max(0, (now - track.prev.at) / span));
  return {
    lon: track.prev.lon + (track.last.lon - track.prev.lon) * t,
    lat: track.prev.lat + (track.last.lat - track.prev.lat) * t,
  };
}

/** A fleet larger than this is drawn as clusters above street level. */
export const FLEET_CLUSTER_ABOVE = 1_000;

/** Whether the vehicle layer draws clusters: a large fleet, seen from above street level. */
export const fleetClustered = (heightM: number, fleetSize: number): boolean =>
  heightM > CLOSE_HEIGHT_M && fleetSize > FLEET_CLUSTER_ABOVE;

/** The fleet on a grid of `cellM` metres, every vehicle at its latest fix (where it is heading). */
export function fleetClusters(tracks: Tracks, cellM = 500): GridCluster[] {
  const fixes = [...tracks.values()].map((t) => t.last);
  return gridClusters(
    fixes.length,
    (k) => fixes[k]?.lon ?? 0,
    (k) => fixes[k]?.lat ?? 0,
    cellM,
    fixes[0]?.lat ?? 30,
  );
}

/** True while some vehicle is still gliding (the engine then keeps rendering frames). */
export function moving(tracks: Tracks, now: number): boolean {
  for (const track of tracks.values()) if (now < track.last.at) return true;
  return false;
}

// ---- alarms --------------------------------------------------------------------------------------

/** Alpha of an alarm point at time `ms`: level 1 pulses fastest, level 4 does not pulse. */
export function alarmPulse(level: number, ms: number): number {
  const period = level <= 1 ? 800 : level === 2 ? 1_200 : level === 3 ? 1_800 : 0;
  if (!period) return 1;
  return 0.35 + 0.65 * (0.5 + 0.5 * Math.cos((2 * Math.PI * ms) / period));
}

// ---- the reconciler ------------------------------------------------------------------------------

/** One layer in an engine: created the first time it is switched on, then shown or hidden. */
export interface LayerHandle {
  show(on: boolean): void;
  dispose(): void;
}

export type LayerFactory = () => LayerHandle;

/**
 * Brings an engine in line with the store's `on` flags: creates a layer the first time it is on,
 * shows or hides it afterwards. Returns the function to call with each new state, and a disposer.
 *
 * A factory dispatches to the store as it starts loading, and the store's listener calls `apply` again
 * before the factory has returned: that nested call is queued and runs after the current one, so a
 * layer is never created twice (the first copy would stay on the map, out of reach of its toggle).
 */
export function createLayerReconciler(factories: Partial<Record<LayerId, LayerFactory>>) {
  const handles = new Map<LayerId, LayerHandle>();
  const shown = new Map<LayerId, boolean>();
  let applying = false;
  let queued: Readonly<Record<LayerId, boolean>> | null = null;
  const apply = (on: Readonly<Record<LayerId, boolean>>) => {
    if (applying) {
      queued = on;
      return;
    }
    applying = true;
    try {
      applyNow(on);
    } finally {
      applying = false;
    }
    const next = queued;
    queued = null;
    if (next) apply(next);
  };
  const applyNow = (on: Readonly<Record<LayerId, boolean>>) => {
    for (const id of LAYER_IDS) {
      const factory = factories[id];
      if (!factory) continue;
      let handle = handles.get(id);
      if (!handle && !on[id]) continue;
      if (!handle) {
        handle = factory();
        handles.set(id, handle);
      }
      if (shown.get(id) === on[id]) continue;
      shown.set(id, on[id]);
      handle.show(on[id]);
    }
  };
  const dispose = () => {
    for (const handle of handles.values()) handle.dispose();
    handles.clear();
    shown.clear();
  };
  return { apply, dispose };
}

// ---- search --------------------------------------------------------------------------------------

export type SearchQuery =
  | { kind: 'part'; id: string }
  | { kind: 'camera'; id: string }
  | { kind: 'case'; q: string }
  | { kind: 'none' };

/** 16 digits: a part ID; 20 digits: a camera channel ID; anything else: a case number or address. */
export function parseSearch(input: string): SearchQuery {
  const q = input.trim();
  if (!q) return { kind: 'none' };
  if (/^\d{16}$/.test(q)) return { kind: 'part', id: q };
  if (/^\d{20}$/.test(q)) return { kind: 'camera', id: q };
  return { kind: 'case', q };
}

// ---- live reloads ------------------------------------------------------------------------------

/** What `reloadOnTopic` needs of a LayerContext (context.ts): its stream topics. */
interface TopicSource {
  onTopic?(listener: (topic: string) => void): () => void;
}

/**
 * Calls `reload` once `waitMs` after the first live event of `topic` (or a snapshot, '*'), however many
 * follow meanwhile: a burst of changes causes one reload. Returns the unsubscriber (no-op without a stream).
 */
export function reloadOnTopic(
  ctx: TopicSource,
  topic: string,
  waitMs: number,
  reload: () => void,
): () => void {
  let soon: ReturnType<typeof setTimeout> | undefined;
  const stop = ctx.onTopic?.((t) => {
    if ((t !== topic && t !== '*') || soon !== undefined) return;
    soon = setTimeout(() => {
      soon = undefined;
      reload();
    }, waitMs);
  });
  return () => {
    clearTimeout(soon);
    stop?.();
  };
}

// ---- street level and throttling (shared by the point layers) -------------------------------------

/** What the street-level helpers need of a Cesium Scene. */
interface CameraScene {
  camera: { positionCartographic: { height: number } };
  preRender: { addEventListener(listener: () => void): () => void };
}

/** Whether the camera is above street level (CLOSE_HEIGHT_M), where the point layers draw clusters. */
export const aboveStreetLevel = (scene: CameraScene): boolean =>
  scene.camera.positionCartographic.height > CLOSE_HEIGHT_M;

/**
 * Calls `onChange(above)` each time the camera crosses street level (checked every frame, which is
 * cheap; told only on a change). Returns the unsubscriber.
 */
export function onStreetLevel(scene: CameraScene, onChange: (above: boolean) => void): () => void {
  let above = aboveStreetLevel(scene);
  return scene.preRender.addEventListener(() => {
    const next = aboveStreetLevel(scene);
    if (next === above) return;
    above = next;
    onChange(next);
  });
}

/**
 * Runs `run` at most once every `ms`: `request()` runs it when the last run is `ms` old (at once if it
 * is), however often it is called meanwhile; `now()` runs it at once. For clusters that follow live
 * changes.
 */
export function atMostEvery(ms: number, run: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ranAt = -Infinity;
  const now = () => {
    clearTimeout(timer);
    timer = undefined;
    ranAt = performance.now();
    run();
  };
  return {
    now,
    request() {
      if (timer === undefined) timer = setTimeout(now, Math.max(0, ranAt + ms - performance.now()));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
