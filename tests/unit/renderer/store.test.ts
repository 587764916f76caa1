import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FALLBACK_CITY, reduceCity, initialCity } from '../../../renderer/src/state/city';
import { firstFrameSignal, reduceMap, initialMap } from '../../../renderer/src/state/map';
import { createAppStore, snapshot } from '../../../renderer/src/state/store';
import { isLang, reduceUi, initialUi } from '../../../renderer/src/state/ui';

describe('app store', () => {
  test('starts with the built-in city, Chinese, the workspace panel, a loading map and nobody signed in', () => {
    const state = snapshot(createAppStore({ now: 1_000 }).getState());
    assert.equal(state.city.source, 'builtin');
    assert.deepEqual(state.city.config, FALLBACK_CITY);
    assert.equal(state.ui.lang, 'zh');
    assert.equal(state.ui.panel, 'workspace');
    assert.equal(state.session.status, 'anonymous');
    assert.equal(state.queue.tab, null);
    assert.equal(state.map.status, 'loading');
    assert.equal(state.connection.status, 'reconnecting');
    // The snapshot holds data only (no actions); slices added later need no change here.
    for (const slice of [
      'city',
      'clock',
      'connection',
      'map',
      'ui',
      'session',
      'queue',
      'detail',
      'reference',
    ])
      assert.ok(slice in state, slice);
    assert.ok(Object.values(state).every((value) => typeof value !== 'function'));
  });

  test('actions route events to the slice updaters; no-op events notify nobody', () => {
    const store = createAppStore({ now: 0 });
    let notified = 0;
    store.subscribe(() => notified++);
    store.getState().uiEvent({ type: 'setLang', lang: 'zh' });
    store.getState().connectionEvent({ type: 'lost', at: 5 });
    assert.equal(notified, 0);

    store.getState().uiEvent({ type: 'setLang', lang: 'en' });
    store.getState().connectionEvent({ type: 'connected', at: 10 });
    assert.equal(notified, 2);
    assert.equal(store.getState().ui.lang, 'en');
    assert.equal(store.getState().connection.status, 'online');
  });

  test('a failed city load keeps the configuration in use and records why', () => {
    const loaded = reduceCity(initialCity(), {
      type: 'loaded',
      config: { ...FALLBACK_CITY, name: '测试市', drill: true },
      at: 7,
    });
    const failed = reduceCity(loaded, { type: 'failed', error: 'HTTP 503' });
    assert.equal(failed.source, 'server');
    assert.equal(failed.config.name, '测试市');
    assert.equal(failed.error, 'HTTP 503');
    assert.equal(reduceCity(failed, { type: 'loaded', config: FALLBACK_CITY, at: 9 }).error, null);
  });

  test('map and ui updaters', () => {
    const failed = reduceMap(initialMap(), {
      type: 'failed',
      error: { code: 'webgl', detail: 'no context' },
    });
    assert.equal(failed.status, 'error');
    const ready = reduceMap(initialMap(), { type: 'ready' });
    assert.equal(reduceMap(ready, { type: 'ready' }), ready);
    assert.equal(ready.firstFrame, true, 'a ready map has drawn a frame');
    // First frame (usable) comes before ready (every tile loaded); an error later does not undo it.
    const drawn = reduceMap(initialMap(), { type: 'firstFrame' });
    assert.deepEqual([drawn.status, drawn.firstFrame], ['loading', true]);
    assert.equal(reduceMap(drawn, { type: 'firstFrame' }), drawn);
    assert.deepEqual([firstFrameSignal(drawn), drawn.status], ['true', 'loading']);
    const broken = reduceMap(drawn, { type: 'failed', error: { code: 'imagery', detail: '404' } });
    assert.deepEqual([firstFrameSignal(broken), broken.status], ['true', 'error']);
    assert.equal(firstFrameSignal(initialMap()), 'false');
    assert.equal(firstFrameSignal(reduceMap(initialMap(), { type: 'off' })), 'off');
    assert.equal(reduceUi(initialUi(), { type: 'setPanel', panel: null }).panel, null);
    assert.equal(isLang('en'), true);
    assert.equal(isLang('fr'), false);
  });
});
