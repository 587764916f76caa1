// The Cesium map wall: a globe with no online services (no ion token, no online imagery or
// terrain), the bundled NaturalEarthII imagery dimmed for a dark command hall, and the city
// outline. Loaded with a dynamic import() so the header is up before Cesium's ~4 MB arrive.
import 'cesium/Build/Cesium/Widgets/widgets.css';
import {
  ArcType,
  Cartesian3,
  EllipsoidTerrainProvider,
  GeographicTilingScheme,
  ImageryLayer,
  Math as CesiumMath,
  PerspectiveFrustum,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  UrlTemplateImageryProvider,
  Viewer,
  buildModuleUrl,
  type Entity,
  Rectangle,
} from 'cesium';
import type { CityConfig } from '@contract/http';
import type { MapError } from '../../state/map';
import type { CasePoint } from '../../state/mapPoints';
import { createCaseLayer } from './caseLayer';
import { applySceneTheme, THEME, themeViewerOptions } from './theme';

export interface MapCallbacks {
  /** the first frame drawn with the base imagery layer ready: the map can be used (tiles may still load) */
  onFirstFrame?(): void;
  /** the base imagery layer is ready and the globe has no tiles left to load */
  onReady(): void;
  onError(error: MapError): void;
  /** a case point was clicked */
  onPick?(caseId: string): void;
  /** a flight to a case (or alarm) ended */
  onFocused?(id: string): void;
}

export interface FlyTarget {
  id: string;
  lon: number;
  lat: number;
}

export interface MapHandle {
  setCity(city: CityConfig): void;
  /** Back to the whole city (a new user starts from the overview). */
  home(): void;
  showCases(points: readonly CasePoint[]): number;
  /** Flies to a case so it lands in the middle of `free`, the span (px) panels do not cover. */
  flyTo(target: FlyTarget, free: { left: number; right: number }): void;
  destroy(): void;
  /** the Cesium viewer, for the data layers (map/layers/mount.ts); null without WebGL */
  readonly viewer: Viewer | null;
}

const NO_MAP: MapHandle = {
  setCity: () => undefined,
  home: () => undefined,
  showCases: () => 0,
  flyTo: () => undefined,
  destroy: () => undefined,
  viewer: null,
};

/** Height the camera looks down from when it shows one case. */
export const CASE_VIEW_HEIGHT_M = 5_000;

export const START_HEIGHT_M = 25_000;

/**
 * The city view: the city's bounds fill the middle of the screen that the side panels leave free
 * (about half its width), so a duty officer sees the whole city without scrolling.
 */
export function cityRectangle(bounds: readonly [number, number, number, number]): Rectangle {
  const [west, south, east, north] = bounds;
  const padLon = (east - west) * 0.5;
  const padLat = (north - south) * 0.25;
  // The workspace panel on the right is wider than the layers panel on the left: look a little east of
  // the city's centre so the city sits in the middle of what they leave free.
  const shift = (east - west) * 0.1;
  return Rectangle.fromDegrees(west - padLon + shift, south - padLat, east + padLon + shift, north + padLat);
}

