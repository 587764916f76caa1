// The map wall page: the globe fills the screen; header, banner, the role's workspace and the case
// drawer float above it. Until someone signs in, the login form takes the place of the panels.
import { useAppStore } from './StoreContext';
import { useT } from '../i18n/useT';
import { formatTime } from '../i18n/time';
import { MapView } from '../map/cesium/MapView';
import { AlarmAlert } from '../panels/alarm/AlarmAlert';
import { AlarmDrawer } from '../panels/alarm/AlarmDrawer';
import { CaseDrawer } from '../panels/detail/CaseDrawer';
import { Header } from '../panels/Header';
import { LayersPanel } from '../panels/LayersPanel';
import { LoginScreen } from '../panels/LoginScreen';
import { PanelSlot } from '../panels/PanelSlot';
import { VideoWall } from '../panels/video/VideoWall';

export function App({ map = true }: { map?: boolean }) {
  const signedIn = useAppStore((s) => s.session.status === 'signedIn');
  return (
    <div className="app">
      {map ? <MapView /> : <div className="map map-off" />}
      <Header />
      <OfflineBanner />
      {signedIn ? (
        <>
          <PanelSlot />
          <CaseDrawer />
          <AlarmDrawer />
          {map && <LayersPanel />}
          <VideoWall />
          <AlarmAlert />
        </>
      ) : (
        <LoginScreen />
      )}
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
