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
  UrlTemplateImageryProvider,
  Viewer,
  buildModuleUrl,
  type Entity,
  Rectangle,
} from 'cesium';
import type { CityConfig } from '@contract/http';
import type { MapError } from '../../state/map';
import { cityView, focusView, toggledPitch } from './cameraPlan';
import { applySceneTheme, THEME, themeViewerOptions } from './theme';
import {
  currentPitchDeg,
  flyToView,
  lightCity,
  limitCamera,
  orbitCentre,
  replaceIonLogo,
  setView,
} from './view3d';

export interface MapCallbacks {
  /** the first frame drawn with the base imagery layer ready: the map can be used (tiles may still load) */
  onFirstFrame?(): void;
  /** the base imagery layer is ready and the globe has no tiles left to load */
  onReady(): void;
  onError(error: MapError): void;
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
  /** Flies to a case so it lands in the middle of `free`, the span (px) panels do not cover. */
  flyTo(target: FlyTarget, free: { left: number; right: number }): void;
  /** Turns the view to north up around the point at the screen's centre. */
  northUp(): void;
  /** Switches between the oblique (3D) and the top-down (2D) view; returns the new one. */
  toggleTop(): 'oblique' | 'top';
  destroy(): void;
  /** the Cesium viewer, for the data layers (map/layers/mount.ts); null without WebGL */
  readonly viewer: Viewer | null;
}

const NO_MAP: MapHandle = {
  setCity: () => undefined,
  home: () => undefined,
  flyTo: () => undefined,
  northUp: () => undefined,
  toggleTop: () => 'oblique',
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
  replaceIonLogo();
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
  limitCamera(scene);
  lightCity(scene, city.center.lon, city.center.lat);

  let outline: Entity | undefined;
  let shownCity: CityConfig | undefined;
  const setCity = (next: CityConfig) => {
    if (shownCity && sameCity(shownCity, next)) return;
    shownCity = next;
    // The city opens oblique (about 45°, north up): the buildings read as a 3D twin.
    setView(viewer.camera, cityView(next.bounds));
    lightCity(scene, next.center.lon, next.center.lat);
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

  return {
    viewer,
    setCity,
    home() {
      flyToView(viewer.camera, cityView((shownCity ?? city).bounds), 1);
      scene.requestRender();
    },
    flyTo(target, free) {
      const frustum = viewer.camera.frustum;
      const fov =
        frustum instanceof PerspectiveFrustum && frustum.fov ? frustum.fov : CesiumMath.PI_OVER_THREE;
      // Oblique, above the roofs, the place in the middle of what the panels leave free.
      const view = focusView(target, free, scene.canvas.clientWidth || 1, fov);
      flyToView(viewer.camera, view, 1.2, () => callbacks.onFocused?.(target.id));
      scene.requestRender();
    },
    northUp() {
      orbitCentre(scene, 0, currentPitchDeg(viewer.camera));
    },
    toggleTop() {
      const pitch = toggledPitch(currentPitchDeg(viewer.camera));
      orbitCentre(scene, 0, pitch);
      return pitch < -75 ? 'top' : 'oblique';
    },
    destroy() {
      for (const remove of removers) remove();
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
