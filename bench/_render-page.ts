// The render benchmark's page (bundled by bench/render.ts with esbuild): one Cesium scene with 100,000
// parts and 10,000 live vehicles that get a new GPS fix every second and glide between fixes every
// frame. "ours" mounts the app's own layers (partsLayer, vehicleLayer from renderer/src/map/layers) on a
// LayerContext whose REST client returns synthetic data in the wire shapes (checked with the same schemas) and
// whose live feed is a fake TransientFeed; "entities" draws the same items as one Entity each, the
// vehicles through a position property evaluated every frame; "globe" draws nothing (the software
// GPU's floor). Same viewer options in all modes (the app's theme), continuous rendering; the camera
// looks straight down from `height` m. After N frames reports window.__bench = {fps, frames, ms,
// setupMs, firstFrameMs, sceneMs, itemsMs}: sceneMs is the main thread's time in scene.render per frame,
// itemsMs the main thread's time per frame spent on the items: taking in the fixes (both modes), then
// ours: the layers' preRender listeners and timers; entities: DataSourceDisplay.update.
import {
  CallbackPositionProperty,
  Cartesian3,
  Color,
  DistanceDisplayCondition,
  NearFarScalar,
  Viewer,
} from 'cesium';
import { TEAM_KINDS, type PartsColumnar, type VehicleView } from '@contract/city';
import type { VehiclePosition } from '@contract/stream';
import type { TransientFeed } from '../renderer/src/services/transient';
import type { LayerContext } from '../renderer/src/map/layers/context';
import { partsLayer } from '../renderer/src/map/layers/partsLayer';
import { vehicleSymbolUrl } from '../renderer/src/map/layers/symbolImages';
import { vehicleShapeOf } from '../renderer/src/map/layers/symbols';
import { applyFixes, fleetSingles, interpolate, type Tracks } from '../renderer/src/map/layers/vehicleData';
import { FLEET_DOT, vehicleLayer, VEHICLE_SYMBOL } from '../renderer/src/map/layers/vehicleLayer';
import { TEAM_COLOURS } from '../renderer/src/map/palette';
import { applySceneTheme, themeViewerOptions } from '../renderer/src/map/cesium/theme';
import { PART_CLASSES, partClassOf, type PartClass } from '../renderer/src/state/layers';

const page = window as unknown as Window & { __bench?: unknown };
const params = new URLSearchParams(page.location.search);
const mode = (['entities', 'globe'] as const).find((m) => m === params.get('mode')) ?? 'ours';
const PARTS = Number(params.get('parts') ?? 100_000);
const MARKERS = Number(params.get('markers') ?? 10_000);
const FRAMES = Number(params.get('frames') ?? 40);
const MAX_MS = Number(params.get('maxMs') ?? 30_000);
/** the camera's height: 9 km shows the whole city, 1.2 km a few streets */
const HEIGHT_M = Number(params.get('height') ?? 9_000);
const FIX_MS = 1_000;
const [W, S, E, N] = [119.1363, 34.573, 119.2237, 34.627];

// ---- the same synthetic city in both modes ------------------------------------------------------

// A fixed pseudo-random sequence, so both modes draw the same scene.
let seed = 42;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** GET /api/parts/columnar's shape: a few subclasses of every class, 2 % abnormal. */
function syntheticParts(count: number): PartsColumnar {
  const categories = ['0101', '0104', '0118', '0209', '0213', '0301', '0402', '0501'].map((c) => `part-${c}`);
  const parts: PartsColumnar = { count, categories, id: [], cat: [], lon: [], lat: [], abnormal: [] };
  for (let i = 0; i < count; i++) {
    const cat = Math.floor(rand() * categories.length);
    parts.id.push(`320703${categories[cat]!.slice(5)}${String(i).padStart(6, '0')}`);
    parts.cat.push(cat);
    parts.lon.push(round6(W + rand() * (E - W)));
    parts.lat.push(round6(S + rand() * (N - S)));
    parts.abnormal.push(rand() < 0.02 ? 1 : 0);
  }
  return parts;
}

