import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { followUpNote, followUpOf, withSuggestedDepartment } from '../../../server/src/domain';

const suggested = { suggestedDepartmentId: 'dept-water', routingReason: '部件权属：供水' };
const none = { suggestedDepartmentId: null, routingReason: '' };

describe('workflow follow-ups', () => {
  test('a dispatch without a department takes the suggestion and its reason', () => {
    assert.deepEqual(withSuggestedDepartment({ command: 'dispatch', note: 'x' }, suggested), {
      command: 'dispatch',
      note: 'x',
      departmentId: 'dept-water',
      routingReason: '部件权属：供水',
    });
  });

  test('a named department, another command or no suggestion leaves the command as it is', () => {
    const named = { command: 'dispatch' as const, departmentId: 'dept-roads' };
    assert.equal(withSuggestedDepartment(named, suggested), named);
    const open = { command: 'open' as const };
    assert.equal(withSuggestedDepartment(open, suggested), open);
    const bare = { command: 'dispatch' as const };
    assert.equal(withSuggestedDepartment(bare, none), bare);
  });

  test('opening a case of an auto-dispatch category is followed by the system dispatch', () => {
    assert.deepEqual(followUpOf({ command: 'open' }, { autoDispatch: true }, suggested), {
      command: 'dispatch',
      departmentId: 'dept-water',
      routingReason: '部件权属：供水',
    });
    assert.match(followUpNote(suggested).note, /^自动派遣：部件权属：供水 \/ automatic dispatch$/);
  });

  test('no follow-up without auto-dispatch, without a suggestion, or after another command', () => {
    assert.equal(followUpOf({ command: 'open' }, { autoDispatch: false }, suggested), null);
    assert.equal(followUpOf({ command: 'open' }, { autoDispatch: true }, none), null);
    assert.equal(followUpOf({ command: 'verify' }, { autoDispatch: true }, suggested), null);
  });
});
