// The states whose step clock runs are listed once, in contract/rules.ts: the domain's clock table, the
// duty overview and the renderer's boards use that list, and the clock table agrees with it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CASE_STATES } from '../../../contract/domain';
import { ACTIVE_CASE_STATES, RUNNING_CASE_STATES } from '../../../contract/rules';
import { CLOCK_BY_STATE } from '../../../server/src/domain';
import { ACTIVE_STATES } from '../../../renderer/src/state/workspaces';

test('running states are exactly those with a step clock; active ones add suspended', () => {
  const withStep = CASE_STATES.filter((s) => {
    const clock = CLOCK_BY_STATE[s];
    return clock !== null && clock !== 'paused';
  });
  assert.deepEqual([...RUNNING_CASE_STATES].sort(), [...withStep].sort());
  const notOver = CASE_STATES.filter((s) => CLOCK_BY_STATE[s] !== null);
  assert.deepEqual([...ACTIVE_CASE_STATES].sort(), [...notOver].sort());
  assert.equal(ACTIVE_STATES, ACTIVE_CASE_STATES, 'the renderer uses the contract list');
});