/** GET /api/vehicles' items, the four teams in turn: each vehicle circles its own centre, about 10 m/s. */
const fleetBase = Array.from({ length: MARKERS }, (_, i) => ({
  id: `veh-${i}`,
  kind: TEAM_KINDS[i % TEAM_KINDS.length]!,
  lon: W + 0.005 + rand() * (E - W - 0.01),
  lat: S + 0.005 + rand() * (N - S - 0.01),
  phase: rand() * 2 * Math.PI,
}));
const RADIUS_DEG = 0.002;
const position = (i: number, tick: number) => {
  const v = fleetBase[i]!;
  const angle = v.phase + tick * 0.05;
  return {
    lon: round6(v.lon + Math.cos(angle) * RADIUS_DEG),
    lat: round6(v.lat + Math.sin(angle) * RADIUS_DEG),
  };
};
let tick = 0;
const fleet = (): VehicleView[] =>
  fleetBase.map((v, i) => ({
    id: v.id,
    plate: `苏G·${String(i).padStart(5, '0')}`,
    kind: v.kind,
    teamId: `team-${v.kind}`,
    departmentId: v.kind,
    ...position(i, tick),
    heading: 0,
    speedKmh: 36,
    status: 'on_duty',
    lastSeenAt: new Date().toISOString(),
  }));
/** One `live:positions` batch with a new fix for every vehicle, as the server sends it. */
const fixes = (): VehiclePosition[] => {
  const at = new Date().toISOString();
  return fleetBase.map((v, i) => ({ id: v.id, ...position(i, tick), at, kind: 'vehicle' }));
};

// ---- the scene ------------------------------------------------------------------------------------

const viewer = new Viewer('map', {
  baseLayer: false,
  animation: false,
  timeline: false,
  geocoder: false,
  homeButton: false,
  sceneModePicker: false,
  baseLayerPicker: false,
  navigationHelpButton: false,
  fullscreenButton: false,
  infoBox: false,
  selectionIndicator: false,
  ...themeViewerOptions(),
  requestRenderMode: false,
});
const { scene } = viewer;
// The app's scene (renderer/src/map/cesium/theme.ts): dark, no sky or ground atmosphere.
applySceneTheme(scene);
scene.camera.setView({ destination: Cartesian3.fromDegrees((W + E) / 2, (S + N) / 2, HEIGHT_M) });

// Per-frame main-thread costs (see the header).
let sceneMs = 0;
let itemsMs = 0;
let sceneFrom = 0;
scene.preUpdate.addEventListener(() => (sceneFrom = performance.now()));
scene.postRender.addEventListener(() => (sceneMs += performance.now() - sceneFrom));

const started = performance.now();
const parts = syntheticParts(PARTS);
let ready: Promise<void>;
/** Sends a new fix for every vehicle to whoever listens. */
let pushFixes: () => void;

