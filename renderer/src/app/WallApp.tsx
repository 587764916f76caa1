// The other wall windows (`?wall=video-wall`, `?wall=briefing`): the header and, once signed in, the
// video wall with its camera list or the briefing, on the whole display below the header. No map is
// mounted, so Cesium is never loaded. Without a session the window first asks a signed-in window of
// the same origin for one (live/wallChannel.ts), then shows the usual login form.
import { useAppStore } from './StoreContext';
import { useT } from '../i18n/useT';
import { BriefingWindow } from '../panels/briefing/BriefingWindow';
import { Header } from '../panels/Header';
import { LoginScreen } from '../panels/LoginScreen';
import { OfflineBanner } from '../panels/OfflineBanner';
import { VideoWallWindow } from '../panels/video/VideoWallWindow';
import type { WallRole } from '../state/wall';

export function WallApp({ role }: { role: Exclude<WallRole, 'map-wall'> }) {
  const signedIn = useAppStore((s) => s.session.status === 'signedIn');
  const asking = useAppStore((s) => s.wall.session === 'asking');
  return (
    <div className="app app-wall" data-wall={role}>
      <Header />
      <OfflineBanner />
      {signedIn ? (
        role === 'video-wall' ? (
          <VideoWallWindow />
        ) : (
          <BriefingWindow />
        )
      ) : asking ? (
        <AskingForSession />
      ) : (
        <LoginScreen />
      )}
    </div>
  );
}

function AskingForSession() {
  const t = useT();
  return (
    <div className="login-backdrop">
      <p className="wall-asking" role="status">
        {t('wall.asking')}
      </p>
    </div>
  );
}
