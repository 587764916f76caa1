// Why a reading beyond a threshold raised nothing: the ingest answer names the rule that holds it back.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  evaluateReading,
  holdMessage,
  holdOf,
  initialState,
  type Threshold,
} from '../../../server/src/alarms/rules';

const GAS: Threshold[] = [{ level: 2, direction: 'above', value: 25, clearMargin: 5, debounce: 3 }];
const HEAT: Threshold[] = [{ level: 3, direction: 'below', value: 40, clearMargin: 2, debounce: 3 }];

describe('alarm hold reasons', () => {
  test('the debounce says how many more consecutive readings are needed', () => {
    const first = evaluateReading(initialState(), GAS, 31, 60_000);
    const hold = holdOf(first.state, GAS, 31, first.actions);
    assert.deepEqual(hold, { reason: 'debounce', level: 2, more: 2, direction: 'above' });
    assert.match(holdMessage(hold!), /还需连续 2 次超限读数/);
    assert.match(holdMessage(hold!), /2 more consecutive readings beyond the limit/);
    const second = evaluateReading(first.state, GAS, 31, 120_000);
    assert.equal(holdOf(second.state, GAS, 31, second.actions)?.reason, 'debounce');
    const third = evaluateReading(second.state, GAS, 31, 180_000);
    assert.equal(holdOf(third.state, GAS, 31, third.actions), null, 'the third one raises');
    const fourth = evaluateReading(third.state, GAS, 32, 240_000);
    assert.equal(holdOf(fourth.state, GAS, 32, fourth.actions)?.reason, 'active');
  });

  test('a low limit is worded as below the limit; a normal reading is held by nothing', () => {
    const low = evaluateReading(initialState(), HEAT, 30.47, 60_000);
    assert.match(holdMessage(holdOf(low.state, HEAT, 30.47, low.actions)!), /低于下限/);
    const normal = evaluateReading(initialState(), GAS, 3, 60_000);
    assert.equal(holdOf(normal.state, GAS, 3, normal.actions), null);
  });
});
