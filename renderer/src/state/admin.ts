// Pure helpers of the administration screens: the working calendar's month grid and day toggling, and
// the before → after lines of a change in the history.
import type { AdminChangeView, CalendarEntry } from '@contract/admin';

export const pad = (n: number) => String(n).padStart(2, '0');

/** The month's days as weeks Monday..Sunday (null = outside the month). */
export function monthGrid(year: number, month: number): Array<Array<string | null>> {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: Array<string | null> = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${pad(month)}-${pad(d)}`);
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** The year's exceptions after clicking a day. */
export function toggleDay(days: CalendarEntry[], date: string, name: string): CalendarEntry[] {
  if (days.some((d) => d.date === date)) return days.filter((d) => d.date !== date);
  const entry: CalendarEntry = isWeekend(date)
    ? { date, kind: 'workday', name: '' }
    : { date, kind: 'holiday', name: name.trim() };
  return [...days, entry].sort((a, b) => a.date.localeCompare(b.date));
}

const show = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/** "field: before → after" for every field either side names. */
export function diffLines(change: Pick<AdminChangeView, 'before' | 'after'>): string[] {
  const keys = [...new Set([...Object.keys(change.before), ...Object.keys(change.after)])];
  return keys.map((k) => `${k}: ${show(change.before[k])} → ${show(change.after[k])}`);
}
