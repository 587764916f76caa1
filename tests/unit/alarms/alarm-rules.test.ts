import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkOffline,
  evaluateReading,
  initialState,
  type AlarmAction,
  type SensorState,
  type Threshold,
} from '../../../server/src/alarms/rules';

const GAS: Threshold[] = [
  { level: 2, direction: 'above', value: 25, clearMargin: 5, debounce: 2 },
  { level: 1, direction: 'above', value: 50, clearMargin: 5, debounce: 2 },
];
const PRESSURE: Threshold[] = [
  { level: 3, direction: 'below', value: 0.16, clearMargin: 0.02, debounce: 1 },
  { level: 2, direction: 'above', value: 0.7, clearMargin: 0.03, debounce: 1 },
];

/** Feeds values one minute apart and returns the final state and every action. */
function feed(values: number[], thresholds = GAS, start: SensorState = initialState()) {
  let state = start;
  const actions: AlarmAction[] = [];
  values.forEach((v, i) => {
    const r = evaluateReading(state, thresholds, v, (i + 1) * 60_000);
    state = r.state;
    actions.push(...r.actions);
  });
  return { state, actions, types: actions.map((a) => a.type) };
}

describe('alarm rules', () => {
  test('a value below every threshold raises nothing', () => {
    const { state, actions } = feed([0, 2, 24.9, 3]);
    assert.deepEqual(actions, []);
    assert.equal(state.level, null);
  });

  test('gas at 25 %LEL is level 2 (orange) and at 50 %LEL level 1 (red), after the debounce', () => {
    const one = feed([30]);
    assert.deepEqual(one.types, [], 'one reading is not enough (debounce 2)');
    const two = feed([30, 31]);
    assert.deepEqual(two.types, ['raise']);
    const raise = two.actions[0] as Extract<AlarmAction, { type: 'raise' }>;
    assert.equal(raise.level, 2);
    assert.equal(raise.threshold.value, 25);
    assert.equal(raise.count, 2);
    const red = feed([55, 60]);
    assert.equal((red.actions[0] as Extract<AlarmAction, { type: 'raise' }>).level, 1);
  });

  test('a spike that does not repeat is debounced away', () => {
    assert.deepEqual(feed([40, 3, 40, 3, 40, 3]).types, []);
  });

  test('repeats fold into the open alarm with count, last value and peak', () => {
    const { state, actions } = feed([30, 31, 40, 35, 33]);
    assert.deepEqual(
      actions.map((a) => a.type),
      ['raise', 'fold', 'fold', 'fold'],
    );
    const last = actions[actions.length - 1] as Extract<AlarmAction, { type: 'fold' }>;
    assert.equal(last.value, 33);
    assert.equal(last.peak, 40);
    assert.equal(last.count, 5);
    assert.equal(state.level, 2);
  });

  test('crossing a more severe level escalates the same alarm after its debounce', () => {
    const { types, state } = feed([30, 31, 52, 53, 45]);
    assert.deepEqual(types, ['raise', 'fold', 'escalate', 'fold']);
    assert.equal(state.level, 1, 'the level does not drop back while the alarm lasts');
  });

  test('hysteresis: the alarm clears only below threshold - margin, for two readings', () => {
    const inBand = feed([30, 31, 22, 21, 24]);
    assert.deepEqual(inBand.types, ['raise'], '20 < value < 25 keeps the condition');
    assert.equal(inBand.state.level, 2);
    const cleared = feed([30, 31, 10, 12]);
    assert.deepEqual(cleared.types, ['raise', 'clear']);
    assert.equal(cleared.state.level, null);
    const bounce = feed([30, 31, 10, 30, 10, 10]);
    assert.deepEqual(bounce.types, ['raise', 'fold', 'clear'], 'a breach in between resets the clear count');
  });

  test('thresholds below (low pressure) and above (high pressure) work in their own direction', () => {
    const low = feed([0.3, 0.15, 0.17, 0.19, 0.19], PRESSURE);
    assert.deepEqual(low.types, ['raise', 'clear']);
    assert.equal((low.actions[0] as Extract<AlarmAction, { type: 'raise' }>).level, 3);
    const high = feed([0.75], PRESSURE);
    assert.equal((high.actions[0] as Extract<AlarmAction, { type: 'raise' }>).level, 2);
  });

  test('readings older than the last one are ignored', () => {
    const { state } = feed([30, 31]);
    const old = evaluateReading(state, GAS, 0, 1000);
    assert.deepEqual(old.actions, []);
    assert.equal(old.state, state);
  });

  test('a sensor silent for 5 intervals goes offline once, and its next reading brings it back', () => {
    const never = checkOffline(initialState(), 10 * 3600_000, 60);
    assert.equal(never.action, null, 'a sensor that never reported is not offline');
    const seen = initialState(0);
    assert.equal(checkOffline(seen, 5 * 60_000, 60).action, null, 'exactly 5 intervals is still fine');
    const gone = checkOffline(seen, 5 * 60_000 + 1, 60);
    assert.equal(gone.action?.type, 'offline');
    assert.equal(checkOffline(gone.state, 10 * 60_000, 60).action, null, 'raised once');
    const back = evaluateReading(gone.state, GAS, 1, 11 * 60_000);
    assert.deepEqual(
      back.actions.map((a) => a.type),
      ['online'],
    );
    assert.equal(back.state.offline, false);
  });
});
