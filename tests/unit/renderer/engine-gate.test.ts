// The map engine's start waits for the live picture (map/cesium/engineGate.ts): at once with nobody
// signed in, when the stream goes live, and at the latest after the wait.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineMayStart } from '../../../renderer/src/map/cesium/engineGate';
import { createAppStore } from '../../../renderer/src/state/store';

/** Whether the promise settled within a turn of the event loop. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

test('nobody signed in: the engine starts at once', async () => {
  assert.equal(await settled(engineMayStart(createAppStore({ now: 0 }), 60_000)), true);
});

test('a session being restored: the engine waits until the stream is live', async () => {
  const store = createAppStore({ now: 0 });
  store.getState().sessionEvent({ type: 'checking' });
  const gate = engineMayStart(store, 60_000);
  assert.equal(await settled(gate), false, 'waits while the session is checked and the stream not live');
  store.getState().connectionEvent({ type: 'connected', at: 1 });
  assert.equal(await settled(gate), false, 'a connection alone is not the picture');
  store.getState().connectionEvent({ type: 'streaming', on: true });
  assert.equal(await settled(gate), true);
});

test('a sign-in that fails, or a stream that never comes: the engine starts anyway', async () => {
  const store = createAppStore({ now: 0 });
  store.getState().sessionEvent({ type: 'checking' });
  const gate = engineMayStart(store, 60_000);
  store.getState().sessionEvent({ type: 'failed', error: 'server unreachable' });
  assert.equal(await settled(gate), true, 'back at the login form');

  const stuck = createAppStore({ now: 0 });
  stuck.getState().sessionEvent({ type: 'checking' });
  const started = Date.now();
  await engineMayStart(stuck, 50);
  assert.ok(Date.now() - started >= 45, 'after the wait');
});
