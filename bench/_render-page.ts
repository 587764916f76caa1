// The render benchmark's page (bundled by bench/render.ts with esbuild): one Cesium scene with 100,000
// parts and 10,000 live markers that move every frame, drawn either with our primitive layers
// (PointPrimitiveCollection, as renderer/src/map/layers does) or with one Entity per item. Continuous
// rendering (requestRenderMode off). Reports window.__bench = {fps, frames, ms, setupMs} after N frames.
import {
  Cartesian3,
  Color,
  ConstantPositionProperty,
  PointPrimitiveCollection,
  Viewer,
  type PointPrimitive,
} from 'cesium';

const page = globalThis as unknown as { location: { search: string }; __bench?: unknown };
const params = new URLSearchParams(page.location.search);
const mode = params.get('mode') === 'entities' ? 'entities' : 'ours';
const PARTS = Number(params.get('parts') ?? 100_000);
const MARKERS = Number(params.get('markers') ?? 10_000);
const FRAMES = Number(params.get('frames') ?? 40);
const MAX_MS = Number(params.get('maxMs') ?? 30_000);
const [W, S, E, N] = [119.1363, 34.573, 119.2237, 34.627];

// A fixed pseudo-random sequence, so both modes draw the same scene.
let seed = 42;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const at = () => [W + rand() * (E - W), S + rand() * (N - S)] as const;

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
  skyBox: false,
  requestRenderMode: false,
});
const { scene } = viewer;
scene.camera.setView({ destination: Cartesian3.fromDegrees((W + E) / 2, (S + N) / 2, 9_000) });

const started = performance.now();
const partColour = Color.fromCssColorString('#38bdf8');
const markerColour = Color.fromCssColorString('#fde047');
const markerAt: Array<readonly [number, number]> = [];
let move: (frame: number) => void;

if (mode === 'ours') {
  const parts = scene.primitives.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;
  for (let i = 0; i < PARTS; i++) {
    const [lon, lat] = at();
    parts.add({ position: Cartesian3.fromDegrees(lon, lat, 1), color: partColour, pixelSize: 3 });
  }
  const markers = scene.primitives.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;
  const points: PointPrimitive[] = [];
  for (let i = 0; i < MARKERS; i++) {
    const [lon, lat] = at();
    markerAt.push([lon, lat]);
    points.push(
      markers.add({ position: Cartesian3.fromDegrees(lon, lat, 4), color: markerColour, pixelSize: 7 }),
    );
  }
  move = (frame) => {
    for (let i = 0; i < points.length; i++) {
      const [lon, lat] = markerAt[i] ?? [0, 0];
      points[i]!.position = Cartesian3.fromDegrees(lon + Math.sin(frame / 10 + i) * 1e-4, lat, 4);
    }
  };
} else {
  for (let i = 0; i < PARTS; i++) {
    const [lon, lat] = at();
    viewer.entities.add({
      position: Cartesian3.fromDegrees(lon, lat, 1),
      point: { color: partColour, pixelSize: 3 },
    });
  }
  const props: ConstantPositionProperty[] = [];
  for (let i = 0; i < MARKERS; i++) {
    const [lon, lat] = at();
    markerAt.push([lon, lat]);
    const position = new ConstantPositionProperty(Cartesian3.fromDegrees(lon, lat, 4));
    props.push(position);
    viewer.entities.add({ position, point: { color: markerColour, pixelSize: 7 } });
  }
  move = (frame) => {
    for (let i = 0; i < props.length; i++) {
      const [lon, lat] = markerAt[i] ?? [0, 0];
      props[i]!.setValue(Cartesian3.fromDegrees(lon + Math.sin(frame / 10 + i) * 1e-4, lat, 4));
    }
  };
}
const setupMs = performance.now() - started;

let frame = 0;
let measureFrom = 0;
const WARMUP = 5;
scene.preRender.addEventListener(() => move(frame));
const remove = scene.postRender.addEventListener(() => {
  frame++;
  const now = performance.now();
  if (frame === WARMUP) measureFrom = now;
  const measured = frame - WARMUP;
  if (frame > WARMUP && (measured >= FRAMES || now - measureFrom > MAX_MS)) {
    remove();
    const ms = now - measureFrom;
    page.__bench = {
      mode,
      fps: (measured * 1000) / ms,
      frames: measured,
      ms,
      setupMs,
    };
  }
});
