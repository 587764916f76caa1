// Mounts the city's tiles and the data layers on a Cesium viewer and keeps them in line with the
// store's layers slice (one reconciler for the Cesium engine). Returns one disposer for all of it.
// Also: hover tooltip and click pick (scene.pick on primitives whose id is a MapPick), the "close"
// flag for street-level layers, and the readiness signals tests wait on (<body data-map-layers>,
// data-map-buildings, window.__cityOpsMap).
import {
  Cartesian3,
  Math as CesiumMath,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  type Cesium3DTileset,
  type Rectangle,
  type Viewer,
} from 'cesium';
import { pickText } from '../../i18n/pickText';
import { CLOSE_HEIGHT_M, layersSignal, type MapPick } from '../../state/layers';
import type { AppState, AppStore } from '../../state/store';
import { createActiveCaseLayer } from './caseLayer';
import { flyToView } from '../cesium/view3d';
import { addCityTiles } from './cityTiles';
import type { LayerContext } from './context';
import { createLoader, type CaseSource, type LayerSource } from './data';
import { createLayerReconciler } from './model';
import { createPartsLayer } from './partsLayer';
import { createAlarmLayer, createCameraLayer, createSensorLayer, createVehicleLayer } from './pointLayers';
import { createDivisionLayer, createGridLayer } from './shapeLayers';
import { mountIncidentLayer } from './incidentLayer';
import { mountTrackLayer } from './trackLayer';
import { liveLayersOn } from '../../state/playback';

export interface MapDiagnostics {
  /** moves the camera (tests and kiosk scripts: street-level screenshots) */
  view(lon: number, lat: number, heightM: number, pitchDeg?: number): void;
  /** true when the globe and the buildings have no tiles left to load */
  idle(): boolean;
}

/** The camera's view rectangle in degrees, widened a little so items entering the screen are there. */
function viewBbox(rect: Rectangle): [number, number, number, number] {
  const d = CesiumMath.toDegrees;
  const [w, s, e, n] = [d(rect.west), d(rect.south), d(rect.east), d(rect.north)];
  const mx = (e - w) * 0.1;
  const my = (n - s) * 0.1;
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
  if (w > e) return [-180, clamp(s - my, 90), 180, clamp(n + my, 90)];
  return [clamp(w - mx, 180), clamp(s - my, 90), clamp(e + mx, 180), clamp(n + my, 90)];
}

const CLUSTER_KINDS: ReadonlySet<MapPick['kind']> = new Set(['cluster', 'fleet', 'devices']);

function isPick(value: unknown): value is MapPick {
  const v = value as Partial<MapPick> | null;
  return !!v && typeof v === 'object' && typeof v.kind === 'string' && typeof v.id === 'string';
}

