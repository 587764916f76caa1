// The alarm pop-up: the most severe unacknowledged alarm, a screen-edge flash in its level's colour and
// a sound (live/alarmSound.ts) until someone acknowledges it. It cannot be dismissed otherwise; muting
// stops only the sound. Acknowledging flies the map to the alarm and opens its drawer.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { localizedText } from '../../i18n/serverText';
import { wallClock } from '../../i18n/time';
import { useT } from '../../i18n/useT';
import { alarmReading, alertLevelKey, sensorTypeKey } from './alarmText';

export function AlarmAlert() {
  const t = useT();
  const { alarms } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const alert = useAppStore(
    useShallow((s) => ({
      top: s.alerts.pending[0] ?? null,
      count: s.alerts.pending.length,
      muted: s.alerts.muted,
      acknowledging: s.alerts.acknowledging,
      error: s.alerts.error,
    })),
  );
  const top = alert.top;
  if (!top) return null;
  const busy = alert.acknowledging === top.id;
  return (
    <>
      <div className="alert-flash" data-level={top.level} aria-hidden="true" />
      <section
        className="alert-popup"
        role="alertdialog"
        aria-label={t('alert.label')}
        aria-describedby="alert-reading"
        data-alarm-id={top.id}
        data-level={top.level}
      >
        <header className="alert-head">
          <span className="alert-level" data-level={top.level}>
            {t(alertLevelKey(top.level))}
          </span>
          {top.drill && <span className="alert-drill">{t('alert.drill')}</span>}
          <time className="alert-time">{wallClock(Date.parse(top.lastSeenAt), lang).time}</time>
        </header>
        <p className="alert-type">{t(sensorTypeKey(top.sensorType))}</p>
        <h2 className="alert-sensor">{top.sensorName}</h2>
        <p className="alert-reading" id="alert-reading">
          {alarmReading(top, t)}
          {top.kind === 'threshold' && top.count > 1 && (
            <span className="alert-count"> · {t('alert.count', { count: top.count })}</span>
          )}
        </p>
        <p className="alert-id">{top.sensorId}</p>
        {alert.count > 1 && <p className="alert-more">{t('alert.more', { count: alert.count - 1 })}</p>}
        {alert.error && (
          <p className="queue-error" role="alert">
            {t('alert.failed', { reason: localizedText(alert.error, lang) })}
          </p>
        )}
        <div className="alert-actions">
          <button
            type="button"
            className="btn btn-primary alert-ack"
            disabled={busy}
            onClick={() => void alarms.acknowledge(top.id)}
          >
            {busy ? t('alert.acknowledging') : t('alert.acknowledge')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            aria-pressed={alert.muted}
            onClick={() => alarms.mute(!alert.muted)}
          >
            {alert.muted ? t('alert.unmute') : t('alert.mute')}
          </button>
        </div>
      </section>
    </>
  );
}