if (mode === 'ours') {
  const listeners = new Set<(items: VehiclePosition[]) => void>();
  const received = { 'vehicle.position': 0, 'sensor.reading': 0 };
  const live: TransientFeed = {
    setViewport: () => undefined,
    onPositions(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onReadings: () => () => undefined,
    received,
    stop: () => listeners.clear(),
  };
  const pending = new Set(['parts', 'vehicles']);
  let done: () => void = () => undefined;
  ready = new Promise((resolve) => (done = resolve));
  const allOn = Object.fromEntries(PART_CLASSES.map((c) => [c, true])) as Record<PartClass, boolean>;
  const ctx: LayerContext = {
    scene,
    api: {
      get: async (path, schema) => {
        if (path === '/parts/columnar') return schema.parse(parts);
        if (path === '/vehicles') return schema.parse({ vehicles: fleet() });
        throw new Error(`no synthetic data for ${path}`);
      },
    },
    token: () => null,
    dispatch(event) {
      if (event.type === 'status' && event.status === 'error') console.error(`layer ${event.id} failed`);
      if (event.type !== 'status' || event.status !== 'ready') return;
      pending.delete(event.id);
      if (!pending.size) done();
    },
    partClasses: () => allOn,
    onPartClasses: () => () => undefined,
    live,
  };
  // The layers' own timers (the fleet's clusters follow the fixes in one) are item work too.
  const nativeSetTimeout = window.setTimeout.bind(window);
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) =>
    typeof handler !== 'function'
      ? nativeSetTimeout(handler, ms, ...args)
      : nativeSetTimeout(() => {
          const from = performance.now();
          (handler as (...a: unknown[]) => void)(...args);
          itemsMs += performance.now() - from;
        }, ms)) as typeof window.setTimeout;
  // The layers' own preRender listeners (the vehicle glide) run between these two.
  let itemsFrom = 0;
  scene.preRender.addEventListener(() => (itemsFrom = performance.now()));
  partsLayer.create(ctx);
  vehicleLayer.create(ctx);
  scene.preRender.addEventListener(() => (itemsMs += performance.now() - itemsFrom));
  pushFixes = () => {
    const batch = fixes();
    const from = performance.now();
    received['vehicle.position'] += batch.length;
    for (const listener of listeners) listener(batch);
    itemsMs += performance.now() - from;
  };
} else if (mode === 'globe') {
  ready = Promise.resolve();
  pushFixes = () => undefined;
} else {
  // The same styling as the layers: colour by part class, red when abnormal, size by distance.
  const colours: Record<PartClass, string> = {
    '01': '#38bdf8',
    '02': '#fbbf24',
    '03': '#a3e635',
    '04': '#4ade80',
    '05': '#c084fc',
  };
  const classColour = parts.categories.map((c) => Color.fromCssColorString(colours[partClassOf(c) ?? '01']));
  const abnormal = Color.fromCssColorString('#f43f5e');
  const scaleByDistance = new NearFarScalar(300, 2.2, 12_000, 0.6);
  const distanceDisplayCondition = new DistanceDisplayCondition(0, 14_000);
  viewer.entities.suspendEvents();
  for (let i = 0; i < parts.count; i++)
    viewer.entities.add({
      position: Cartesian3.fromDegrees(parts.lon[i]!, parts.lat[i]!, 1),
      point: {
        color: parts.abnormal[i] ? abnormal : classColour[parts.cat[i]!],
        pixelSize: 3,
        scaleByDistance,
        distanceDisplayCondition,
      },
    });
  // The same glide as the vehicle layer (vehicleData.ts), read by Cesium from the property every frame;
  // the vehicles drawn as the layer draws a fleet of this size at street level (vehicleData.ts
  // fleetSingles): dots by team for a large fleet, else the team's symbol.
  const dots = fleetSingles(MARKERS) === 'dots';
  let tracks: Tracks = applyFixes(new Map(), fleet(), performance.now());
  for (const v of fleetBase) {
    const scratch = new Cartesian3();
    viewer.entities.add({
      position: new CallbackPositionProperty(() => {
        const track = tracks.get(v.id);
        const at = track ? interpolate(track, performance.now()) : v;
        return Cartesian3.fromDegrees(at.lon, at.lat, 4, undefined, scratch);
      }, false),
      ...(dots
        ? {
            point: { color: Color.fromCssColorString(TEAM_COLOURS[v.kind]), ...FLEET_DOT },
          }
        : { billboard: { image: vehicleSymbolUrl(vehicleShapeOf(v.kind)), ...VEHICLE_SYMBOL } }),
    });
  }
  viewer.entities.resumeEvents();
  const display = viewer.dataSourceDisplay;
  const update = display.update.bind(display);
  display.update = (time) => {
    const from = performance.now();
    const done = update(time);
    itemsMs += performance.now() - from;
    return done;
  };
  ready = Promise.resolve();
  pushFixes = () => {
    const batch = fixes();
    const from = performance.now();
    tracks = applyFixes(tracks, batch, performance.now());
    itemsMs += performance.now() - from;
  };
}

// ---- the measurement ------------------------------------------------------------------------------

await ready;
const setupMs = performance.now() - started;
const timer = setInterval(() => {
  tick++;
  pushFixes();
}, FIX_MS);
let frame = 0;
let measureFrom = 0;
let firstFrameMs = 0;
const WARMUP = 5;
const remove = scene.postRender.addEventListener(() => {
  frame++;
  const now = performance.now();
  if (frame === 1) firstFrameMs = now - started;
  if (frame === WARMUP) {
    measureFrom = now;
    sceneMs = 0;
    itemsMs = 0;
  }
  const measured = frame - WARMUP;
  if (frame > WARMUP && (measured >= FRAMES || now - measureFrom > MAX_MS)) {
    remove();
    clearInterval(timer);
    const ms = now - measureFrom;
    page.__bench = {
      mode,
      fps: (measured * 1000) / ms,
      frames: measured,
      ms,
      setupMs,
      firstFrameMs,
      sceneMs: sceneMs / measured,
      itemsMs: itemsMs / measured,
    };
  }
});
