// The step clock of a case as the duty officer reads it: the colour now (a deadline passed since the
// page was loaded turns red without waiting for the server) and the time left or overdue.
import type { ClockView } from '@contract/cases';
import type { Lang } from '../state/ui';

export type ClockShown = ClockView['state'];

export function effectiveClock(clock: ClockView, now: number): ClockShown {
  if (clock.state === 'paused' || clock.state === 'none' || clock.deadline === null) return clock.state;
  return Date.parse(clock.deadline) <= now ? 'red' : clock.state;
}

export interface Remaining {
  kind: 'left' | 'over' | 'paused' | 'none';
  /** whole minutes left (left, at least 1 while any time is left) or past the deadline (over) */
  minutes: number;
}

export function remaining(clock: ClockView, now: number): Remaining {
  if (clock.state === 'paused') return { kind: 'paused', minutes: 0 };
  if (clock.state === 'none' || clock.deadline === null) return { kind: 'none', minutes: 0 };
  const ms = Date.parse(clock.deadline) - now;
  if (!Number.isFinite(ms)) return { kind: 'none', minutes: 0 };
  return ms > 0
    ? { kind: 'left', minutes: Math.max(1, Math.floor(ms / 60_000)) }
    : { kind: 'over', minutes: Math.floor(-ms / 60_000) };
}

const UNITS: Record<Lang, { d: string; h: string; m: string; sep: string }> = {
  zh: { d: '天', h: '小时', m: '分', sep: '' },
  en: { d: 'd', h: 'h', m: 'm', sep: ' ' },
};

/** "1天3小时", "2小时05分", "12分" (zh); "1d 3h", "2h 05m", "12m" (en). Two units at most. */
export function formatDuration(totalMinutes: number, lang: Lang): string {
  const u = UNITS[lang];
  const minutes = Math.max(0, Math.round(totalMinutes));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}${u.d}${u.sep}${hours}${u.h}` : `${days}${u.d}`;
  if (hours > 0) return `${hours}${u.h}${u.sep}${String(mins).padStart(2, '0')}${u.m}`;
  return `${mins}${u.m}`;
}
