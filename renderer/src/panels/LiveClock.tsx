// The wall clock: city time (Asia/Shanghai) to the second, corrected by the server offset.
import { useAppStore } from '../app/StoreContext';
import { useT } from '../i18n/useT';
import { wallClock } from '../i18n/time';
import { serverNow } from '../state/clock';

export function LiveClock() {
  const now = useAppStore((s) => serverNow(s.clock));
  const lang = useAppStore((s) => s.ui.lang);
  const t = useT();
  const clock = wallClock(now, lang);
  return (
    <div className="clock" aria-label={t('clock.label')}>
      <time className="clock-time" dateTime={new Date(now).toISOString()}>
        {clock.time}
      </time>
      <span className="clock-date">
        {clock.date} {clock.weekday}
      </span>
    </div>
  );
}