export function mountLayers(viewer: Viewer, store: AppStore, source: LayerSource): () => void {
  const { scene } = viewer;
  const dispatch = store.getState().layersEvent;
  let buildings: Cesium3DTileset | undefined;
  let disposeTiles: (() => void) | undefined;
  let disposed = false;
  void addCityTiles(viewer, source.origin, (tileset) => {
    buildings = tileset;
    document.body.dataset.mapBuildings = 'ready';
  }).then((dispose) => {
    if (disposed) dispose();
    else disposeTiles = dispose;
  });

  const ctx: LayerContext = {
    scene,
    load: source.picture ? source.picture.loader(createLoader(source)) : createLoader(source),
    dispatch,
    partClasses: () => store.getState().layers.partClasses,
    live: source.live,
    caseGroups: () => store.getState().layers.caseGroups,
    onCaseGroups: (listener) =>
      store.subscribe((s, p) => {
        if (s.layers.caseGroups !== p.layers.caseGroups) listener();
      }),
    onTopic: source.onTopic,
    onPartClasses: (listener) =>
      store.subscribe((s, p) => {
        if (s.layers.partClasses !== p.layers.partClasses) listener(s.layers.partClasses);
      }),
  };
  const reconciler = createLayerReconciler({
    divisions: () => createDivisionLayer(ctx),
    grid: () => createGridLayer(ctx),
    ...(source.cases ? { cases: () => createActiveCaseLayer(ctx, source.cases as CaseSource) } : {}),
    parts: () => createPartsLayer(ctx),
    alarms: () => createAlarmLayer(ctx),
    cameras: () => createCameraLayer(ctx),
    sensors: () => createSensorLayer(ctx),
    vehicles: () => createVehicleLayer(ctx),
  });

  // Layers need a session: nothing is loaded before sign-in, everything goes after sign-out.
  const sync = (state: AppState) => {
    if (state.session.status === 'signedIn') reconciler.apply(liveLayersOn(state.layers.on, state.playback));
    const signal = layersSignal(state.layers);
    if (document.body.dataset.mapLayers !== signal) document.body.dataset.mapLayers = signal;
  };
  sync(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (previous.session.status === 'signedIn' && state.session.status !== 'signedIn') reconciler.dispose();
    if (
      state.layers !== previous.layers ||
      state.session.status !== previous.session.status ||
      state.playback.mode !== previous.playback.mode
    )
      sync(state);
  });

  // The live feed carries only what is on screen, and only for the layers that are on.
  const sendViewport = () => {
    const { on } = store.getState().layers;
    const wanted = [
      ...(on.vehicles ? (['vehicle.position'] as const) : []),
      ...(on.sensors ? (['sensor.reading'] as const) : []),
    ];
    const rect = viewer.camera.computeViewRectangle();
    const bbox = rect ? viewBbox(rect) : null;
    source.live?.setViewport(store.getState().session.status === 'signedIn' ? bbox : null, wanted);
  };
  const onMove = () => {
    dispatch({ type: 'close', close: scene.camera.positionCartographic.height < CLOSE_HEIGHT_M });
    sendViewport();
  };
  const unsubscribeViewport = store.subscribe((state, previous) => {
    if (state.layers.on !== previous.layers.on || state.session.status !== previous.session.status)
      sendViewport();
  });
  const removeMove = scene.camera.moveEnd.addEventListener(onMove);

  // Hover: a tooltip next to the pointer (picking is costly on a software GPU: at most ~6 times a second).
  const tooltip = document.createElement('div');
  tooltip.className = 'map-tooltip';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  viewer.container.appendChild(tooltip);
  const handler = new ScreenSpaceEventHandler(scene.canvas);
  let lastPick = 0;
  handler.setInputAction((event: ScreenSpaceEventHandler.MotionEvent) => {
    const now = performance.now();
    if (now - lastPick < 160) return;
    lastPick = now;
    const picked: unknown = (scene.pick(event.endPosition) as { id?: unknown } | undefined)?.id;
    const pick = isPick(picked) ? picked : null;
    dispatch({ type: 'hover', pick });
    tooltip.hidden = !pick;
    if (pick) {
      const { ui, reference } = store.getState();
      tooltip.textContent = pickText(pick, ui.lang, reference);
      tooltip.style.transform = `translate(${event.endPosition.x + 14}px, ${event.endPosition.y + 14}px)`;
    }
  }, ScreenSpaceEventType.MOUSE_MOVE);
  handler.setInputAction((event: ScreenSpaceEventHandler.PositionedEvent) => {
    const picked: unknown = (scene.pick(event.position) as { id?: unknown } | undefined)?.id;
    if (!isPick(picked)) return;
    // A cluster of parts, vehicles or devices opens up: the map goes down to street level over it.
    if (CLUSTER_KINDS.has(picked.kind) && picked.lon !== undefined && picked.lat !== undefined) {
      // Oblique, from the south, low enough for the street-level layers (below CLOSE_HEIGHT_M).
      flyToView(
        viewer.camera,
        { lon: picked.lon, lat: picked.lat, range: CLOSE_HEIGHT_M * 0.6, headingDeg: 0, pitchDeg: -50 },
        1,
      );
      return;
    }
    dispatch({ type: 'select', pick: picked });
  }, ScreenSpaceEventType.LEFT_CLICK);

  const diagnostics: MapDiagnostics = {
    view(lon, lat, heightM, pitchDeg = -90) {
      viewer.camera.setView({
        destination: Cartesian3.fromDegrees(lon, lat, heightM),
        orientation: { heading: 0, pitch: CesiumMath.toRadians(pitchDeg), roll: 0 },
      });
      onMove();
      scene.requestRender();
    },
    idle: () => scene.globe.tilesLoaded && (!buildings || buildings.tilesLoaded),
  };
  Object.defineProperty(window, '__cityOpsMap', { value: diagnostics, configurable: true });

  const disposeIncident = mountIncidentLayer(viewer);
  const disposeTracks = source.picture ? mountTrackLayer(scene, source.picture) : () => {};
  return () => {
    disposed = true;
    disposeIncident();
    disposeTracks();
    unsubscribe();
    unsubscribeViewport();
    source.live?.setViewport(null, []);
    removeMove();
    handler.destroy();
    tooltip.remove();
    reconciler.dispose();
    disposeTiles?.();
    delete document.body.dataset.mapLayers;
    delete document.body.dataset.mapBuildings;
  };
}
