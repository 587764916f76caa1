// The Cesium map wall: a globe with no online services (no ion token, no online imagery or
// terrain), the bundled NaturalEarthII imagery dimmed for a dark command hall, and the city
// outline. Loaded with a dynamic import() so the header is up before Cesium's ~4 MB arrive.
import 'cesium/Build/Cesium/Widgets/widgets.css';
import {
  ArcType,
  Cartesian3,
  Color,
  EllipsoidTerrainProvider,
  ImageryLayer,
  Math as CesiumMath,
  TileMapServiceImageryProvider,
  Viewer,
  buildModuleUrl,
  type Entity,
} from 'cesium';
import type { CityConfig } from '@contract/http';
import type { MapError } from '../../state/map';

export interface MapCallbacks {
  onReady(): void;
  onError(error: MapError): void;
}

export interface MapHandle {
  setCity(city: CityConfig): void;
  destroy(): void;
}

export const START_HEIGHT_M = 25_000;

const THEME = {
  background: Color.fromCssColorString('#050a14'),
  globe: Color.fromCssColorString('#0a1930'),
  accent: Color.fromCssColorString('#22d3ee'),
};

export function createMapViewer(
  container: HTMLElement,
  creditContainer: HTMLElement,
  city: CityConfig,
  callbacks: MapCallbacks,
): MapHandle {
  let viewer: Viewer;
  const baseLayer = ImageryLayer.fromProviderAsync(
    TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII')),
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
      skyBox: false,
      creditContainer,
      requestRenderMode: true,
      maximumRenderTimeChange: Infinity,
      showRenderLoopErrors: false,
    });
  } catch (error) {
    callbacks.onError({ code: 'webgl', detail: describe(error) });
    return { setCity: () => undefined, destroy: () => undefined };
  }

  const { scene } = viewer;
  scene.backgroundColor = THEME.background;
  scene.globe.baseColor = THEME.globe;
  scene.globe.showGroundAtmosphere = false;
  if (scene.sun) scene.sun.show = false;
  if (scene.moon) scene.moon.show = false;

  let outline: Entity | undefined;
  let shownCity: CityConfig | undefined;
  const setCity = (next: CityConfig) => {
    if (shownCity && sameCity(shownCity, next)) return;
    shownCity = next;
    viewer.camera.setView({
      destination: Cartesian3.fromDegrees(next.center.lon, next.center.lat, START_HEIGHT_M),
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

  // Ready once the imagery provider is up and the globe has no tiles left to load. Errors are
  // reported whenever they happen, also after the map was ready.
  let ready = false;
  const removers: Array<() => void> = [
    baseLayer.readyEvent.addEventListener(() => scene.requestRender()),
    baseLayer.errorEvent.addEventListener((error: unknown) =>
      callbacks.onError({ code: 'imagery', detail: describe(error) }),
    ),
    scene.globe.tileLoadProgressEvent.addEventListener(() => scene.requestRender()),
    scene.postRender.addEventListener(() => {
      if (ready || !baseLayer.ready || !scene.globe.tilesLoaded) return;
      ready = true;
      callbacks.onReady();
    }),
    scene.renderError.addEventListener((_scene: unknown, error: unknown) =>
      callbacks.onError({ code: 'engine', detail: describe(error) }),
    ),
  ];
  scene.requestRender();

  return {
    setCity,
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
