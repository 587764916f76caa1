// Department score and grade, inspector rates, case numbers, error messages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  caseNumberDay,
  DomainError,
  evaluateDepartment,
  formatCaseNumber,
  gradeOf,
  httpStatusOf,
  inspectorRates,
  parseCaseNumber,
  type EvaluationCounts,
} from '../../../server/src/domain/index';

const perfect: EvaluationCounts = {
  dueForHandling: 100,
  handled: 100,
  handledInTime: 100,
  dueForClosing: 100,
  closed: 100,
  closedInTime: 100,
  reworked: 0,
  overdueUnhandled: 0,
  suspended: 0,
};

describe('department score', () => {
  test('a perfect department scores 100, grade A', () => {
    assert.deepEqual([evaluateDepartment(perfect).score, evaluateDepartment(perfect).grade], [100, 'A']);
  });

  test('处置率×30 + 按期处置率×20 + (1−返工率)×20 + (1−超期待处置率)×20 + (1−延期率)×10', () => {
    const counts: EvaluationCounts = {
      dueForHandling: 200,
      handled: 180, // 0.9  → 27
      handledInTime: 150, // 0.75 → 15
      dueForClosing: 160,
      closed: 150,
      closedInTime: 120,
      reworked: 16, // 0.1 → 18
      overdueUnhandled: 10, // 0.05 → 19
      suspended: 20, // 0.1 → 9
    };
    const r = evaluateDepartment(counts);
    assert.equal(r.score, 88);
    assert.equal(r.grade, 'B');
    assert.equal(r.rates.closingRate, 150 / 160);
    assert.equal(r.rates.closingInTimeRate, 120 / 140); // closed in time / (due − suspended)
  });

  test('grade boundaries A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else E', () => {
    const cases: [number, string][] = [
      [100, 'A'],
      [90, 'A'],
      [89.99, 'B'],
      [75, 'B'],
      [74.99, 'C'],
      [60, 'C'],
      [59.99, 'D'],
      [40, 'D'],
      [39.99, 'E'],
      [0, 'E'],
    ];
    for (const [score, grade] of cases) assert.equal(gradeOf(score), grade, String(score));
  });

  test('a department that handled nothing of what was due', () => {
    const r = evaluateDepartment({ ...perfect, handled: 0, handledInTime: 0, overdueUnhandled: 100 });
    assert.deepEqual([r.score, r.grade], [30, 'E']); // only (1−返工率)×20 + (1−延期率)×10 remain
  });

  test('nothing due: no score', () => {
    const zero = { ...perfect, dueForHandling: 0, handled: 0, handledInTime: 0, dueForClosing: 0 };
    assert.deepEqual([evaluateDepartment(zero).score, evaluateDepartment(zero).grade], [null, null]);
  });

  test('inspector rates', () => {
    assert.deepEqual(inspectorRates({ reports: 50, validReports: 45, missed: 2, opened: 40 }), {
      validRate: 0.9,
      missedRate: 0.05,
    });
    assert.deepEqual(inspectorRates({ reports: 0, validReports: 0, missed: 0, opened: 0 }), {
      validRate: null,
      missedRate: null,
    });
  });
});

describe('case numbers', () => {
  test('local date (+08:00) and a six-digit serial', () => {
    assert.equal(formatCaseNumber(new Date('2026-11-22T03:00:00Z'), 123), '20261122-000123');
    // 16:30Z on Nov 22 is already Nov 23 in Shanghai
    assert.equal(formatCaseNumber(new Date('2026-11-22T16:30:00Z'), 1), '20261123-000001');
    assert.equal(caseNumberDay(new Date('2026-11-22T15:59:59Z')), '20261122');
  });
  test('serial out of range is refused', () => {
    assert.throws(() => formatCaseNumber(new Date(), 0), DomainError);
    assert.throws(() => formatCaseNumber(new Date(), 1_000_000), DomainError);
  });
  test('parse', () => {
    assert.deepEqual(parseCaseNumber('20261122-000123'), {
      day: '20261122',
      date: '2026-11-22',
      serial: 123,
    });
    assert.equal(parseCaseNumber('20261131-000123'), null);
    assert.equal(parseCaseNumber('20261122-123'), null);
    assert.equal(parseCaseNumber('20261122-000000'), null);
  });
});

describe('errors', () => {
  test('kinds map to HTTP statuses and messages carry Chinese then English', () => {
    assert.deepEqual(
      [httpStatusOf('illegal_state'), httpStatusOf('forbidden'), httpStatusOf('invalid')],
      [409, 403, 400],
    );
    const e = new DomainError('invalid', { zh: '时间无效', en: 'Invalid date' });
    assert.equal(e.message, '时间无效 / Invalid date');
    assert.equal(e.httpStatus, 400);
  });
});
