// The application store: one zustand store made of slices. Each slice is plain data plus a pure
// updater; the store's actions only route events to those updaters. No React or Cesium here.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialCity, reduceCity, type CityEvent, type CityState } from './city';
import { initialClock, reduceClock, type ClockEvent, type ClockState } from './clock';
import {
  initialConnection,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionState,
} from './connection';
import { initialMap, reduceMap, type MapEvent, type MapState } from './map';
import { initialUi, reduceUi, type Lang, type UiEvent, type UiState } from './ui';

export interface AppData {
  connection: ConnectionState;
  city: CityState;
  clock: ClockState;
  ui: UiState;
  map: MapState;
}

export interface AppActions {
  connectionEvent(event: ConnectionEvent): void;
  cityEvent(event: CityEvent): void;
  clockEvent(event: ClockEvent): void;
  uiEvent(event: UiEvent): void;
  mapEvent(event: MapEvent): void;
}

export type AppState = AppData & AppActions;
export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  now?: number;
  lang?: Lang;
}

export function initialData(options: StoreOptions = {}): AppData {
  const now = options.now ?? Date.now();
  return {
    connection: initialConnection(now),
    city: initialCity(),
    clock: initialClock(now),
    ui: initialUi(options.lang),
    map: initialMap(),
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
  }));
}

/** Replaces one slice only when its updater produced a new object (no-op events notify nobody). */
function patch<K extends keyof AppData>(state: AppState, key: K, next: AppData[K]): Partial<AppState> {
  return state[key] === next ? state : { [key]: next };
}

/** The data part of the state, without actions: what tests and diagnostics may read. */
export function snapshot(state: AppState): AppData {
  const { connection, city, clock, ui, map } = state;
  return { connection, city, clock, ui, map };
}
