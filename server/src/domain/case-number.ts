// Case numbers: local date (+08:00) and a per-day serial, e.g. 20261122-000123.
// The serial comes from the CaseSerial table, keyed by caseNumberDay().
import { SHANGHAI_UTC_OFFSET_MINUTES } from './calendar';
import { invalid } from './errors';

const SERIAL_DIGITS = 6;
const MAX_SERIAL = 10 ** SERIAL_DIGITS - 1;
const PATTERN = /^(\d{4})(\d{2})(\d{2})-(\d{6})$/;

/** YYYYMMDD of the instant in the local calendar (the CaseSerial key). */
export function caseNumberDay(at: Date, utcOffsetMinutes = SHANGHAI_UTC_OFFSET_MINUTES): string {
  if (Number.isNaN(at.getTime())) throw invalid('时间无效', 'Invalid date');
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10).replaceAll('-', '');
}

export function formatCaseNumber(
  at: Date,
  serial: number,
  utcOffsetMinutes = SHANGHAI_UTC_OFFSET_MINUTES,
): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_SERIAL) {
    throw invalid(
      `案件流水号须在 1–${MAX_SERIAL} 之间`,
      `The case serial must be 1–${MAX_SERIAL}: ${serial}`,
    );
  }
  return `${caseNumberDay(at, utcOffsetMinutes)}-${String(serial).padStart(SERIAL_DIGITS, '0')}`;
}

export function parseCaseNumber(text: string): { day: string; date: string; serial: number } | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [, y, m, d, serial] = match;
  const date = `${y}-${m}-${d}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return null;
  const n = Number(serial);
  return n >= 1 ? { day: `${y}${m}${d}`, date, serial: n } : null;
}
