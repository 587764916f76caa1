// 综合评价 beyond the department score: both presets, the 按期结案率 denominator setting, grade bands,
// role rates, facts folded from a case's history (rework twice, suspension, drill), rankings, periods.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DOMAIN_PRESET, EvaluationSettings, PUBLISHED_PRESET } from '../../../contract/evaluation';
import {
  countCases,
  dispatcherRates,
  evaluateDepartment,
  evaluationRates,
  factsOf,
  gradeOf,
  lastDays,
  lastMonths,
  periodOf,
  previousPeriod,
  rankByScore,
  rankChange,
  shiftLeadRates,
  type EvaluationCounts,
  type FactEvent,
} from '../../../server/src/domain/index';

const counts: EvaluationCounts = {
  dueForHandling: 200,
  handled: 180,
  handledInTime: 150,
  dueForClosing: 160,
  closed: 144, // 0.9
  closedInTime: 120,
  reworked: 16, // 0.1
  overdueUnhandled: 10,
  suspended: 40,
  opened: 160,
};

describe('published preset: 立案数分值 10 + 结案率 30 + 按时处置率 30 + (100 − 返工率) 30', () => {
  test('hand-computed: 10×(160/320) + 30×0.9 + 30×0.75 + 30×0.9 = 81.5, grade B', () => {
    const r = evaluateDepartment(counts, PUBLISHED_PRESET, { maxOpened: 320 });
    assert.equal(r.score, 81.5);
    assert.equal(r.grade, 'B');
  });

  test('the department with the most cases opened gets the whole 10 points', () => {
    assert.equal(evaluateDepartment(counts, PUBLISHED_PRESET, { maxOpened: 160 }).score, 86.5);
  });

  test('no case opened anywhere: 立案数分值 is 0, not a division by zero', () => {
    const none = { ...counts, opened: 0 };
    assert.equal(evaluateDepartment(none, PUBLISHED_PRESET, { maxOpened: 0 }).score, 76.5);
  });
});

describe('按期结案率 denominator and suspended cases', () => {
  test('÷ 应结案数 or ÷ (应结案数 − 缓办)', () => {
    assert.equal(evaluationRates(counts, 'due').closingInTimeRate, 120 / 160);
    assert.equal(evaluationRates(counts, 'dueMinusSuspended').closingInTimeRate, 120 / 120);
  });

  test('every case suspended: the denominator is zero and the rate is null', () => {
    const all = { ...counts, suspended: 160 };
    assert.equal(evaluationRates(all, 'dueMinusSuspended').closingInTimeRate, null);
    assert.equal(evaluationRates(all, 'dueMinusSuspended').suspensionRate, 0.8);
  });

  test('zero denominators give null rates and no score', () => {
    const zero: EvaluationCounts = {
      dueForHandling: 0,
      handled: 0,
      handledInTime: 0,
      dueForClosing: 0,
      closed: 0,
      closedInTime: 0,
      reworked: 0,
      overdueUnhandled: 0,
      suspended: 0,
    };
    const r = evaluateDepartment(zero, PUBLISHED_PRESET);
    assert.deepEqual(Object.values(r.rates), [null, null, null, null, null, null, null]);
    assert.equal(r.score, null);
    assert.equal(r.grade, null);
  });
});

describe('settings', () => {
  test('both presets are valid settings', () => {
    assert.ok(EvaluationSettings.safeParse(DOMAIN_PRESET).success);
    assert.ok(EvaluationSettings.safeParse(PUBLISHED_PRESET).success);
  });

  test('weights must add up to 100 and bands must fall', () => {
    const heavy = { ...DOMAIN_PRESET, weights: [{ metric: 'handlingRate', weight: 90 }] };
    assert.match(JSON.stringify(EvaluationSettings.safeParse(heavy).error?.issues), /add up to 100/);
    const bands = { ...DOMAIN_PRESET, bands: { A: 90, B: 95, C: 60, D: 40 } };
    assert.match(JSON.stringify(EvaluationSettings.safeParse(bands).error?.issues), /fall from A to D/);
  });

  test('grade bands from the settings', () => {
    const strict = { A: 95, B: 85, C: 70, D: 50 };
    assert.deepEqual(
      [96, 95, 90, 70, 69.99, 50, 10].map((s) => gradeOf(s, strict)),
      ['A', 'A', 'B', 'C', 'D', 'D', 'E'],
    );
  });
});

describe('role rates', () => {
  test('dispatchers: 按时派遣率 and 准确派遣率', () => {
    assert.deepEqual(dispatcherRates({ dispatched: 40, dispatchedInTime: 30, dispatchedAccurately: 38 }), {
      onTimeRate: 0.75,
      accurateRate: 0.95,
    });
    assert.deepEqual(dispatcherRates({ dispatched: 0, dispatchedInTime: 0, dispatchedAccurately: 0 }), {
      onTimeRate: null,
      accurateRate: null,
    });
  });

  test('shift leads: 按时立案率 and 准确立案率', () => {
    assert.deepEqual(shiftLeadRates({ opened: 8, openedInTime: 6, openedAccurately: 7 }), {
      onTimeRate: 0.75,
      accurateRate: 0.875,
    });
  });
});

