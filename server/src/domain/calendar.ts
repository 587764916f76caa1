// Working calendar as data: working hours per day, weekend days, public holidays and make-up
// working days (调休上班). The calendar has a fixed UTC offset (Asia/Shanghai is +08:00 and has
// no daylight saving), so local dates are computed from UTC instants by shifting, never through
// the host time zone. Arithmetic walks day by day and interval by interval (never minute by
// minute), so a span of 20 working days costs about 28 iterations.
import { invalid } from './errors';

export const LIMIT_UNITS = ['working_minutes', 'natural_minutes'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

export const SHANGHAI_UTC_OFFSET_MINUTES = 480;

/** 'HH:MM' local wall-clock times; end is exclusive and may be '24:00'. */
export interface WorkingHoursInterval {
  start: string;
  end: string;
}

export const DEFAULT_WORKING_HOURS: readonly WorkingHoursInterval[] = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

/** Calendar exception row, as stored in the database (CalendarDay). */
export interface CalendarDaySpec {
  /** YYYY-MM-DD, local date */
  date: string;
  kind: 'holiday' | 'workday';
}

export interface WorkingCalendarSpec {
  utcOffsetMinutes?: number;
  workingHours?: readonly WorkingHoursInterval[];
  /** 0 = Sunday … 6 = Saturday; default Saturday and Sunday */
  weekendDays?: readonly number[];
  /** public holidays, YYYY-MM-DD local */
  holidays?: readonly string[];
  /** make-up working days (调休上班), working even when they fall on a weekend */
  workdays?: readonly string[];
  /** the same exceptions as database rows; merged with `holidays` / `workdays` */
  days?: readonly CalendarDaySpec[];
}

export interface WorkingCalendar {
  readonly utcOffsetMinutes: number;
  /** sorted, non-overlapping [startMinute, endMinute) of the local day */
  readonly intervals: readonly { readonly startMinute: number; readonly endMinute: number }[];
  readonly minutesPerWorkingDay: number;
  readonly weekendDays: ReadonlySet<number>;
  readonly holidays: ReadonlySet<string>;
  readonly workdays: ReadonlySet<string>;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** A calendar with no working day for ten years is a configuration error, not a long wait. */
const MAX_IDLE_DAYS = 3660;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function parseClock(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) {
    throw invalid(`工作时间格式应为 HH:MM：${text}`, `Working hours must be HH:MM: ${text}`);
  }
  return hours * 60 + minutes;
}

function checkDate(date: string): string {
  if (!DATE_RE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw invalid(`日期格式应为 YYYY-MM-DD：${date}`, `Dates must be YYYY-MM-DD: ${date}`);
  }
  return date;
}

export function makeCalendar(spec: WorkingCalendarSpec = {}): WorkingCalendar {
  const utcOffsetMinutes = spec.utcOffsetMinutes ?? SHANGHAI_UTC_OFFSET_MINUTES;
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) {
    throw invalid('时区偏移无效', `Invalid UTC offset: ${utcOffsetMinutes}`);
  }
  const intervals = (spec.workingHours ?? DEFAULT_WORKING_HOURS)
    .map((iv) => ({ startMinute: parseClock(iv.start), endMinute: parseClock(iv.end) }))
    .sort((a, b) => a.startMinute - b.startMinute);
  intervals.forEach((iv, i) => {
    const previous = intervals[i - 1];
    if (iv.endMinute <= iv.startMinute || (previous && iv.startMinute < previous.endMinute)) {
      throw invalid(
        '工作时段必须有序且互不重叠',
        'Working hour intervals must be ordered and must not overlap',
      );
    }
  });
  const weekendDays = new Set(spec.weekendDays ?? [0, 6]);
  const holidays = new Set((spec.holidays ?? []).map(checkDate));
  const workdays = new Set((spec.workdays ?? []).map(checkDate));
  for (const day of spec.days ?? []) {
    (day.kind === 'holiday' ? holidays : workdays).add(checkDate(day.date));
  }
  for (const date of holidays) {
    if (workdays.has(date)) {
      throw invalid(
        `${date} 不能既是节假日又是调休工作日`,
        `${date} cannot be both a holiday and a working day`,
      );
    }
  }
  const minutesPerWorkingDay = intervals.reduce((sum, iv) => sum + iv.endMinute - iv.startMinute, 0);
  return { utcOffsetMinutes, intervals, minutesPerWorkingDay, weekendDays, holidays, workdays };
}

/** Default calendar: +08:00, 08:30–12:00 and 13:30–17:30, Saturday/Sunday off, no holidays. */
export const DEFAULT_CALENDAR: WorkingCalendar = makeCalendar();

// ---- local day arithmetic (day index = days since 1970-01-01 in local time) ----

function localMs(instant: Date, cal: WorkingCalendar): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw invalid('时间无效', 'Invalid date');
  return ms + cal.utcOffsetMinutes * MINUTE_MS;
}

function fromLocalMs(ms: number, cal: WorkingCalendar): Date {
  return new Date(ms - cal.utcOffsetMinutes * MINUTE_MS);
}

