// The banner under the header while the link to the server is down: the picture may be stale.
import { useAppStore } from '../app/StoreContext';
import { formatTime } from '../i18n/time';
import { useT } from '../i18n/useT';

export function OfflineBanner() {
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
