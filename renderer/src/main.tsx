// Entry point. The first import sets CESIUM_BASE_URL before anything can touch Cesium.
import './map/cesium/baseUrl';
import './styles/theme.css';
import './styles/header.css';
import './styles/panel.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { persistLang, storedLang } from './app/preferences';
import { reloadIfStuck } from './app/reloadIfStuck';
import { installSignals } from './app/signals';
import { StoreProvider } from './app/StoreContext';
import { loadCity } from './live/city';
import { startClock } from './live/clock';
import { serverOrigin } from './live/endpoint';
import { startLive } from './live/socket';
import { createAppStore } from './state/store';

const store = createAppStore({ lang: storedLang() });
installSignals(store, import.meta.env.DEV);
persistLang(store);
startClock(store);

const origin = serverOrigin(window.location);
void loadCity(store, origin);
startLive(store, origin, {
  onConnected: (reconnected) => {
    if (reloadIfStuck(store.getState().map.status, reconnected)) return;
    // A city configuration that failed to load while offline is fetched again.
    if (store.getState().city.source !== 'server') void loadCity(store, origin);
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
