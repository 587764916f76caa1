// Step clock (green / yellow / red), suspension, escalation slips, and time-limit lookup.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  clockStatus,
  DEFAULT_SAFETY_CRITICAL_CATEGORY_IDS,
  DomainError,
  dueEscalations,
  fromClockRecord,
  nextEscalationAt,
  pausedMinutesOf,
  pauseStepClock,
  requireTimeLimit,
  resolveTimeLimit,
  resumeStepClock,
  SEED_TIME_LIMITS,
  startStepClock,
  toClockRecord,
  type EscalationKind,
  type TimeLimitRow,
} from '../../../server/src/domain/index';
import { CALENDAR_2026, local, wall } from './fixtures';

const cal = CALENDAR_2026;
/** 4 working hours from Monday 08:30 (deadline 14:00 the same day). */
const working = startStepClock(
  'handle',
  { unit: 'working_minutes', minutes: 240 },
  local('2026-11-23 08:30'),
);
/** 100 natural minutes from 10:00. */
const natural = startStepClock(
  'handle',
  { unit: 'natural_minutes', minutes: 100 },
  local('2026-11-23 10:00'),
);
const at = (minutes: number): Date => new Date(natural.startedAt.getTime() + minutes * 60_000);

describe('clock colours', () => {
  test('green below 80 %, yellow from 80 %, red from 100 % (working minutes, across lunch)', () => {
    const green = clockStatus(working, local('2026-11-23 10:30'), cal);
    assert.deepEqual([green.state, green.usedRatio, green.remainingMinutes], ['green', 0.5, 120]);
    assert.equal(wall(green.deadline), '2026-11-23 14:00');
    assert.equal(clockStatus(working, local('2026-11-23 11:41'), cal).state, 'green');
    const yellow = clockStatus(working, local('2026-11-23 11:42'), cal);
    assert.deepEqual([yellow.state, yellow.usedRatio], ['yellow', 0.8]);
    // lunch does not count: at 13:30 only 210 minutes are used
    assert.equal(clockStatus(working, local('2026-11-23 13:30'), cal).remainingMinutes, 30);
    const due = clockStatus(working, local('2026-11-23 14:00'), cal);
    assert.deepEqual([due.state, due.usedRatio, due.remainingMinutes], ['red', 1, 0]);
    const late = clockStatus(working, local('2026-11-23 14:30'), cal);
    assert.deepEqual([late.state, late.remainingMinutes], ['red', -30]);
  });

  test('a working clock stands still over the weekend', () => {
    const friday = startStepClock(
      'handle',
      { unit: 'working_minutes', minutes: 240 },
      local('2026-11-20 15:30'),
    );
    const status = clockStatus(friday, local('2026-11-22 20:00'), cal);
    assert.deepEqual([status.state, status.usedMinutes], ['green', 120]);
    assert.equal(wall(status.deadline), '2026-11-23 10:30');
  });

  test('safety-critical 24 h natural clock runs through the National Day holiday', () => {
    const c = startStepClock('handle', { unit: 'natural_minutes', minutes: 1440 }, local('2026-10-01 09:00'));
    const s = clockStatus(c, local('2026-10-02 03:00'), cal);
    assert.deepEqual([s.state, s.usedRatio], ['green', 0.75]);
    assert.equal(wall(s.deadline), '2026-10-02 09:00');
  });
});

