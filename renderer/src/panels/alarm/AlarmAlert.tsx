// The alarm pop-up, routed (state/alertRouting.ts): the owner of an alarm (commander on duty, the
// district's supervisor) gets the pop-up with a screen-edge flash and a sound until they acknowledge it;
// it docks in a corner while a drawer is open, and a storm of alarms folds into one counted notice.
// Everyone else who decides alarms gets a small toast they can put away. Acknowledging flies the map
// to the alarm and opens its drawer.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { localizedText } from '../../i18n/serverText';
import { wallClock } from '../../i18n/time';
import { useT } from '../../i18n/useT';
import { alertInput, alertView } from '../../state/alertRouting';
import { AlarmToast } from './AlarmToast';
import { alarmCount, alarmReading, alertLevelKey, sensorTypeKey } from './alarmText';

export function AlarmAlert() {
  const t = useT();
  const { alarms } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const view = useAppStore(useShallow((s) => alertView(alertInput(s))));
  const alert = useAppStore(
    useShallow((s) => ({
      muted: s.alerts.muted,
      acknowledging: s.alerts.acknowledging,
      error: s.alerts.error,
    })),
  );
  const top = view.top;
  if (!top || view.mode === 'none') return null;
  if (view.mode === 'toast') return <AlarmToast top={top} count={view.count} />;
  const busy = alert.acknowledging === top.id;
  const docked = view.mode !== 'popup';
  return (
    <>
      {!docked && <div className="alert-flash" data-level={top.level} aria-hidden="true" />}
      <section
        className={docked ? 'alert-popup alert-docked' : 'alert-popup'}
        role="alertdialog"
        aria-label={t('alert.label')}
        aria-describedby="alert-reading"
        data-alarm-id={top.id}
        data-level={top.level}
        data-mode={view.mode}
      >
        {view.mode === 'storm' && <p className="alert-storm">{t('alert.storm', { count: view.count })}</p>}
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
            <span className="alert-count"> · {alarmCount(top, t)}</span>
          )}
        </p>
        {!docked && <p className="alert-id">{top.sensorId}</p>}
        {view.mode !== 'storm' && view.count > 1 && (
          <p className="alert-more">{t('alert.more', { count: view.count - 1 })}</p>
        )}
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