const ev = (command: string, step?: string): FactEvent => ({ command, actorId: 'u1', step: step ?? null });
const loop = [ev('report'), ev('accept'), ev('open'), ev('dispatch'), ev('acceptTask'), ev('handle')];

describe('facts from a case history', () => {
  test('a case reworked twice counts once as reworked, and closes in time without a slip', () => {
    const f = factsOf([
      ...loop,
      ev('check'),
      ev('rework'),
      ev('handle'),
      ev('check'),
      ev('rework'),
      ev('handle'),
      ev('check'),
      ev('approve'),
    ]);
    assert.equal(f.reworks, 2);
    const c = countCases([{ facts: f, drill: false }]);
    assert.deepEqual([c.reworked, c.closed, c.closedInTime, c.handled, c.dueForHandling], [1, 1, 1, 1, 1]);
  });

  test('an overdue handling step: handled late, closed late; a person urging is no slip', () => {
    const late = factsOf([...loop.slice(0, 5), ev('urge', 'handle'), ev('handle'), ev('approve')]);
    const urged = factsOf([...loop, ev('urge'), ev('approve')]);
    const c = countCases([
      { facts: late, drill: false },
      { facts: urged, drill: false },
    ]);
    assert.deepEqual([c.handled, c.handledInTime, c.closed, c.closedInTime], [2, 1, 2, 1]);
  });

  test('overdue and not handled; suspended; voided; drill never counts', () => {
    const overdue = factsOf([...loop.slice(0, 5), ev('urge', 'handle')]);
    const suspended = factsOf([...loop.slice(0, 5), ev('suspend')]);
    const voided = factsOf([ev('report'), ev('accept'), ev('open'), ev('void')]);
    const drill = factsOf([...loop, ev('approve')]);
    const c = countCases([
      { facts: overdue, drill: false },
      { facts: suspended, drill: false },
      { facts: voided, drill: false },
      { facts: drill, drill: true },
    ]);
    assert.deepEqual(c, {
      dueForHandling: 2,
      handled: 0,
      handledInTime: 0,
      dueForClosing: 2,
      closed: 0,
      closedInTime: 0,
      reworked: 0,
      overdueUnhandled: 1,
      suspended: 1,
      opened: 3,
    });
  });

  test('the first opener and dispatcher are the ones evaluated', () => {
    const f = factsOf([
      { command: 'open', actorId: 'lead', step: null },
      { command: 'dispatch', actorId: 'd1', step: null },
      { command: 'return', actorId: 'h1', step: null },
      { command: 'redispatch', actorId: 'd2', step: null },
    ]);
    assert.deepEqual([f.openerId, f.dispatcherId, f.returned], ['lead', 'd1', 1]);
  });
});

describe('rankings', () => {
  test('competition ranking, highest first; no score, no rank', () => {
    const ranks = rankByScore([
      { key: 'a', score: 80 },
      { key: 'b', score: 95 },
      { key: 'c', score: 80 },
      { key: 'd', score: null },
      { key: 'e', score: 60 },
    ]);
    assert.deepEqual(Object.fromEntries(ranks), { b: 1, a: 2, c: 2, e: 4 });
  });

  test('arrows', () => {
    assert.deepEqual(
      [rankChange(1, 3), rankChange(3, 1), rankChange(2, 2), rankChange(2, null)],
      ['up', 'down', 'same', 'new'],
    );
  });
});

describe('periods in local time (+08:00)', () => {
  const iso = (p: { from: Date; to: Date }) => [p.from.toISOString(), p.to.toISOString()];

  test('a month and the month before', () => {
    const p = periodOf('month', '2026-03-15');
    assert.deepEqual(iso(p), ['2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z']);
    assert.deepEqual(iso(previousPeriod(p)), ['2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z']);
  });

  test('a week starts on Monday; a quarter; a custom span and the same span before', () => {
    assert.deepEqual(iso(periodOf('week', '2026-12-06')), [
      '2026-11-29T16:00:00.000Z',
      '2026-12-06T16:00:00.000Z',
    ]);
    assert.deepEqual(iso(previousPeriod(periodOf('quarter', '2026-02-01'))), [
      '2025-09-30T16:00:00.000Z',
      '2025-12-31T16:00:00.000Z',
    ]);
    const c = periodOf('custom', '2026-12-06', '2026-12-01', '2026-12-03');
    assert.deepEqual(iso(c), ['2026-11-30T16:00:00.000Z', '2026-12-03T16:00:00.000Z']);
    assert.deepEqual(iso(previousPeriod(c)), ['2026-11-27T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
  });

  test('a date that does not exist is refused', () => {
    assert.throws(() => periodOf('day', '2026-02-30'), /not a date/);
  });

  test('trend buckets', () => {
    const at = new Date('2026-12-05T17:00:00Z'); // 01:00 on 6 December local
    assert.deepEqual(lastDays(at, 3), ['2026-12-04', '2026-12-05', '2026-12-06']);
    assert.deepEqual(lastMonths(at, 3), ['2026-10', '2026-11', '2026-12']);
  });
});