export function createMapViewer(
  container: HTMLElement,
  creditContainer: HTMLElement,
  city: CityConfig,
  callbacks: MapCallbacks,
): MapHandle {
  let viewer: Viewer;
  // Cesium's bundled NaturalEarthII tiles (TMS, levels 0-2), described here as their tilemapresource.xml
  // does instead of fetching it: the layer is ready at once, so the globe does not wait for that answer
  // behind the engine's first long tasks (shader compiles take seconds on a software GPU).
  const baseLayer = new ImageryLayer(
    new UrlTemplateImageryProvider({
      url: `${buildModuleUrl('Assets/Textures/NaturalEarthII')}/{z}/{x}/{reverseY}.jpg`,
      tilingScheme: new GeographicTilingScheme(),
      minimumLevel: 0,
      maximumLevel: 2,
      tileWidth: 256,
      tileHeight: 256,
    }),
    { brightness: 0.42, contrast: 1.2, saturation: 0.3, gamma: 1.0 },
  );
  try {
    viewer = new Viewer(container, {
      baseLayer,
      baseLayerPicker: false,
      geocoder: false,
      terrainProvider: new EllipsoidTerrainProvider(),
      animation: false,
      timeline: false,
      homeButton: false,
      sceneModePicker: false,
      navigationHelpButton: false,
      fullscreenButton: false,
      vrButton: false,
      infoBox: false,
      selectionIndicator: false,
      ...themeViewerOptions(),
      creditContainer,
      requestRenderMode: true,
      maximumRenderTimeChange: Infinity,
      showRenderLoopErrors: false,
    });
  } catch (error) {
    callbacks.onError({ code: 'webgl', detail: describe(error) });
    return NO_MAP;
  }

  const { scene } = viewer;
  applySceneTheme(scene);

  let outline: Entity | undefined;
  let shownCity: CityConfig | undefined;
  const setCity = (next: CityConfig) => {
    if (shownCity && sameCity(shownCity, next)) return;
    shownCity = next;
    viewer.camera.setView({
      destination: cityRectangle(next.bounds),
      orientation: { heading: 0, pitch: -CesiumMath.PI_OVER_TWO, roll: 0 },
    });
    if (outline) viewer.entities.remove(outline);
    const [west, south, east, north] = next.bounds;
    outline = viewer.entities.add({
      name: 'city-bounds',
      polyline: {
        positions: Cartesian3.fromDegreesArray([
          west,
          south,
          east,
          south,
          east,
          north,
          west,
          north,
          west,
          south,
        ]),
        width: 2 * uiScale(),
        arcType: ArcType.RHUMB,
        material: THEME.accent.withAlpha(0.85),
      },
    });
    scene.requestRender();
  };
  setCity(city);

  // First frame: the first one rendered once the imagery provider is up (the globe, the city outline and
  // the data layers are on screen; finer tiles keep loading). Ready once the globe has no tiles left to
  // load. Errors are reported whenever they happen, also after the map was ready.
  let firstFrame = false;
  let ready = false;
  const removers: Array<() => void> = [
    baseLayer.readyEvent.addEventListener(() => scene.requestRender()),
    baseLayer.errorEvent.addEventListener((error: unknown) =>
      callbacks.onError({ code: 'imagery', detail: describe(error) }),
    ),
    scene.globe.tileLoadProgressEvent.addEventListener(() => scene.requestRender()),
    scene.postRender.addEventListener(() => {
      if (ready || !baseLayer.ready) return;
      if (!firstFrame) {
        firstFrame = true;
        callbacks.onFirstFrame?.();
      }
      if (!scene.globe.tilesLoaded) return;
      ready = true;
      callbacks.onReady();
    }),
    scene.renderError.addEventListener((_scene: unknown, error: unknown) =>
      callbacks.onError({ code: 'engine', detail: describe(error) }),
    ),
  ];
  scene.requestRender();

  const cases = createCaseLayer(scene, uiScale());
  const clicks = new ScreenSpaceEventHandler(scene.canvas);
  clicks.setInputAction((event: ScreenSpaceEventHandler.PositionedEvent) => {
    const caseId = cases.caseIdOf(scene.pick(event.position));
    if (caseId) callbacks.onPick?.(caseId);
  }, ScreenSpaceEventType.LEFT_CLICK);

  return {
    viewer,
    setCity,
    home() {
      viewer.camera.flyTo({
        destination: cityRectangle((shownCity ?? city).bounds),
        orientation: { heading: 0, pitch: -CesiumMath.PI_OVER_TWO, roll: 0 },
        duration: 1,
      });
      scene.requestRender();
    },
    showCases(points) {
      cases.apply(points);
      return cases.size;
    },
    flyTo(target, free) {
      const height = CASE_VIEW_HEIGHT_M;
      const canvasWidth = scene.canvas.clientWidth || 1;
      const frustum = viewer.camera.frustum;
      const fov =
        frustum instanceof PerspectiveFrustum && frustum.fov ? frustum.fov : CesiumMath.PI_OVER_THREE;
      // Looking straight down, the canvas spans this many metres east-west (fov is horizontal when wide).
      const groundWidth = 2 * height * Math.tan(fov / 2);
      // East of the target when the free span's middle is left of the canvas middle, and vice versa.
      const shiftPx = canvasWidth / 2 - (free.left + free.right) / 2;
      const shiftM = (shiftPx / canvasWidth) * groundWidth;
      const lon = target.lon + shiftM / (111_320 * Math.cos(CesiumMath.toRadians(target.lat)));
      viewer.camera.flyTo({
        destination: Cartesian3.fromDegrees(lon, target.lat, height),
        orientation: { heading: 0, pitch: -CesiumMath.PI_OVER_TWO, roll: 0 },
        duration: 1.2,
        complete: () => callbacks.onFocused?.(target.id),
      });
      scene.requestRender();
    },
    destroy() {
      for (const remove of removers) remove();
      clicks.destroy();
      cases.destroy();
      if (!viewer.isDestroyed()) viewer.destroy();
    },
  };
}

/** The UI's rem scale (1 at 1920x1080, 2 at 3840x2160), so line widths grow with the text. */
function uiScale(): number {
  const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(rem) ? Math.max(1, rem / 16) : 1;
}

function sameCity(a: CityConfig, b: CityConfig): boolean {
  return (
    a.center.lon === b.center.lon &&
    a.center.lat === b.center.lat &&
    a.bounds.every((v, i) => v === b.bounds[i])
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