function dateOfDay(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

function isWorkingDayIndex(dayIndex: number, cal: WorkingCalendar): boolean {
  const date = dateOfDay(dayIndex);
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = (((dayIndex + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return !cal.weekendDays.has(weekday);
}

function checkMinutes(minutes: number): void {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw invalid('分钟数必须是非负数', `Minutes must be a non-negative number: ${minutes}`);
  }
}

/** Local calendar date (YYYY-MM-DD) of a UTC instant. */
export function localDate(instant: Date, cal: WorkingCalendar = DEFAULT_CALENDAR): string {
  return dateOfDay(Math.floor(localMs(instant, cal) / DAY_MS));
}

export function isWorkingDay(date: string, cal: WorkingCalendar = DEFAULT_CALENDAR): boolean {
  return isWorkingDayIndex(Date.parse(`${checkDate(date)}T00:00:00Z`) / DAY_MS, cal);
}

export function isWorkingTime(instant: Date, cal: WorkingCalendar = DEFAULT_CALENDAR): boolean {
  const local = localMs(instant, cal);
  const day = Math.floor(local / DAY_MS);
  if (!isWorkingDayIndex(day, cal)) return false;
  const minuteOfDay = (local - day * DAY_MS) / MINUTE_MS;
  return cal.intervals.some((iv) => minuteOfDay >= iv.startMinute && minuteOfDay < iv.endMinute);
}

export function addNaturalMinutes(start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes)) throw invalid('分钟数无效', `Invalid minutes: ${minutes}`);
  return new Date(start.getTime() + minutes * MINUTE_MS);
}

/**
 * The instant when `minutes` working minutes have elapsed after `start`. Zero minutes returns
 * `start` itself; a deadline that ends exactly at the end of a working interval is that end
 * (12:00, not 13:30).
 */
export function addWorkingMinutes(
  start: Date,
  minutes: number,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): Date {
  checkMinutes(minutes);
  if (minutes === 0) return new Date(start.getTime());
  if (cal.minutesPerWorkingDay === 0) throw invalid('日历没有工作时段', 'The calendar has no working hours');
  let remaining = minutes * MINUTE_MS;
  const dayMsOfWork = cal.minutesPerWorkingDay * MINUTE_MS;
  let cursor = localMs(start, cal);
  let day = Math.floor(cursor / DAY_MS);
  let idle = 0;
  for (;;) {
    if (isWorkingDayIndex(day, cal)) {
      idle = 0;
      const dayStart = day * DAY_MS;
      if (cursor <= dayStart && remaining > dayMsOfWork) {
        remaining -= dayMsOfWork; // skip a whole working day
      } else {
        for (const iv of cal.intervals) {
          const ivStart = dayStart + iv.startMinute * MINUTE_MS;
          const ivEnd = dayStart + iv.endMinute * MINUTE_MS;
          if (cursor >= ivEnd) continue;
          const from = Math.max(cursor, ivStart);
          if (remaining <= ivEnd - from) return fromLocalMs(from + remaining, cal);
          remaining -= ivEnd - from;
          cursor = ivEnd;
        }
      }
    } else if (++idle > MAX_IDLE_DAYS) {
      throw invalid('日历在十年内没有工作日', 'The calendar has no working day within ten years');
    }
    day += 1;
    cursor = day * DAY_MS;
  }
}

/** Working minutes in [a, b); negative when b is before a. */
export function workingMinutesBetween(a: Date, b: Date, cal: WorkingCalendar = DEFAULT_CALENDAR): number {
  const from = localMs(a, cal);
  const to = localMs(b, cal);
  if (to < from) return -workingMinutesBetween(b, a, cal);
  const firstDay = Math.floor(from / DAY_MS);
  const lastDay = Math.floor(to / DAY_MS);
  let total = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (!isWorkingDayIndex(day, cal)) continue;
    if (day > firstDay && day < lastDay) {
      total += cal.minutesPerWorkingDay * MINUTE_MS;
      continue;
    }
    const dayStart = day * DAY_MS;
    for (const iv of cal.intervals) {
      const start = Math.max(from, dayStart + iv.startMinute * MINUTE_MS);
      const end = Math.min(to, dayStart + iv.endMinute * MINUTE_MS);
      if (end > start) total += end - start;
    }
  }
  return total / MINUTE_MS;
}

/** Add minutes in the given unit: working minutes follow the calendar, natural minutes do not. */
export function addMinutes(start: Date, minutes: number, unit: LimitUnit, cal: WorkingCalendar): Date {
  return unit === 'working_minutes'
    ? addWorkingMinutes(start, minutes, cal)
    : addNaturalMinutes(start, minutes);
}

/** Minutes from a to b in the given unit. */
export function minutesBetween(a: Date, b: Date, unit: LimitUnit, cal: WorkingCalendar): number {
  return unit === 'working_minutes'
    ? workingMinutesBetween(a, b, cal)
    : (b.getTime() - a.getTime()) / MINUTE_MS;
}
