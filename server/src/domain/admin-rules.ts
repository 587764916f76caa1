// Checks of administration settings that a schema cannot make, in plain words: no step longer than the
// whole case, real dates in the year with make-up working days on weekends, thresholds whose more severe
// levels sit further out. Pure: each returns the problem as "中文 / English", or null.
import type { CalendarEntry, ThresholdEntry, TimeLimitEntry } from '@contract/admin';

/** No step longer than the whole case in the same unit. */
export function limitsProblem(rows: readonly TimeLimitEntry[]): string | null {
  for (const overall of rows.filter((r) => r.step === 'overall')) {
    for (const r of rows) {
      if (r.urgency !== overall.urgency || r.step === 'overall' || r.unit !== overall.unit) continue;
      if (r.minutes > overall.minutes)
        return `${r.urgency} 的 ${r.step} 时限（${r.minutes} 分钟）超过了总时限（${overall.minutes} 分钟） / ${r.urgency} ${r.step} (${r.minutes} min) is longer than the overall limit (${overall.minutes} min): shorten it or raise overall`;
    }
  }
  return null;
}

/** Dates must be real days of the year; a make-up working day (调休) falls on a weekend. */
export function calendarProblem(year: number, days: readonly CalendarEntry[]): string | null {
  for (const d of days) {
    const at = new Date(`${d.date}T00:00:00Z`);
    if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== d.date)
      return `${d.date} 不是有效日期 / ${d.date} is not a real date`;
    if (!d.date.startsWith(`${year}-`)) return `${d.date} 不在 ${year} 年 / ${d.date} is not in ${year}`;
    const weekday = at.getUTCDay();
    if (d.kind === 'workday' && weekday !== 0 && weekday !== 6)
      return `${d.date} 本来就是工作日，调休上班日应在周末 / ${d.date} is a weekday already: a make-up working day falls on a Saturday or Sunday`;
  }
  return null;
}

/** A more severe level (smaller number) must sit further out than a milder one in the same direction. */
export function thresholdsProblem(rows: readonly ThresholdEntry[]): string | null {
  for (const a of rows)
    for (const b of rows) {
      if (a.direction !== b.direction || a.level >= b.level) continue;
      const ok = a.direction === 'above' ? a.value > b.value : a.value < b.value;
      if (!ok)
        return `${a.level} 级阈值（${a.value}）应比 ${b.level} 级（${b.value}）更${a.direction === 'above' ? '高' : '低'} / Level ${a.level} (${a.value}) must be ${a.direction === 'above' ? 'higher' : 'lower'} than level ${b.level} (${b.value}): a more severe level sits further out`;
    }
  return null;
}
