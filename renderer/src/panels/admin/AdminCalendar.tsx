// 工作日历: the holidays and make-up working days (调休) of a year on a month grid. Clicking a weekday
// makes it a holiday (and back); clicking a weekend day makes it a make-up working day (and back). Each
// click is saved at once; working-hour deadlines of new clocks count the saved calendar.
import type { AdminCalendar as Calendar } from '@contract/admin';
import { useEffect, useState } from 'react';
import { useServices } from '../../app/ServicesContext';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { isWeekend, monthGrid, pad, toggleDay } from '../../state/admin';
import { ChangeHistory } from './ChangeHistory';
import { SaveStatus, useAdminSave } from './useAdminSave';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function AdminCalendar() {
  const t = useT();
  const { admin } = useServices();
  const today = new Date();
  const [year, setYear] = useState(today.getFullYear());
  const [month, setMonth] = useState(today.getMonth() + 1);
  const [calendar, setCalendar] = useState<Calendar | null>(null);
  const [holidayName, setHolidayName] = useState('');
  const save = useAdminSave();
  useEffect(() => {
    let live = true;
    admin.calendar(year).then(
      (c) => live && setCalendar(c),
      () => live && setCalendar(null),
    );
    return () => {
      live = false;
    };
  }, [admin, year, save.count]);

  const byDate = new Map((calendar?.days ?? []).map((d) => [d.date, d]));
  const click = (date: string) => {
    if (!calendar) return;
    const days = toggleDay(calendar.days, date, holidayName);
    void save.run(() => admin.putCalendar(year, { version: calendar.version, days }));
  };
  const step = (delta: number) => {
    const m = month + delta;
    if (m < 1) {
      setYear(year - 1);
      setMonth(12);
    } else if (m > 12) {
      setYear(year + 1);
      setMonth(1);
    } else setMonth(m);
  };

  return (
    <div className="admin" aria-label={t('admin.section.calendar')}>
      <div className="admin-toolbar">
        <button
          type="button"
          className="btn btn-small"
          aria-label={t('admin.cal.prev')}
          onClick={() => step(-1)}
        >
          ‹
        </button>
        <span className="admin-month" data-month={`${year}-${pad(month)}`}>
          {t('admin.cal.month', { year, month })}
        </span>
        <button
          type="button"
          className="btn btn-small"
          aria-label={t('admin.cal.next')}
          onClick={() => step(1)}
        >
          ›
        </button>
        <label>
          {t('admin.cal.holidayName')}
          <input
            className="input"
            value={holidayName}
            placeholder={t('admin.cal.holidayPlaceholder')}
            onChange={(e) => setHolidayName(e.target.value)}
          />
        </label>
      </div>
      <p className="admin-muted">{t('admin.cal.hint')}</p>
      <SaveStatus error={save.error} saved={save.saved} savedText={t('admin.savedShort')} />
      <table className="admin-calendar" aria-label={t('admin.cal.month', { year, month })}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d}>{t(`admin.cal.wd.${d}` as MessageKey)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(year, month).map((week, i) => (
            <tr key={i}>
              {week.map((date, j) => {
                if (!date) return <td key={j} />;
                const entry = byDate.get(date);
                const kind = entry?.kind ?? (isWeekend(date) ? 'rest' : 'work');
                return (
                  <td key={date}>
                    <button
                      type="button"
                      className="admin-day"
                      data-date={date}
                      data-kind={kind}
                      aria-label={`${date} ${t(`admin.cal.kind.${kind}` as MessageKey)}`}
                      onClick={() => click(date)}
                    >
                      <span className="admin-day-n">{Number(date.slice(8))}</span>
                      <span className="admin-day-kind">
                        {entry?.name || (entry ? t(`admin.cal.kind.${kind}` as MessageKey) : '')}
                      </span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="admin-legend">
        {(['work', 'rest', 'holiday', 'workday'] as const).map((k) => (
          <span key={k} className="admin-legend-item" data-kind={k}>
            {t(`admin.cal.kind.${k}` as MessageKey)}
          </span>
        ))}
      </div>
      <ChangeHistory entity="calendar" entityId={String(year)} refresh={save.count} />
    </div>
  );
}
