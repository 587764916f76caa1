// Shared fixtures for the domain tests: cases, actors, local (+08:00) times, a holiday calendar.
import type { CaseState } from '@contract/domain';
import type { Actor, ActorRole, CaseSnapshot, CommandInput } from '../../../server/src/domain/index';
import { makeCalendar } from '../../../server/src/domain/index';

export const DISTRICT = '320508';
export const OTHER_DISTRICT = '320509';
export const DEPT = 'dept-water';
export const OTHER_DEPT = 'dept-gas';
export const CASE_ID = 'case-1';

export function makeCase(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    id: CASE_ID,
    state: 'reported',
    source: 'inspector',
    kind: 'part',
    categoryId: 'part-0101',
    urgency: 'normal',
    districtCode: DISTRICT,
    streetCode: '320508001',
    departmentId: DEPT,
    resumeState: null,
    outcome: null,
    reworkCount: 0,
    reporterId: 'u-inspector',
    mergedIntoId: null,
    ...overrides,
  };
}

/** A case in a state, with the fields that state implies (suspended cases know where to resume). */
export function caseIn(state: CaseState, overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return makeCase({ state, resumeState: state === 'suspended' ? 'handling' : null, ...overrides });
}

export function actor(role: ActorRole, overrides: Partial<Actor> = {}): Actor {
  return {
    userId: `u-${role}`,
    role,
    departmentId: role === 'handler' ? DEPT : null,
    districtCode: null,
    ...overrides,
  };
}

/** Every payload field filled, so any command passes validation. */
export function fullPayload(command: CommandInput['command']): CommandInput {
  return {
    command,
    note: '现场已处理 / done on site',
    reason: '理由 / reason',
    attachments: ['https://example.test/p1.jpg'],
    departmentId: 'dept-target',
    mergedIntoId: 'case-0',
    extensionMinutes: 1440,
    valid: true,
    source: 'inspector',
  };
}

/** UTC instant of a local Asia/Shanghai (+08:00) wall-clock time, 'YYYY-MM-DD HH:MM'. */
export function local(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`);
}

/** Local wall-clock text of an instant, for readable assertions. */
export function wall(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A plausible 2026 mainland-China holiday list (modelled on the State Council notice; used as test
 * data only, not as an authoritative calendar):
 *   元旦 Jan 1–3 (make-up Sun Jan 4); 春节 Feb 15–23 (make-up Sat Feb 14, Sat Feb 28);
 *   清明 Apr 4–6; 劳动节 May 1–5 (make-up Sat May 9); 端午 Jun 19–21; 中秋 Sep 25–27;
 *   国庆 Oct 1–7 (make-up Sun Sep 20 and Sat Oct 10).
 */
const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${String(from + i).padStart(2, '0')}`);

export const HOLIDAYS_2026 = [
  ...range('2026-01', 1, 3),
  ...range('2026-02', 15, 23),
  ...range('2026-04', 4, 6),
  ...range('2026-05', 1, 5),
  ...range('2026-06', 19, 21),
  ...range('2026-09', 25, 27),
  ...range('2026-10', 1, 7),
];
export const WORKDAYS_2026 = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];

export const CALENDAR_2026 = makeCalendar({ holidays: HOLIDAYS_2026, workdays: WORKDAYS_2026 });
