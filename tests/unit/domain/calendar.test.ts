// Working calendar: 08:30–12:00 and 13:30–17:30, +08:00, weekends, the 2026 holidays of
// fixtures.ts (National Day Oct 1–7 with make-up working days Sun Sep 20 and Sat Oct 10).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addMinutes,
  addNaturalMinutes,
  addWorkingMinutes,
  DEFAULT_CALENDAR,
  DomainError,
  isWorkingDay,
  isWorkingTime,
  localDate,
  makeCalendar,
  minutesBetween,
  workingMinutesBetween,
} from '../../../server/src/domain/index';
import { CALENDAR_2026, local, wall } from './fixtures';

const cal = CALENDAR_2026;
const add = (start: string, minutes: number): string => wall(addWorkingMinutes(local(start), minutes, cal));

describe('addWorkingMinutes within a week', () => {
  test('crossing the lunch break', () => {
    assert.equal(add('2026-11-23 11:30', 60), '2026-11-23 14:00');
  });
  test('a deadline ending at noon is noon, not 13:30', () => {
    assert.equal(add('2026-11-23 11:00', 60), '2026-11-23 12:00');
  });
  test('starting before work, in the lunch break, and after work', () => {
    assert.equal(add('2026-11-23 07:00', 30), '2026-11-23 09:00');
    assert.equal(add('2026-11-23 12:30', 30), '2026-11-23 14:00');
    assert.equal(add('2026-11-23 18:00', 30), '2026-11-24 09:00');
  });
  test('zero minutes is the start itself; negative minutes are refused', () => {
    assert.equal(add('2026-11-23 12:30', 0), '2026-11-23 12:30');
    assert.throws(() => addWorkingMinutes(local('2026-11-23 09:00'), -1, cal), DomainError);
  });
});

describe('weekends, holidays and make-up days', () => {
  test('Friday afternoon + 2 working hours lands on Monday', () => {
    assert.equal(add('2026-11-20 16:30', 120), '2026-11-23 09:30');
    assert.equal(add('2026-11-21 10:00', 30), '2026-11-23 09:00'); // starting on Saturday
  });
  test('National Day: Sep 30 16:00 + 4 working hours skips Oct 1–7', () => {
    assert.equal(add('2026-09-30 16:00', 240), '2026-10-08 11:00');
  });
  test('make-up working Saturday Oct 10 and Sunday Sep 20 count as working days', () => {
    assert.equal(add('2026-10-09 17:00', 60), '2026-10-10 09:00');
    assert.equal(add('2026-09-19 10:00', 30), '2026-09-20 09:00');
    assert.equal(isWorkingDay('2026-10-10', cal), true);
    assert.equal(isWorkingDay('2026-10-10', DEFAULT_CALENDAR), false);
    assert.equal(isWorkingDay('2026-10-05', cal), false);
  });
  test('Mid-Autumn Friday Sep 25 is a holiday', () => {
    assert.equal(add('2026-09-24 17:00', 60), '2026-09-28 09:00');
  });
  test('the default calendar has no holidays: Oct 1 2026 (a Thursday) is a working day', () => {
    assert.equal(
      wall(addWorkingMinutes(local('2026-09-30 17:00'), 60, DEFAULT_CALENDAR)),
      '2026-10-01 09:00',
    );
  });
});

describe('long spans skip whole days', () => {
  test('20 working days (9,000 min) from Mon Nov 2 end on Fri Nov 27 at 17:30', () => {
    assert.equal(add('2026-11-02 08:30', 20 * 450), '2026-11-27 17:30');
  });
  test('20 working days across National Day, counting the make-up Saturday', () => {
    // Sep 28–30 (3), Oct 8, 9, 10 (6), Oct 12–16 (11), 19–23 (16), 26–29 (20)
    assert.equal(add('2026-09-28 08:30', 20 * 450), '2026-10-29 17:30');
  });
  test('ten years of working minutes are computed quickly', () => {
    const started = process.hrtime.bigint();
    addWorkingMinutes(local('2026-01-05 08:30'), 450 * 250 * 10, cal);
    workingMinutesBetween(local('2026-01-05 08:30'), local('2036-01-05 08:30'), cal);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 500);
  });
});

