// Wall-clock formatting in the city's time zone (Asia/Shanghai), independent of the machine's zone.
import type { Lang } from '../state/ui';

export const CITY_TIME_ZONE = 'Asia/Shanghai';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const weekdayFormats: Record<Lang, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: CITY_TIME_ZONE, weekday: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: CITY_TIME_ZONE, weekday: 'short' }),
};

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm:ss, 24-hour */
  time: string;
  weekday: string;
}

export function wallClock(epochMs: number, lang: Lang): WallClock {
  const date = new Date(epochMs);
  const part: Record<string, string> = {};
  for (const p of partsFormat.formatToParts(date)) part[p.type] = p.value;
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    time: `${part.hour}:${part.minute}:${part.second}`,
    weekday: weekdayFormats[lang].format(date),
  };
}

/** HH:mm:ss in the city's time zone, e.g. for "offline since 14:03:07". */
export function formatTime(epochMs: number): string {
  return wallClock(epochMs, 'zh').time;
}

/** A signed duration in ms for diagnostics, e.g. "+12" or "-340". */
export function formatSignedMs(ms: number): string {
  return `${ms >= 0 ? '+' : '−'}${Math.abs(Math.round(ms))}`;
}
