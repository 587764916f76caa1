// The step clock of a case: a colour dot (green / yellow / red / paused) and the time left or overdue.
import type { ClockView } from '@contract/cases';
import { useAppStore } from '../../app/StoreContext';
import { effectiveClock, formatDuration, remaining } from '../../i18n/caseClock';
import { useT } from '../../i18n/useT';
import { useCoarseNow } from './useNow';

export function ClockBadge({ clock }: { clock: ClockView }) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const now = useCoarseNow();
  const colour = effectiveClock(clock, now);
  const left = remaining(clock, now);
  const text =
    left.kind === 'left'
      ? t('caseClock.left', { time: formatDuration(left.minutes, lang) })
      : left.kind === 'over'
        ? t('caseClock.over', { time: formatDuration(left.minutes, lang) })
        : left.kind === 'paused'
          ? t('caseClock.stopped')
          : t('caseClock.none');
  return (
    <span className="clock-badge" data-clock={colour} title={t(`caseClock.${colour}`)}>
      <span className="clock-dot" aria-hidden="true" />
      <span className="visually-hidden">{t(`caseClock.${colour}`)}</span>
      <span className="clock-text">{text}</span>
    </span>
  );
}
