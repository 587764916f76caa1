// Connection state for the duty officer: 在线 / 重连中 / 离线, with the time it began.
import { useAppStore } from '../app/StoreContext';
import { useT } from '../i18n/useT';
import { formatTime } from '../i18n/time';
import type { MessageKey } from '../i18n/messages';
import type { ConnectionState } from '../state/connection';

export function connectionLabel(connection: ConnectionState): MessageKey {
  if (connection.status === 'online') return 'conn.online';
  if (connection.status === 'offline') return 'conn.offline';
  return connection.everConnected ? 'conn.reconnecting' : 'conn.connecting';
}

export function ConnectionIndicator() {
  const connection = useAppStore((s) => s.connection);
  const t = useT();
  return (
    <div
      className="conn"
      data-status={connection.status}
      role="status"
      aria-live="polite"
      aria-label={t('conn.label')}
    >
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-label">{t(connectionLabel(connection))}</span>
      <span className="conn-since">{t('conn.since', { time: formatTime(connection.since) })}</span>
    </div>
  );
}
