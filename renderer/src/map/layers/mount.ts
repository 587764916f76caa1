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
import type { TransientFeed } from '../../services/transient';
import { CLOSE_HEIGHT_M, layersSignal, type MapPick } from '../../state/layers';
import { alarmPoints, casePoints, type CasePoint } from '../../state/mapPoints';
import type { AppState, AppStore } from '../../state/store';
import { flyToView } from '../cesium/view3d';
import { addCityTiles } from './cityTiles';
import type { CaseSource, LayerApi, LayerContext, QueueSource } from './context';
import { mountIncidentLayer } from './incidentLayer';
import { mountTrackLayer } from './trackLayer';
import { liveLayersOn } from '../../state/playback';
import type { PictureSource } from '../../services/picture';
import { createLayerReconciler, type LayerFactory } from './reconciler';
import { MAP_LAYERS } from './registry';

/** What the layers are given to load from and listen to. */
export interface LayerSource {
  /** the app's server (its tiles) */
  origin: string;
  /** the one REST client (live/api.ts) */
  api: LayerApi;
  token(): string | null;
  /** live positions and readings (absent: the layers poll REST only) */
  live?: TransientFeed;
  /** the live picture of active cases (the active-case layer) */
  cases?: CaseSource;
  /** the topic of every live stream event ('*' after a snapshot): layers of that topic reload */
  onTopic?(listener: (topic: string) => void): () => void;
  /** live or playback (回放): answers the alarm layer's loads, and feeds the playback track layer */
  picture?: PictureSource;
}

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

  // The open queue's points (cases by clock, or the commander's alarms and incidents), for the queue layer.
  const queuePoints = (state: AppState): readonly CasePoint[] =>
    state.playback.mode !== 'live' || state.session.status !== 'signedIn'
      ? [] // in playback (回放) the picture's case layer shows the moment; the live queue waits
      : state.queue.tab === 'alarms'
        ? alarmPoints(state.alarms.items, state.alarms.incidents, state.ui.focus?.id ?? null)
        : casePoints(state.queue.items, state.detail.caseId);
  const queue: QueueSource = {
    points: () => queuePoints(store.getState()),
    onPoints: (listener) =>
      store.subscribe((state, previous) => {
        if (
          state.queue.items !== previous.queue.items ||
          state.queue.tab !== previous.queue.tab ||
          state.alarms !== previous.alarms ||
          state.detail.caseId !== previous.detail.caseId ||
          state.ui.focus !== previous.ui.focus ||
          state.playback.mode !== previous.playback.mode
        )
          listener(queuePoints(state));
      }),
    drawn: (count) => store.getState().mapEvent({ type: 'points', count }),
  };
  queue.drawn(0);

  const ctx: LayerContext = {
    scene,
    api: source.picture ? source.picture.api(source.api) : source.api,
    token: source.token,
    dispatch,
    partClasses: () => store.getState().layers.partClasses,
    live: source.live,
    cases: source.cases,
    queue,
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
  const factories: Partial<Record<(typeof MAP_LAYERS)[number]['id'], LayerFactory>> = {};
  for (const layer of MAP_LAYERS)
    if (layer.available?.(ctx) ?? true) factories[layer.id] = () => layer.create(ctx);
  const reconciler = createLayerReconciler(factories);

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
    const pick = isPick(picked) ? reconciler.current(picked) : null;
    dispatch({ type: 'hover', pick });
    tooltip.hidden = !pick;
    if (pick) {
      const { ui, reference } = store.getState();
      tooltip.textContent = pickText(pick, ui.lang, reference);
      tooltip.style.transform = `translate(${event.endPosition.x + 14}px, ${event.endPosition.y + 14}px)`;
    }
  }, ScreenSpaceEventType.MOUSE_MOVE);
  // The one click path for every layer: a cluster zooms in, anything else is selected (a case or an
  // alarm opens its drawer: live/detail.ts, live/alarms.ts), again on a second click.
  handler.setInputAction((event: ScreenSpaceEventHandler.PositionedEvent) => {
    const raw: unknown = (scene.pick(event.position) as { id?: unknown } | undefined)?.id;
    if (!isPick(raw)) return;
    const picked = reconciler.current(raw);
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
    const selected = store.getState().layers.selected;
    if (selected && selected.kind === picked.kind && selected.id === picked.id)
      dispatch({ type: 'select', pick: null });
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

  const disposeIncident = mountIncidentLayer(
    viewer,
    source.picture && { picture: source.picture, lang: () => store.getState().ui.lang },
  );
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
    queue.drawn(0);
    delete document.body.dataset.mapLayers;
    delete document.body.dataset.mapBuildings;
  };
}
