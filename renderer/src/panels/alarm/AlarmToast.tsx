// The notice of alarms someone else owns (the commander on duty, a district's supervisor): small, in a
// corner, no flash and no sound; it never asks to be acknowledged. "Got it" puts these alarms out of
// sight (they stay open for their owner); a new one shows the toast again.
import type { AlarmView } from '@contract/alarms';
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import { alarmReading, alertLevelKey } from './alarmText';

export function AlarmToast({ top, count }: { top: AlarmView; count: number }) {
  const t = useT();
  const alertsEvent = useAppStore((s) => s.alertsEvent);
  const pending = useAppStore((s) => s.alerts.pending);
  return (
    <aside className="alarm-toast" role="status" aria-label={t('alert.toast')} data-level={top.level}>
      <span className="alert-level" data-level={top.level}>
        {t(alertLevelKey(top.level))}
      </span>
      <span className="alarm-toast-text">
        {count > 1 ? t('alert.toastMany', { count, name: top.sensorName }) : top.sensorName}
        {' · '}
        {alarmReading(top, t)}
      </span>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => alertsEvent({ type: 'dismiss', ids: pending.map((a) => a.id) })}
      >
        {t('alert.toastDismiss')}
      </button>
    </aside>
  );
}
