// The map wall page: the globe fills the screen; header, banner, the role's workspace and the case
// drawer float above it. Until someone signs in, the login form takes the place of the panels.
// (The video-wall and briefing windows are WallApp.tsx.)
import { useAppStore } from './StoreContext';
import { MapView } from '../map/cesium/MapView';
import { AlarmAlert } from '../panels/alarm/AlarmAlert';
import { AlarmDrawer } from '../panels/alarm/AlarmDrawer';
import { CaseDrawer } from '../panels/detail/CaseDrawer';
import { Header } from '../panels/Header';
import { IncidentDrawer } from '../panels/incident/IncidentDrawer';
import { LayersPanel } from '../panels/LayersPanel';
import { LoginScreen } from '../panels/LoginScreen';
import { OfflineBanner } from '../panels/OfflineBanner';
import { PanelSlot } from '../panels/PanelSlot';
import { TimeBar } from '../panels/playback/TimeBar';
import { DrillReplayNote } from '../panels/drill/DrillReplayNote';
import { RecoveryBanner } from '../panels/RecoveryBanner';
import { SentToVideoWall } from '../panels/video/WallLinkNote';
import { VideoWall } from '../panels/video/VideoWall';

export function App({ map = true }: { map?: boolean }) {
  const signedIn = useAppStore((s) => s.session.status === 'signedIn');
  return (
    <div className="app">
      {map ? <MapView /> : <div className="map map-off" />}
      <Header />
      <OfflineBanner />
      <RecoveryBanner />
      {signedIn ? (
        <>
          <PanelSlot />
          <CaseDrawer />
          <AlarmDrawer />
          <IncidentDrawer />
          {map && <LayersPanel />}
          {map && <TimeBar />}
          {map && <DrillReplayNote />}
          <VideoWall />
          <SentToVideoWall />
          <AlarmAlert />
        </>
      ) : (
        <LoginScreen />
      )}
    </div>
  );
}
