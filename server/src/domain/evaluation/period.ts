// Evaluation periods in local time (+08:00, no daylight saving): day, week (Monday first), month,
// quarter, or custom days; each with the previous period it is compared against.
import type { PeriodKind } from '@contract/evaluation';
import { localDate, SHANGHAI_UTC_OFFSET_MINUTES } from '../calendar';
import { invalid } from '../errors';

export interface Period {
  kind: PeriodKind;
  /** first instant, included */
  from: Date;
  /** first instant after the period */
  to: Date;
}

const DAY_MS = 86_400_000;
const OFFSET_MS = SHANGHAI_UTC_OFFSET_MINUTES * 60_000;

/** Local day as a UTC date whose Y-M-D fields are the local ones. */
function parseLocal(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) {
    throw invalid(`日期 ${date} 不存在`, `${date} is not a date`);
  }
  return utc;
}

const atLocalMidnight = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d) - OFFSET_MS);

export function periodOf(kind: PeriodKind, date: string, from?: string, to?: string): Period {
  if (kind === 'custom') {
    if (!from || !to) throw invalid('自定义周期需要起止日期', 'a custom period needs from and to');
    const a = parseLocal(from);
    const b = parseLocal(to);
    if (b < a) throw invalid('结束日期早于开始日期', 'to is before from');
    return {
      kind,
      from: atLocalMidnight(a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate()),
      to: atLocalMidnight(b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate() + 1),
    };
  }
  const d = parseLocal(date);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  switch (kind) {
    case 'day':
      return { kind, from: atLocalMidnight(y, m, day), to: atLocalMidnight(y, m, day + 1) };
    case 'week': {
      const back = (d.getUTCDay() + 6) % 7; // Monday = 0
      return { kind, from: atLocalMidnight(y, m, day - back), to: atLocalMidnight(y, m, day - back + 7) };
    }
    case 'month':
      return { kind, from: atLocalMidnight(y, m, 1), to: atLocalMidnight(y, m + 1, 1) };
    case 'quarter': {
      const q = m - (m % 3);
      return { kind, from: atLocalMidnight(y, q, 1), to: atLocalMidnight(y, q + 3, 1) };
    }
  }
}

/** The period just before: the previous day, week, month or quarter; a custom span of the same days. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'custom' || p.kind === 'day' || p.kind === 'week') {
    const span = p.to.getTime() - p.from.getTime();
    return { kind: p.kind, from: new Date(p.from.getTime() - span), to: p.from };
  }
  const start = new Date(p.from.getTime() + OFFSET_MS);
  const months = p.kind === 'month' ? 1 : 3;
  return {
    kind: p.kind,
    from: atLocalMidnight(start.getUTCFullYear(), start.getUTCMonth() - months, 1),
    to: p.from,
  };
}

/** Local days (YYYY-MM-DD) from the instant's day back `count` days, oldest first. */
export function lastDays(at: Date, count: number): string[] {
  const today = parseLocal(localDate(at)).getTime();
  return Array.from({ length: count }, (_, i) =>
    new Date(today - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** Local months (YYYY-MM) up to the instant's month, `count` of them, oldest first. */
export function lastMonths(at: Date, count: number): string[] {
  const local = new Date(at.getTime() + OFFSET_MS);
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - (count - 1 - i), 1))
      .toISOString()
      .slice(0, 7),
  );
}
