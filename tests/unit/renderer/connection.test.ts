import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  initialConnection,
  reduceConnection,
  type ConnectionState,
} from '../../../renderer/src/state/connection';

const T0 = Date.UTC(2026, 10, 22, 1, 0, 0);

function online(at = T0): ConnectionState {
  return reduceConnection(initialConnection(T0), { type: 'connected', at });
}

describe('connection updater', () => {
  test('starts as connecting: reconnecting, never connected, since the start', () => {
    const state = initialConnection(T0);
    assert.equal(state.status, 'reconnecting');
    assert.equal(state.everConnected, false);
    assert.equal(state.since, T0);
    assert.equal(state.lastSeq, 0);
  });

  test('online -> reconnecting -> offline keeps the time the link was lost', () => {
    const up = online(T0 + 1_000);
    assert.equal(up.status, 'online');
    assert.equal(up.since, T0 + 1_000);
    assert.equal(up.everConnected, true);

    const lost = reduceConnection(up, { type: 'lost', at: T0 + 60_000 });
    assert.equal(lost.status, 'reconnecting');
    assert.equal(lost.since, T0 + 60_000);

    const offline = reduceConnection(lost, { type: 'unreachable', at: T0 + 75_000 });
    assert.equal(offline.status, 'offline');
    assert.equal(offline.since, T0 + 60_000, 'offline since the link went down, not since we gave up');

    const back = reduceConnection(offline, { type: 'connected', at: T0 + 90_000 });
    assert.equal(back.status, 'online');
    assert.equal(back.since, T0 + 90_000);
  });

  test('the browser going offline while online marks offline at once', () => {
    const state = reduceConnection(online(), { type: 'unreachable', at: T0 + 5_000 });
    assert.equal(state.status, 'offline');
    assert.equal(state.since, T0 + 5_000);
  });

  test('repeated events change nothing and return the same object', () => {
    const up = online();
    assert.equal(reduceConnection(up, { type: 'connected', at: T0 + 9 }), up);
    const lost = reduceConnection(up, { type: 'lost', at: T0 + 10 });
    assert.equal(reduceConnection(lost, { type: 'lost', at: T0 + 20 }), lost);
    const offline = reduceConnection(lost, { type: 'unreachable', at: T0 + 30 });
    assert.equal(reduceConnection(offline, { type: 'unreachable', at: T0 + 40 }), offline);
    assert.equal(reduceConnection(offline, { type: 'lost', at: T0 + 50 }), offline);
  });

  test('lastSeq only increases', () => {
    let state = online();
    state = reduceConnection(state, { type: 'seqApplied', seq: 5 });
    assert.equal(state.lastSeq, 5);
    state = reduceConnection(state, { type: 'seqApplied', seq: 3 });
    assert.equal(state.lastSeq, 5);
    state = reduceConnection(state, { type: 'seqApplied', seq: 5 });
    assert.equal(state.lastSeq, 5);
    state = reduceConnection(state, { type: 'seqApplied', seq: Number.NaN });
    assert.equal(state.lastSeq, 5);
    state = reduceConnection(state, { type: 'seqApplied', seq: 12 });
    assert.equal(state.lastSeq, 12);
    // A reconnection does not reset what this client has applied.
    state = reduceConnection(reduceConnection(state, { type: 'lost', at: T0 + 1 }), {
      type: 'connected',
      at: T0 + 2,
    });
    assert.equal(state.lastSeq, 12);
  });

  test('hello records the server node and head sequence without touching lastSeq', () => {
    const state = reduceConnection(online(), {
      type: 'hello',
      at: T0 + 10,
      hello: {
        node: 'node-a',
        version: '0.1.0',
        cityName: '海州市',
        serverTime: new Date(T0).toISOString(),
        headSeq: 42,
      },
    });
    assert.deepEqual(state.server, {
      node: 'node-a',
      version: '0.1.0',
      cityName: '海州市',
      headSeq: 42,
      helloAt: T0 + 10,
    });
    assert.equal(state.lastSeq, 0);
  });

  test('ping round trips are recorded and cleared when the link is lost', () => {
    const pinged = reduceConnection(online(), { type: 'pinged', rttMs: 12 });
    assert.equal(pinged.rttMs, 12);
    assert.equal(reduceConnection(pinged, { type: 'pinged', rttMs: -1 }), pinged);
    assert.equal(reduceConnection(pinged, { type: 'lost', at: T0 + 1 }).rttMs, null);
  });
});
