// How an alarm reads on screen, shared by the pop-up and the drawer.
import type { AlarmView } from '@contract/alarms';
import type { MessageKey } from '../../i18n/messages';
import type { Params } from '../../i18n/translate';

type T = (key: MessageKey, params?: Params) => string;

export const alertLevelKey = (level: number): MessageKey =>
  (['alert.level.1', 'alert.level.2', 'alert.level.3', 'alert.level.4'] as const)[level - 1] ??
  'alert.level.4';

export const sensorTypeKey = (type: AlarmView['sensorType']): MessageKey => `sensor.${type}`;

export const alarmStatusKey = (status: AlarmView['status']): MessageKey => `alarm.status.${status}`;

/**
 * "62%LEL（阈值 50%LEL）", "30.47°C（低于下限 40°C）" for a low limit, or "设备离线" for a device that
 * stopped reporting.
 */
export function alarmReading(alarm: AlarmView, t: T): string {
  if (alarm.kind === 'offline') return t('alarm.kind.offline');
  return t(alarm.direction === 'below' ? 'alert.thresholdBelow' : 'alert.threshold', {
    value: alarm.value ?? '—',
    threshold: alarm.threshold ?? '—',
    unit: alarm.unit,
  });
}

/** "连续 3 次超限", or "连续 3 次低于下限" for a low limit. */
export function alarmCount(alarm: AlarmView, t: T): string {
  return t(alarm.direction === 'below' ? 'alert.countBelow' : 'alert.count', { count: alarm.count });
}