describe('workingMinutesBetween', () => {
  test('same day across lunch, across a weekend, across the holiday', () => {
    assert.equal(workingMinutesBetween(local('2026-11-23 11:00'), local('2026-11-23 14:00'), cal), 90);
    assert.equal(workingMinutesBetween(local('2026-11-20 17:00'), local('2026-11-23 09:00'), cal), 60);
    assert.equal(workingMinutesBetween(local('2026-09-30 17:00'), local('2026-10-08 08:40'), cal), 40);
    assert.equal(workingMinutesBetween(local('2026-11-23 14:00'), local('2026-11-23 11:00'), cal), -90);
  });
  test('is the inverse of addWorkingMinutes', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 300; i += 1) {
      const start = new Date(Date.UTC(2026, 0, 1) + (next() % (365 * 24 * 60)) * 60_000);
      const minutes = next() % 20_000;
      const end = addWorkingMinutes(start, minutes, cal);
      assert.equal(workingMinutesBetween(start, end, cal), minutes, `${start.toISOString()} + ${minutes}`);
    }
  });
});

describe('local dates from UTC instants (+08:00)', () => {
  test('16:30Z on Sunday is 00:30 Monday in Shanghai', () => {
    const instant = new Date('2026-11-22T16:30:00Z');
    assert.equal(localDate(instant, cal), '2026-11-23');
    assert.equal(addWorkingMinutes(instant, 30, cal).toISOString(), '2026-11-23T01:00:00.000Z');
    assert.equal(isWorkingTime(new Date('2026-11-23T01:00:00Z'), cal), true); // 09:00 local
    assert.equal(isWorkingTime(new Date('2026-11-23T04:30:00Z'), cal), false); // 12:30 local
  });
  test('another fixed offset and other working hours', () => {
    const utc = makeCalendar({ utcOffsetMinutes: 0, workingHours: [{ start: '09:00', end: '17:00' }] });
    const end = addWorkingMinutes(new Date('2026-11-23T16:00:00Z'), 120, utc);
    assert.equal(end.toISOString(), '2026-11-24T10:00:00.000Z');
  });
});

describe('natural minutes and unit dispatch', () => {
  test('natural minutes ignore the calendar', () => {
    const start = local('2026-09-30 16:00');
    assert.equal(wall(addNaturalMinutes(start, 24 * 60)), '2026-10-01 16:00');
    assert.equal(wall(addMinutes(start, 24 * 60, 'natural_minutes', cal)), '2026-10-01 16:00');
    assert.equal(minutesBetween(start, local('2026-10-01 16:00'), 'natural_minutes', cal), 1440);
    assert.equal(minutesBetween(start, local('2026-10-01 16:00'), 'working_minutes', cal), 90);
  });
});

describe('calendar validation', () => {
  test('overlapping hours, bad dates, contradicting days are refused', () => {
    const overlapping = [
      { start: '08:00', end: '12:00' },
      { start: '11:00', end: '14:00' },
    ];
    assert.throws(() => makeCalendar({ workingHours: overlapping }), DomainError);
    assert.throws(() => makeCalendar({ workingHours: [{ start: '8:00', end: '12:00' }] }), DomainError);
    assert.throws(() => makeCalendar({ holidays: ['2026-13-01'] }), DomainError);
    assert.throws(() => makeCalendar({ holidays: ['2026-10-10'], workdays: ['2026-10-10'] }), DomainError);
  });
  test('database rows (CalendarDay) are accepted', () => {
    const fromRows = makeCalendar({
      days: [
        { date: '2026-10-01', kind: 'holiday' },
        { date: '2026-10-10', kind: 'workday' },
      ],
    });
    assert.equal(isWorkingDay('2026-10-01', fromRows), false);
    assert.equal(isWorkingDay('2026-10-10', fromRows), true);
  });
  test('a calendar without any working day fails instead of looping', () => {
    const never = makeCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6] });
    assert.throws(() => addWorkingMinutes(local('2026-11-23 09:00'), 10, never), DomainError);
  });
});
