// The header's playback part: the 回放 button that opens a replay of the last hour (for users the server
// lets replay the whole city, on the map wall only), and while a replay is shown the badge 回放 with the
// moment shown, in the playback colour (--playback) that no live screen uses.
import { useAppStore, useStoreApi } from '../../app/StoreContext';
import { useWindowServices, type Services } from '../../app/ServicesContext';
import { useT } from '../../i18n/useT';
import { wallClock } from '../../i18n/time';
import { serverNow } from '../../state/clock';
import { mayPlayback } from '../../state/playback';
import './playback.css';

export function PlaybackHeader() {
  const t = useT();
  const services = useWindowServices() as Partial<Services>;
  const lang = useAppStore((s) => s.ui.lang);
  const mode = useAppStore((s) => s.playback.mode);
  const atMs = useAppStore((s) => s.playback.atMs);
  // Playback is shown on the map: not on desks without one (`?map=off`).
  const allowed = useAppStore(
    (s) => s.session.status === 'signedIn' && s.map.status !== 'off' && mayPlayback(s.session.user),
  );
  const store = useStoreApi();
  if (!services.playback || !allowed) return null;
  if (mode === 'live')
    return (
      <button
        type="button"
        className="btn playback-open"
        title={t('pb.openHint')}
        onClick={() =>
          store.getState().playbackEvent({
            type: 'enter',
            preset: 'hour',
            nowMs: serverNow(store.getState().clock),
          })
        }
      >
        {t('pb.open')}
      </button>
    );
  const c = wallClock(atMs, lang);
  return (
    <div className="playback-badge" role="status" data-playback-badge={atMs}>
      <span className="playback-badge-word">{t('pb.badge')}</span>
      <time dateTime={new Date(atMs).toISOString()}>
        {c.date} {c.time}
      </time>
    </div>
  );
}
