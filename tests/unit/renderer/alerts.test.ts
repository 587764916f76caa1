// The alarm pop-up and drawer state: which alarms wait for acknowledgement and in what order, how live
// changes (by anyone) take them off, muting, decisions, and the tone pattern by level.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decisionsFor,
  initialAlerts,
  reduceAlerts,
  soundSignal,
  tonePattern,
  topAlert,
  type AlertsEvent,
  type AlertsState,
} from '../../../renderer/src/state/alerts';
import { alarm } from './fixtures';

const run = (events: AlertsEvent[], from: AlertsState = initialAlerts()) => events.reduce(reduceAlerts, from);

describe('alarm pop-up', () => {
  test('the snapshot puts every open alarm on the pop-up, most severe first, acknowledged ones not', () => {
    const minor = alarm({ level: 3 });
    const critical = alarm({ level: 1 });
    const seen = alarm({ level: 1, status: 'acknowledged' });
    const state = run([{ type: 'snapshot', alarms: [minor, seen, critical] }]);
    assert.deepEqual(
      state.pending.map((a) => a.id),
      [critical.id, minor.id],
    );
    assert.equal(topAlert(state)?.id, critical.id);
  });

  test('a raised alarm joins; the same alarm escalated replaces itself; acknowledged by anyone, it leaves', () => {
    const gas = alarm({ level: 2 });
    let state = run([{ type: 'alarm', alarm: gas }]);
    assert.equal(state.pending.length, 1);
    state = run([{ type: 'alarm', alarm: { ...gas, level: 1, value: 62, version: 2 } }], state);
    assert.equal(state.pending.length, 1);
    assert.equal(topAlert(state)?.level, 1);
    state = run([{ type: 'alarm', alarm: { ...gas, status: 'acknowledged', version: 3 } }], state);
    assert.equal(state.pending.length, 0);
    assert.equal(topAlert(state), null);
  });

  test('a change to an alarm that is not waiting changes nothing (no re-render)', () => {
    const state = run([{ type: 'alarm', alarm: alarm({ level: 1 }) }]);
    assert.equal(reduceAlerts(state, { type: 'alarm', alarm: alarm({ status: 'false' }) }), state);
  });

  test('muting silences the sound only; a new alarm sounds again', () => {
    let state = run([
      { type: 'alarm', alarm: alarm({ level: 2 }) },
      { type: 'mute', muted: true },
    ]);
    assert.equal(soundSignal({ alerts: state }), 'muted');
    assert.equal(state.pending.length, 1);
    state = run([{ type: 'alarm', alarm: alarm({ level: 1 }) }], state);
    assert.equal(state.muted, false);
    assert.equal(soundSignal({ alerts: state }), 'level-1');
    assert.equal(soundSignal({ alerts: initialAlerts() }), 'off');
  });

  test('level 1 sounds higher, faster and with more beeps than level 4', () => {
    const [one, four] = [tonePattern(1), tonePattern(4)];
    assert.ok(one.frequency > four.frequency);
    assert.ok(one.periodMs < four.periodMs);
    assert.ok(one.beeps > four.beeps);
    for (const level of [1, 2, 3, 4]) {
      const p = tonePattern(level);
      assert.ok(p.beeps * (p.beepMs + p.gapMs) < p.periodMs, `level ${level} bursts do not overlap`);
    }
  });
});

describe('alarm drawer', () => {
  test('opens with what is known, takes the loaded detail and live updates, but not older versions', () => {
    const gas = alarm({ version: 2 });
    let state = run([{ type: 'openDetail', id: gas.id }]);
    assert.equal(state.detail?.status, 'loading');
    state = run([{ type: 'detailLoaded', alarm: gas, recent: [{ at: gas.lastSeenAt, value: 31 }] }], state);
    assert.equal(state.detail?.status, 'ready');
    assert.equal(state.detail?.recent.length, 1);
    state = run([{ type: 'alarm', alarm: { ...gas, version: 1, value: 10 } }], state);
    assert.equal(state.detail?.alarm?.value, 31);
    state = run([{ type: 'alarm', alarm: { ...gas, version: 3, status: 'acknowledged' } }], state);
    assert.equal(state.detail?.alarm?.status, 'acknowledged');
  });

  test('a detail answer for another alarm is ignored', () => {
    const state = run([{ type: 'openDetail', id: 'alarm-x' }]);
    assert.equal(reduceAlerts(state, { type: 'detailLoaded', alarm: alarm(), recent: [] }), state);
  });

  test('a decision records what is pending, then the answer; a failure keeps the alarm and says why', () => {
    const gas = alarm({ status: 'acknowledged', version: 2 });
    let state = run([
      { type: 'openDetail', id: gas.id, alarm: gas },
      { type: 'decisionStarted', decision: 'case' },
    ]);
    assert.equal(state.detail?.pending, 'case');
    state = run(
      [{ type: 'decisionDone', alarm: { ...gas, status: 'confirmed', caseId: 'case-9', version: 4 } }],
      state,
    );
    assert.equal(state.detail?.pending, null);
    assert.equal(state.detail?.alarm?.caseId, 'case-9');
    state = run(
      [
        { type: 'decisionStarted', decision: 'false' },
        { type: 'decisionFailed', error: 'x' },
      ],
      state,
    );
    assert.equal(state.detail?.error, 'x');
    assert.equal(state.detail?.alarm?.caseId, 'case-9');
  });

  test('what may be decided follows the alarm status', () => {
    assert.deepEqual(decisionsFor(alarm({ status: 'open' })), ['acknowledge', 'case', 'incident', 'false']);
    assert.deepEqual(decisionsFor(alarm({ status: 'acknowledged' })), ['case', 'incident', 'false']);
    assert.deepEqual(decisionsFor(alarm({ status: 'confirmed' })), []);
    assert.deepEqual(decisionsFor(alarm({ status: 'false' })), []);
  });
});