describe('suspension stops the clock', () => {
  test('suspended Monday 09:30 after 60 minutes, resumed Tuesday 10:00', () => {
    const paused = pauseStepClock(working, local('2026-11-23 09:30'));
    const during = clockStatus(paused, local('2026-11-24 10:00'), cal);
    assert.equal(during.paused, true);
    assert.equal(during.usedMinutes, 60);
    assert.equal(during.state, 'green');
    // the deadline if it resumed now: 180 minutes left from Tuesday 10:00
    assert.equal(wall(during.deadline), '2026-11-24 14:30');
    const resumed = resumeStepClock(paused, local('2026-11-24 10:00'), cal);
    assert.equal(resumed.pausedMinutes, 480); // 150 Mon + 240 ... + 90 Tue working minutes
    assert.equal(resumed.suspendedAt, null);
    const after = clockStatus(resumed, local('2026-11-24 10:30'), cal);
    assert.deepEqual([after.usedMinutes, after.remainingMinutes, after.paused], [90, 150, false]);
    assert.equal(wall(after.deadline), '2026-11-24 14:30');
  });

  test('paused minutes from a list of intervals', () => {
    const intervals = [
      { from: local('2026-11-23 09:30'), to: local('2026-11-24 10:00') },
      { from: local('2026-11-27 17:00'), to: null },
    ];
    assert.equal(
      pausedMinutesOf(intervals, 'working_minutes', local('2026-11-30 09:00'), cal),
      480 + 30 + 30,
    );
    assert.equal(pausedMinutesOf(intervals, 'natural_minutes', local('2026-11-27 18:00'), cal), 1470 + 60);
  });

  test('pausing twice keeps the first instant; resuming a running clock changes nothing', () => {
    const p = pauseStepClock(working, local('2026-11-23 09:30'));
    assert.equal(pauseStepClock(p, local('2026-11-23 10:00')), p);
    assert.equal(resumeStepClock(working, local('2026-11-23 10:00'), cal), working);
  });
});

describe('escalation slips', () => {
  test('reminder at 80 %, urge at 100 %, supervision at 150 %, each once', () => {
    let emitted: EscalationKind[] = [];
    const sweep = (minutes: number): EscalationKind[] => {
      const due = dueEscalations(natural, emitted, at(minutes), cal);
      emitted = [...emitted, ...due];
      return due;
    };
    assert.deepEqual(sweep(79), []);
    assert.deepEqual(sweep(80), ['remind']);
    assert.deepEqual(sweep(90), []);
    assert.deepEqual(sweep(99.9), []);
    assert.deepEqual(sweep(100), ['urge']);
    assert.deepEqual(sweep(100), []);
    assert.deepEqual(sweep(149), []);
    assert.deepEqual(sweep(150), ['supervise']);
    assert.deepEqual(sweep(500), []);
  });

  test('a case found long overdue gets all missing slips at once, in order', () => {
    assert.deepEqual(dueEscalations(natural, [], at(200), cal), ['remind', 'urge', 'supervise']);
    assert.deepEqual(dueEscalations(natural, ['remind'], at(120), cal), ['urge']);
  });

  test('nothing while suspended; the paused time postpones the slips', () => {
    const paused = pauseStepClock(natural, at(50));
    assert.deepEqual(dueEscalations(paused, [], at(500), cal), []);
    assert.equal(nextEscalationAt(paused, [], cal), null);
    const resumed = resumeStepClock(paused, at(100), cal); // 50 minutes paused
    assert.deepEqual(dueEscalations(resumed, [], at(129), cal), []);
    assert.deepEqual(dueEscalations(resumed, [], at(130), cal), ['remind']);
  });

  test('supervision N minutes after the deadline instead of a ratio', () => {
    const policy = { remindRatio: 0.8, urgeRatio: 1, supervise: { overdueMinutes: 60 } };
    assert.deepEqual(dueEscalations(natural, ['remind', 'urge'], at(159), cal, policy), []);
    assert.deepEqual(dueEscalations(natural, ['remind', 'urge'], at(160), cal, policy), ['supervise']);
  });

  test('nextEscalationAt tells a scheduler when to look again', () => {
    assert.deepEqual(nextEscalationAt(natural, [], cal), { kind: 'remind', at: at(80) });
    assert.deepEqual(nextEscalationAt(natural, ['remind'], cal), { kind: 'urge', at: at(100) });
    assert.deepEqual(nextEscalationAt(natural, ['remind', 'urge', 'supervise'], cal), null);
    const w = nextEscalationAt(working, [], cal);
    assert.equal(w && wall(w.at), '2026-11-23 11:42');
  });
});

