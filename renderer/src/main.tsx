// Entry point. The first import sets CESIUM_BASE_URL before anything can touch Cesium.
import './map/cesium/baseUrl';
import './app/zodConfig';
import './styles/theme.css';
import './styles/header.css';
import './styles/panel.css';
import './styles/controls.css';
import './styles/login.css';
import './styles/workspace.css';
import './styles/badges.css';
import './styles/boards.css';
import './styles/detail.css';
import './styles/alarm.css';
import './styles/incident.css';
import './styles/wall.css';
import './styles/shift.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { persistLang, storedLang } from './app/preferences';
import { reloadIfStuck } from './app/reloadIfStuck';
import { ServicesProvider, type Services, type WindowServices } from './app/ServicesContext';
import { installSignals } from './app/signals';
import { StoreProvider } from './app/StoreContext';
import { WallApp } from './app/WallApp';
import { startAlarmSound } from './services/alarmSound';
import { startAlarms } from './services/alarms';
import { createApi } from './services/api';
import { startIncidentCommand } from './services/incidents';
import { createAuth } from './services/auth';
import { createAdminClient } from './services/admin';
import { startIntake } from './services/batch';
import { createDrillClient } from './services/drills';
import { DrillBanner } from './panels/drill/DrillBanner';
import { createDutyClient } from './services/duty';
import { loadCity } from './services/city';
import { startClock } from './services/clock';
import { startDetail } from './services/detail';
import { mapEnabled, serverOrigin, wallRole } from './services/endpoint';
import { startQueues } from './services/queues';
import { createPicture } from './services/picture';
import { startPlayback } from './services/playback';
import { createReplaySource, sourcedApi } from './services/playbackSource';
import { startLive } from './services/socket';
import { startStream } from './services/stream';
import { startTransient } from './services/transient';
import { startVideo } from './services/video';
import { openWallPort, startWallLink } from './services/wallChannel';
import { startWallData } from './services/wallData';
import { WALL_CHANNEL } from './services/wallLink';
import { createAppStore } from './state/store';

// The role of this window on the wall (Electron's `?wall=`): the map wall runs everything below; the
// video-wall and briefing windows run no map, queues, stream or alarm sound (one of each per hall).
const role = wallRole(window.location.search);
const store = createAppStore({ lang: storedLang(), wallRole: role });
const withMap = role === 'map-wall' && mapEnabled(window.location.search);
if (!withMap) store.getState().mapEvent({ type: 'off' });
installSignals(store, import.meta.env.DEV);
persistLang(store);
startClock(store);

const origin = serverOrigin(window.location);
const auth = createAuth(store, () => api);
const api = createApi({ origin, token: () => auth.token(), onUnauthorized: () => auth.expire() });
void loadCity(store, origin);
const live = startLive(store, origin, {
  token: () => auth.token(),
  onUnauthorized: () => auth.expire(),
  onConnected: (reconnected) => {
    if (reloadIfStuck(store, reconnected)) return;
    // A city configuration that failed to load while offline is fetched again.
    if (store.getState().city.source !== 'server') void loadCity(store, origin);
  },
});
const video = startVideo(store, api);
const wall = startWallLink(store, auth, {
  role,
  port: openWallPort(WALL_CHANNEL),
  log: (message) => console.warn(message),
});
window.addEventListener('pagehide', () => wall.leave());
const windowServices: WindowServices = { origin, auth, video, wall, api };

let services: WindowServices | Services;
let page: ReactNode;
if (role === 'map-wall') {
  const queues = startQueues(store, api);
  const stream = startStream(store, live.socket, () => queues.refreshSoon());
  const transient = startTransient(live.socket);
  auth.onTokenChange(() => {
    stream.restart();
    live.reauthenticate();
  });
  const detail = startDetail(store, api, () => queues.refreshSoon());
  const alarms = startAlarms(store, api, () => queues.refreshSoon());
  startIncidentCommand(api, stream);
  startAlarmSound(store);
  void auth.restore();
  const intake = startIntake(store, api, () => queues.refreshSoon());
  const duty = createDutyClient(api);
  const admin = createAdminClient(api);
  const replaySource = createReplaySource(store);
  const drills = createDrillClient(api, origin, () => auth.token(), replaySource);
  // Playback (回放): the map reads the picture, which is the stream's unless a replay is shown.
  const picture = createPicture(stream);
  const playback = startPlayback(store, sourcedApi(api, replaySource), picture, {
    frames: {
      request: (callback) => window.requestAnimationFrame(callback),
      cancel: (handle) => window.cancelAnimationFrame(handle),
    },
    signal: (value) => {
      if (value === null) delete document.body.dataset.playback;
      else document.body.dataset.playback = value;
    },
  });
  services = {
    ...windowServices,
    queues,
    detail,
    alarms,
    transient,
    stream,
    intake,
    duty,
    admin,
    drills,
    picture,
    playback,
  };
  page = <App map={withMap} />;
} else {
  // The briefing's headline counters are pushed by the stream (its live picture); the video wall runs none.
  const stream = role === 'briefing' ? startStream(store, live.socket, () => {}) : undefined;
  auth.onTokenChange(() => {
    stream?.restart();
    live.reauthenticate();
  });
  startWallData(store, api, { overview: false });
  // Its own session first (a reload, or someone signed in here), else one from a signed-in window.
  void auth.restore().then(() => wall.askForSession());
  services = { ...windowServices, stream };
  page = <WallApp role={role} />;
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <ServicesProvider services={services}>
        {page}
        <DrillBanner />
      </ServicesProvider>
    </StoreProvider>
  </StrictMode>,
);
