// The application store: one zustand store made of slices. Each slice is plain data plus a pure
// updater; the store's actions only route events to those updaters. No React or Cesium here.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialAlarms, reduceAlarms, type AlarmsEvent, type AlarmsState } from './alarms';
import { initialAlerts, reduceAlerts, type AlertsEvent, type AlertsState } from './alerts';
import { initialCity, reduceCity, type CityEvent, type CityState } from './city';
import { initialClock, reduceClock, type ClockEvent, type ClockState } from './clock';
import {
  initialConnection,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionState,
} from './connection';
import { initialDetail, reduceDetail, type DetailEvent, type DetailState } from './detail';
import { initialLayers, reduceLayers, type LayersEvent, type LayersState } from './layers';
import { initialMap, reduceMap, type MapEvent, type MapState } from './map';
import { initialOverview, reduceOverview, type OverviewEvent, type OverviewState } from './overview';
import { initialQueue, reduceQueue, type QueueEvent, type QueueState } from './queue';
import { initialReference, reduceReference, type ReferenceEvent, type ReferenceState } from './reference';
import { initialSession, reduceSession, type SessionEvent, type SessionState } from './session';
import { initialUi, reduceUi, type Lang, type UiEvent, type UiState } from './ui';
import { initialVideo, reduceVideo, type VideoEvent, type VideoState } from './video';
import { initialWall, reduceWall, type WallEvent, type WallRole, type WallState } from './wall';
import { initialPlayback, reducePlayback, type PlaybackUiEvent, type PlaybackUiState } from './playback';

export interface AppData {
  connection: ConnectionState;
  city: CityState;
  clock: ClockState;
  ui: UiState;
  map: MapState;
  session: SessionState;
  reference: ReferenceState;
  queue: QueueState;
  detail: DetailState;
  overview: OverviewState;
  alarms: AlarmsState;
  alerts: AlertsState;
  layers: LayersState;
  video: VideoState;
  wall: WallState;
  playback: PlaybackUiState;
}

export interface AppActions {
  connectionEvent(event: ConnectionEvent): void;
  cityEvent(event: CityEvent): void;
  clockEvent(event: ClockEvent): void;
  uiEvent(event: UiEvent): void;
  mapEvent(event: MapEvent): void;
  sessionEvent(event: SessionEvent): void;
  referenceEvent(event: ReferenceEvent): void;
  queueEvent(event: QueueEvent): void;
  detailEvent(event: DetailEvent): void;
  overviewEvent(event: OverviewEvent): void;
  alarmsEvent(event: AlarmsEvent): void;
  alertsEvent(event: AlertsEvent): void;
  layersEvent(event: LayersEvent): void;
  videoEvent(event: VideoEvent): void;
  wallEvent(event: WallEvent): void;
  playbackEvent(event: PlaybackUiEvent): void;
}

export type AppState = AppData & AppActions;
export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  now?: number;
  lang?: Lang;
  /** this window's role on the wall (`?wall=`); the map wall unless told */
  wallRole?: WallRole;
}

export function initialData(options: StoreOptions = {}): AppData {
  const now = options.now ?? Date.now();
  return {
    connection: initialConnection(now),
    city: initialCity(),
    clock: initialClock(now),
    ui: initialUi(options.lang),
    map: initialMap(),
    session: initialSession(),
    reference: initialReference(),
    queue: initialQueue(),
    detail: initialDetail(),
    overview: initialOverview(),
    alarms: initialAlarms(),
    alerts: initialAlerts(),
    layers: initialLayers(),
    video: initialVideo(),
    wall: initialWall(options.wallRole),
    playback: initialPlayback(),
  };
}

export function createAppStore(options: StoreOptions = {}): AppStore {
  return createStore<AppState>()((set) => ({
    ...initialData(options),
    connectionEvent: (event) => set((s) => patch(s, 'connection', reduceConnection(s.connection, event))),
    cityEvent: (event) => set((s) => patch(s, 'city', reduceCity(s.city, event))),
    clockEvent: (event) => set((s) => patch(s, 'clock', reduceClock(s.clock, event))),
    uiEvent: (event) => set((s) => patch(s, 'ui', reduceUi(s.ui, event))),
    mapEvent: (event) => set((s) => patch(s, 'map', reduceMap(s.map, event))),
    sessionEvent: (event) => set((s) => patch(s, 'session', reduceSession(s.session, event))),
    referenceEvent: (event) => set((s) => patch(s, 'reference', reduceReference(s.reference, event))),
    queueEvent: (event) => set((s) => patch(s, 'queue', reduceQueue(s.queue, event))),
    detailEvent: (event) => set((s) => patch(s, 'detail', reduceDetail(s.detail, event))),
    overviewEvent: (event) => set((s) => patch(s, 'overview', reduceOverview(s.overview, event))),
    alarmsEvent: (event) => set((s) => patch(s, 'alarms', reduceAlarms(s.alarms, event))),
    alertsEvent: (event) => set((s) => patch(s, 'alerts', reduceAlerts(s.alerts, event))),
    layersEvent: (event) => set((s) => patch(s, 'layers', reduceLayers(s.layers, event))),
    videoEvent: (event) => set((s) => patch(s, 'video', reduceVideo(s.video, event))),
    wallEvent: (event) => set((s) => patch(s, 'wall', reduceWall(s.wall, event))),
    playbackEvent: (event) => set((s) => patch(s, 'playback', reducePlayback(s.playback, event))),
  }));
}

/** Replaces one slice only when its updater produced a new object (no-op events notify nobody). */
function patch<K extends keyof AppData>(state: AppState, key: K, next: AppData[K]): Partial<AppState> {
  return state[key] === next ? state : { [key]: next };
}

/** The slice names, from the initial data (a slice added to `initialData` is listed here too). */
const SLICES = Object.keys(initialData({ now: 0 })) as Array<keyof AppData>;

/** The data part of the state, without actions: what tests and diagnostics may read. */
export function snapshot(state: AppState): AppData {
  return Object.fromEntries(SLICES.map((key) => [key, state[key]])) as unknown as AppData;
}
