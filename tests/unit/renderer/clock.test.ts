import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatSignedMs, formatTime, wallClock } from '../../../renderer/src/i18n/time';
import { initialClock, offsetFromPing, reduceClock, serverNow } from '../../../renderer/src/state/clock';

describe('wall clock in Asia/Shanghai', () => {
  test('UTC 16:00:05 on 1 January is 00:00:05 on 2 January in the city', () => {
    const clock = wallClock(Date.UTC(2026, 0, 1, 16, 0, 5), 'zh');
    assert.deepEqual(clock, { date: '2026-01-02', time: '00:00:05', weekday: '星期五' });
    assert.equal(wallClock(Date.UTC(2026, 0, 1, 16, 0, 5), 'en').weekday, 'Fri');
  });

  test('24-hour, zero-padded, independent of the machine time zone', () => {
    assert.equal(formatTime(Date.UTC(2026, 10, 22, 5, 3, 7)), '13:03:07');
    assert.equal(formatTime(Date.UTC(2026, 10, 22, 15, 59, 59)), '23:59:59');
    assert.equal(formatTime(Date.UTC(2026, 10, 22, 16, 0, 0)), '00:00:00');
  });

  test('China has no daylight saving time: summer and winter are both UTC+8', () => {
    assert.equal(formatTime(Date.UTC(2026, 6, 1, 0, 0, 0)), '08:00:00');
    assert.equal(formatTime(Date.UTC(2026, 0, 1, 0, 0, 0)), '08:00:00');
  });

  test('signed milliseconds', () => {
    assert.equal(formatSignedMs(12.4), '+12');
    assert.equal(formatSignedMs(0), '+0');
    assert.equal(formatSignedMs(-340), '−340');
  });
});

describe('clock updater', () => {
  test('the wall shows client time plus the measured offset', () => {
    let state = initialClock(1_000);
    state = reduceClock(state, { type: 'tick', now: 2_000 });
    state = reduceClock(state, { type: 'offset', offsetMs: 250, source: 'ping' });
    assert.equal(serverNow(state), 2_250);
    assert.equal(state.offsetMeasured, true);
  });

  test('a rough server:time offset never replaces a measured one', () => {
    let state = reduceClock(initialClock(0), { type: 'offset', offsetMs: 900, source: 'serverTime' });
    assert.equal(state.offsetMs, 900);
    assert.equal(state.offsetMeasured, false);
    state = reduceClock(state, { type: 'offset', offsetMs: 40, source: 'ping' });
    assert.equal(reduceClock(state, { type: 'offset', offsetMs: 900, source: 'serverTime' }), state);
    assert.equal(reduceClock(state, { type: 'offset', offsetMs: Number.NaN, source: 'ping' }), state);
  });

  test('offset from a ping assumes the server answered half-way through the round trip', () => {
    assert.equal(offsetFromPing(1_000, 5_050, 1_100), 4_000);
  });
});
