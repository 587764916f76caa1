// Signals the app gives to the outside: readiness attributes on <body> for tests and kiosk
// scripts, <html lang> and the title, and a read-only diagnostic handle on window.__cityOps.
import { translate, htmlLang } from '../i18n/translate';
import { firstFrameSignal } from '../state/map';
import { authSignal } from '../state/session';
import { snapshot, type AppData, type AppState, type AppStore } from '../state/store';

export interface CityOpsHandle {
  /** The data part of the store (no actions), as of now. */
  readonly state: AppData;
  /** The store itself, in development builds only. */
  readonly store?: AppStore;
}

export function mapReadySignal(status: AppData['map']['status']): string {
  return status === 'ready' ? 'true' : status === 'error' ? 'error' : status === 'off' ? 'off' : 'false';
}

export function installSignals(store: AppStore, exposeStore: boolean): () => void {
  const apply = (state: AppState) => {
    const body = document.body.dataset;
    if (body.connection !== state.connection.status) body.connection = state.connection.status;
    const mapReady = mapReadySignal(state.map.status);
    if (body.mapReady !== mapReady) body.mapReady = mapReady;
    const firstFrame = firstFrameSignal(state.map);
    if (body.mapFirstFrame !== firstFrame) body.mapFirstFrame = firstFrame;
    const auth = authSignal(state.session);
    if (body.auth !== auth) body.auth = auth;
    const role = state.session.user?.role ?? 'none';
    if (body.role !== role) body.role = role;
    const points = String(state.map.points);
    if (body.mapPoints !== points) body.mapPoints = points;
    const focus = state.map.focusedId ?? '';
    if (body.mapFocus !== focus) body.mapFocus = focus;
    const recovery = state.map.reloadOffered ? 'offered' : 'none';
    if (body.recovery !== recovery) body.recovery = recovery;
    const stream = state.connection.streaming ? 'live' : 'polling';
    if (body.stream !== stream) body.stream = stream;
    if (body.wall !== state.wall.role) body.wall = state.wall.role;
    const linked = state.wall.videoWall ? 'linked' : 'none';
    if (body.videoWall !== linked) body.videoWall = linked;
    if (body.wallSession !== state.wall.session) body.wallSession = state.wall.session;
    const lang = htmlLang(state.ui.lang);
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
    const city = state.ui.lang === 'zh' ? state.city.config.name : state.city.config.nameEn;
    const title = translate(state.ui.lang, 'app.title', { city });
    if (document.title !== title) document.title = title;
  };
  apply(store.getState());
  const unsubscribe = store.subscribe(apply);

  const handle: CityOpsHandle = Object.freeze({
    get state() {
      return snapshot(store.getState());
    },
    ...(exposeStore ? { store } : {}),
  });
  Object.defineProperty(window, '__cityOps', { value: handle, configurable: true });
  return unsubscribe;
}
