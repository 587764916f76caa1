// The commander's board: active IoT alarms (most severe first) and emergency incidents in progress.
// Until the server offers alarms, an empty state says where they will appear.
import type { AlarmView } from '@contract/alarms';
import type { IncidentView } from '@contract/city';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { wallClock } from '../../i18n/time';
import { useT } from '../../i18n/useT';
import { incidentCommand } from '../../services/incidents';
import { IncidentBoardInfo } from '../incident/BoardInfo';
import type { MessageKey } from '../../i18n/messages';

const LEVELS: Record<number, MessageKey> = {
  1: 'alarms.level.1',
  2: 'alarms.level.2',
  3: 'alarms.level.3',
  4: 'alarms.level.4',
};
const levelKey = (level: number): MessageKey => LEVELS[level] ?? 'alarms.level.4';

export function AlarmBoard() {
  const t = useT();
  const alarms = useAppStore(
    useShallow((s) => ({ status: s.alarms.status, items: s.alarms.items, incidents: s.alarms.incidents })),
  );
  if (alarms.status !== 'ready') {
    return (
      <div className="empty-state" data-alarms={alarms.status}>
        <span className="empty-mark" aria-hidden="true" />
        <p className="empty-title">{t('alarms.unavailable')}</p>
        {alarms.status === 'unavailable' && <p className="empty-hint">{t('alarms.unavailableHint')}</p>}
      </div>
    );
  }
  return (
    <div className="queue board" data-alarms="ready" data-queue-count={alarms.items.length}>
      <h3 className="section-title board-title">
        {t('incidents.title')} <span className="tab-count">{alarms.incidents.length}</span>
      </h3>
      {alarms.incidents.length === 0 ? (
        <p className="queue-empty">{t('incidents.empty')}</p>
      ) : (
        <ul className="queue-list queue-list-static">
          {alarms.incidents.map((incident) => (
            <IncidentRow key={incident.id} incident={incident} />
          ))}
        </ul>
      )}
      <h3 className="section-title board-title">
        {t('alarms.title')} <span className="tab-count">{alarms.items.length}</span>
      </h3>
      {alarms.items.length === 0 ? (
        <p className="queue-empty">{t('alarms.empty')}</p>
      ) : (
        <ul className="queue-list">
          {alarms.items.map((alarm) => (
            <AlarmRow key={alarm.id} alarm={alarm} />
          ))}
        </ul>
      )}
    </div>
  );
}

function IncidentRow({ incident }: { incident: IncidentView }) {
  const t = useT();
  const { alarms } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const uiEvent = useAppStore((s) => s.uiEvent);
  return (
    <li>
      <button
        type="button"
        className="row"
        data-incident-id={incident.id}
        data-level={incident.severity}
        data-incident-state={incident.state ?? ''}
        onClick={() => {
          uiEvent({ type: 'focus', id: `incident:${incident.id}`, lon: incident.lon, lat: incident.lat });
          alarms.close();
          incidentCommand()?.open(incident.id);
        }}
      >
        <span className="row-line">
          <span className="alarm-level" data-level={incident.severity}>
            {t(levelKey(incident.severity))}
          </span>
          <span className="row-number">{incident.title}</span>
          <span className="row-time">{wallClock(Date.parse(incident.startedAt), lang).time}</span>
        </span>
        <span className="row-address">{incident.address || incident.description}</span>
        <IncidentBoardInfo incident={incident} />
      </button>
    </li>
  );
}

function AlarmRow({ alarm }: { alarm: AlarmView }) {
  const t = useT();
  const { alarms } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const selected = useAppStore((s) => s.alerts.detail?.id === alarm.id);
  const status: MessageKey =
    alarm.status === 'acknowledged' ? 'alarms.status.acknowledged' : 'alarms.status.open';
  const reading =
    alarm.kind === 'offline'
      ? t('alarms.offline')
      : t('alarms.reading', { value: alarm.value ?? '—', unit: alarm.unit });
  return (
    <li>
      <button
        type="button"
        className="row"
        data-alarm-id={alarm.id}
        data-level={alarm.level}
        aria-current={selected || undefined}
        onClick={() => alarms.open(alarm.id)}
      >
        <span className="row-line">
          <span className="alarm-level" data-level={alarm.level}>
            {t(levelKey(alarm.level))}
          </span>
          <span className="row-category">{alarm.sensorName}</span>
          <span className="state-badge">{t(status)}</span>
        </span>
        <span className="row-line">
          <span className="row-address">{reading}</span>
          <span className="row-time">{wallClock(Date.parse(alarm.lastSeenAt), lang).time}</span>
        </span>
      </button>
    </li>
  );
}
