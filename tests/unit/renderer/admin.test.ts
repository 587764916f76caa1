// Pure helpers of the administration screens: the calendar's month grid and day toggling, and the
// before → after lines of the change history.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diffLines, monthGrid, toggleDay } from '../../../renderer/src/state/admin';

describe('administration screens', () => {
  test('a month grid starts on Monday and holds every day once', () => {
    const weeks = monthGrid(2026, 10); // 1 October 2026 is a Thursday
    assert.deepEqual(weeks[0], [null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
    assert.equal(weeks.flat().filter(Boolean).length, 31);
    assert.ok(weeks.every((w) => w.length === 7));
    assert.equal(monthGrid(2026, 2).flat().filter(Boolean).length, 28);
  });

  test('a weekday toggles to a holiday, a weekend day to a make-up working day, and back', () => {
    const holiday = toggleDay([], '2026-11-24', ' 测试假日 ');
    assert.deepEqual(holiday, [{ date: '2026-11-24', kind: 'holiday', name: '测试假日' }]);
    const workday = toggleDay(holiday, '2026-11-21', 'ignored');
    assert.deepEqual(workday, [
      { date: '2026-11-21', kind: 'workday', name: '' },
      { date: '2026-11-24', kind: 'holiday', name: '测试假日' },
    ]);
    assert.deepEqual(toggleDay(workday, '2026-11-24', ''), [
      { date: '2026-11-21', kind: 'workday', name: '' },
    ]);
  });

  test('history lines name each field before and after', () => {
    assert.deepEqual(
      diffLines({ before: { name: '旧', active: true }, after: { name: '新', categoryIds: ['a'] } }),
      ['name: 旧 → 新', 'active: true → —', 'categoryIds: — → ["a"]'],
    );
  });
});