describe('clock record (Case columns)', () => {
  test('round trip, and an absent clock', () => {
    const record = toClockRecord(working, cal);
    assert.equal(wall(record.stepDeadline as Date), '2026-11-23 14:00');
    assert.deepEqual(fromClockRecord(record), working);
    assert.equal(fromClockRecord(toClockRecord(null)), null);
  });
  test('a non-positive limit is refused', () => {
    assert.throws(
      () => startStepClock('check', { unit: 'natural_minutes', minutes: 0 }, new Date()),
      DomainError,
    );
  });
});

describe('time limit lookup', () => {
  const rows: TimeLimitRow[] = [
    { categoryId: null, urgency: 'normal', step: 'handle', unit: 'working_minutes', minutes: 1350 },
    { categoryId: 'event-01', urgency: 'normal', step: 'handle', unit: 'working_minutes', minutes: 480 },
    { categoryId: 'event-0102', urgency: 'normal', step: 'handle', unit: 'working_minutes', minutes: 240 },
    { categoryId: 'part-0111', urgency: 'normal', step: 'onsite', unit: 'natural_minutes', minutes: 60 },
  ];
  const event = (code: string) => ({ kind: 'event' as const, code });

  test('exact category → major class → default', () => {
    assert.deepEqual(resolveTimeLimit(rows, event('0102'), 'normal', 'handle'), {
      unit: 'working_minutes',
      minutes: 240,
      source: 'category',
      categoryId: 'event-0102',
    });
    assert.equal(resolveTimeLimit(rows, event('0104'), 'normal', 'handle')?.source, 'major');
    assert.equal(resolveTimeLimit(rows, event('0104'), 'normal', 'handle')?.minutes, 480);
    assert.equal(resolveTimeLimit(rows, event('0501'), 'normal', 'handle')?.source, 'default');
    assert.equal(resolveTimeLimit(rows, { kind: 'part', code: '0102' }, 'normal', 'handle')?.minutes, 1350);
    assert.equal(resolveTimeLimit(rows, event('0501'), 'urgent', 'handle'), null);
    assert.throws(() => requireTimeLimit(rows, event('0501'), 'urgent', 'handle'), DomainError);
  });

  test('safety-critical: 2 h natural on site, 24 h natural repair, unless the category says otherwise', () => {
    const cover = { kind: 'part' as const, code: '0102', safetyCritical: true };
    assert.deepEqual(resolveTimeLimit(rows, cover, 'normal', 'onsite'), {
      unit: 'natural_minutes',
      minutes: 120,
      source: 'safety',
      categoryId: 'part-0102',
    });
    assert.equal(resolveTimeLimit(rows, cover, 'normal', 'handle')?.minutes, 1440);
    assert.equal(resolveTimeLimit(rows, cover, 'normal', 'check')?.source, undefined); // no default check row
    const gasCover = { kind: 'part' as const, code: '0111', safetyCritical: true };
    assert.equal(resolveTimeLimit(rows, gasCover, 'normal', 'onsite')?.minutes, 60);
  });

  test('default safety-critical categories and seed limits', () => {
    for (const id of ['part-0101', 'part-0111', 'part-0114', 'part-0117', 'event-0401']) {
      assert.ok(DEFAULT_SAFETY_CRITICAL_CATEGORY_IDS.includes(id), id);
    }
    for (const id of ['part-0118', 'part-0113', 'event-0101']) {
      assert.ok(!DEFAULT_SAFETY_CRITICAL_CATEGORY_IDS.includes(id), id);
    }
    for (const urgency of ['normal', 'urgent', 'critical'] as const) {
      for (const step of ['accept', 'dispatch', 'handle', 'check', 'overall', 'onsite'] as const) {
        assert.ok(resolveTimeLimit(SEED_TIME_LIMITS, event('0599'), urgency, step), `${urgency} ${step}`);
      }
    }
    assert.equal(resolveTimeLimit(SEED_TIME_LIMITS, event('0102'), 'normal', 'handle')?.minutes, 240);
  });
});
