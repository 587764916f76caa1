// The map wall page: the globe fills the screen; header, banner and panel slot float above it.
import { useAppStore } from './StoreContext';
import { useT } from '../i18n/useT';
import { formatTime } from '../i18n/time';
import { MapView } from '../map/cesium/MapView';
import { Header } from '../panels/Header';
import { PanelSlot } from '../panels/PanelSlot';

export function App() {
  return (
    <div className="app">
      <MapView />
      <Header />
      <OfflineBanner />
      <PanelSlot />
    </div>
  );
}

function OfflineBanner() {
  const t = useT();
  const status = useAppStore((s) => s.connection.status);
  const since = useAppStore((s) => s.connection.since);
  if (status !== 'offline') return null;
  return (
    <div className="banner banner-offline" role="alert">
      {t('conn.staleBanner', { time: formatTime(since) })}
    </div>
  );
}
