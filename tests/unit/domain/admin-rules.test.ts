// The administration checks a schema cannot make (server/src/domain/admin-rules.ts) and the audit's
// changed-cells diff, against hand-made cases.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { changedEntries } from '../../../server/src/audit/admin-changes';
import { calendarProblem, limitsProblem, thresholdsProblem } from '../../../server/src/domain/admin-rules';

describe('administration rules', () => {
  test('a step may not be longer than the overall limit in the same unit', () => {
    const row = (step: 'accept' | 'overall', minutes: number, unit = 'working_minutes' as const) => ({
      urgency: 'normal' as const,
      step,
      unit,
      minutes,
    });
    assert.equal(limitsProblem([row('accept', 60), row('overall', 480)]), null);
    assert.match(limitsProblem([row('accept', 600), row('overall', 480)]) ?? '', /longer than the overall/);
    // Different units are not compared; other urgencies are not compared.
    assert.equal(limitsProblem([row('accept', 600, 'natural_minutes' as never), row('overall', 480)]), null);
    assert.equal(limitsProblem([row('accept', 600), { ...row('overall', 480), urgency: 'urgent' }]), null);
  });

  test('calendar days are real dates of the year; make-up working days fall on weekends', () => {
    assert.equal(
      calendarProblem(2026, [
        { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2026-10-10', kind: 'workday', name: '' },
      ]),
      null,
    );
    assert.match(
      calendarProblem(2026, [{ date: '2026-02-30', kind: 'holiday', name: '' }]) ?? '',
      /not a real date/,
    );
    assert.match(
      calendarProblem(2026, [{ date: '2027-01-01', kind: 'holiday', name: '' }]) ?? '',
      /not in 2026/,
    );
    assert.match(
      calendarProblem(2026, [{ date: '2026-10-08', kind: 'workday', name: '' }]) ?? '',
      /weekday already/,
    );
  });

  test('a more severe level sits further out, in each direction', () => {
    const t = (level: number, direction: 'above' | 'below', value: number) => ({
      level,
      direction,
      value,
      clearMargin: 0,
      debounce: 2,
    });
    assert.equal(
      thresholdsProblem([t(1, 'above', 50), t(2, 'above', 25), t(1, 'below', 0.1), t(2, 'below', 0.2)]),
      null,
    );
    assert.match(thresholdsProblem([t(1, 'above', 20), t(2, 'above', 25)]) ?? '', /must be higher/);
    assert.match(thresholdsProblem([t(1, 'below', 0.3), t(2, 'below', 0.2)]) ?? '', /must be lower/);
  });

  test('the audit keeps only the cells that changed', () => {
    assert.deepEqual(
      changedEntries(
        { 'normal.accept': '60 working_minutes', 'normal.handle': '240 working_minutes' },
        {
          'normal.accept': '45 natural_minutes',
          'normal.handle': '240 working_minutes',
          'urgent.accept': '30 natural_minutes',
        },
      ),
      {
        before: { 'normal.accept': '60 working_minutes', 'urgent.accept': null },
        after: { 'normal.accept': '45 natural_minutes', 'urgent.accept': '30 natural_minutes' },
      },
    );
  });
});
