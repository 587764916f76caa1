// The technical health of this client and its server (for the administrator): the link, the server node
// and version, stream sequence numbers, round trip, clock offset, city configuration and map status.
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../app/StoreContext';
import { useT } from '../i18n/useT';
import { formatSignedMs } from '../i18n/time';
import type { MessageKey } from '../i18n/messages';
import { connectionLabel } from './ConnectionIndicator';

export function SystemHealth() {
  const t = useT();
  const connection = useAppStore((s) => s.connection);
  // Only the offset: the clock ticks every second and this panel need not follow it.
  const clock = useAppStore(
    useShallow((s) => ({ offsetMs: s.clock.offsetMs, offsetMeasured: s.clock.offsetMeasured })),
  );
  const citySource = useAppStore((s) => s.city.source);
  const mapStatus = useAppStore((s) => s.map.status);
  const none = t('duty.none');
  const server = connection.server;
  const mapLabel: Record<typeof mapStatus, MessageKey> = {
    loading: 'duty.map.loading',
    ready: 'duty.map.ready',
    error: 'duty.map.error',
    off: 'duty.map.off',
  };

  return (
    <dl className="facts">
      <Fact label={t('duty.connection')}>{t(connectionLabel(connection))}</Fact>
      <Fact label={t('duty.node')}>{server?.node ?? none}</Fact>
      <Fact label={t('duty.version')}>{server?.version ?? none}</Fact>
      <Fact label={t('duty.headSeq')} testId="head-seq">
        {server ? String(server.headSeq) : none}
      </Fact>
      <Fact label={t('duty.lastSeq')}>{String(connection.lastSeq)}</Fact>
      <Fact label={t('duty.stream')}>
        {t(connection.streaming ? 'duty.stream.live' : 'duty.stream.polling')}
      </Fact>
      <Fact label={t('duty.latency')}>
        {connection.rttMs === null ? none : t('unit.ms', { value: connection.rttMs })}
      </Fact>
      <Fact label={t('duty.clockOffset')}>
        {clock.offsetMeasured ? t('unit.ms', { value: formatSignedMs(clock.offsetMs) }) : none}
      </Fact>
      <Fact label={t('duty.citySource')}>
        {t(citySource === 'server' ? 'duty.citySource.server' : 'duty.citySource.builtin')}
      </Fact>
      <Fact label={t('duty.map')}>{t(mapLabel[mapStatus])}</Fact>
    </dl>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
