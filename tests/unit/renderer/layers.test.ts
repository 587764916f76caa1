// The map layers without a GPU: the layers slice, the reconciler against a fake engine that records
// what it is asked to create, show, hide and dispose, and the pure data functions the Cesium layers
// draw from (part grouping, camera cones, vehicle interpolation, alarm pulse, search parsing, heat).
import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';
import { alarmPulse } from '../../../renderer/src/map/layers/alarmData';
import { coneRing } from '../../../renderer/src/map/layers/deviceData';
import { defineLayer, type LayerHandle } from '../../../renderer/src/map/layers/layer';
import type { LayerContext } from '../../../renderer/src/map/layers/context';
import { partsByClass } from '../../../renderer/src/map/layers/partsLod';
import { createLayerReconciler } from '../../../renderer/src/map/layers/reconciler';
import {
  applyFixes,
  interpolate,
  moving,
  FIX_BLEND_MS,
  type Tracks,
} from '../../../renderer/src/map/layers/vehicleData';
import { parseSearch } from '../../../renderer/src/map/search';
import { fitBounds, heatPoints, project } from '../../../renderer/src/map/deck/heat';
import {
  initialLayers,
  layersSignal,
  partClassOf,
  reduceLayers,
  type LayerId,
} from '../../../renderer/src/state/layers';
import { createAppStore, snapshot } from '../../../renderer/src/state/store';

/** A fake engine: each factory call creates a handle that logs into `log`. */
function fakeEngine(ids: LayerId[]) {
  const log: string[] = [];
  const factories = Object.fromEntries(
    ids.map((id) => [
      id,
      (): LayerHandle => {
        log.push(`create ${id}`);
        return {
          show: (on) => log.push(`${on ? 'show' : 'hide'} ${id}`),
          dispose: () => log.push(`dispose ${id}`),
        };
      },
    ]),
  );
  return { log, factories };
}

describe('layers slice', () => {
  test('starts with divisions and alarms on, nothing loaded, and is part of the store snapshot', () => {
    const state = snapshot(createAppStore().getState()).layers;
    assert.equal(state.on.divisions, true);
    assert.equal(state.on.alarms, true);
    assert.equal(state.on.parts, false);
    assert.equal(state.counts.parts, null);
    assert.doesNotThrow(() => JSON.stringify(state), 'plain serialisable data');
  });

  test('toggles, counts and no-op events keep the same object', () => {
    const s0 = initialLayers();
    const s1 = reduceLayers(s0, { type: 'toggle', id: 'parts' });
    assert.equal(s1.on.parts, true);
    assert.equal(reduceLayers(s1, { type: 'toggle', id: 'parts', on: true }), s1);
    const s2 = reduceLayers(reduceLayers(s1, { type: 'count', id: 'parts', count: 100_002 }), {
      type: 'status',
      id: 'parts',
      status: 'ready',
    });
    assert.equal(reduceLayers(s2, { type: 'count', id: 'parts', count: 100_002 }), s2);
    assert.equal(layersSignal(s2), 'parts:100002');
    const s3 = reduceLayers(s2, { type: 'togglePartClass', cls: '03' });
    assert.equal(s3.partClasses['03'], false);
    const pick = { kind: 'part' as const, id: '1', label: 'a' };
    const s4 = reduceLayers(s3, { type: 'hover', pick });
    assert.equal(reduceLayers(s4, { type: 'hover', pick: { ...pick } }), s4);
  });

  test('part classes come from the category id', () => {
    assert.equal(partClassOf('part-0101'), '01');
    assert.equal(partClassOf('part-0502'), '05');
    assert.equal(partClassOf('event-0102'), null);
  });
});

describe('layer reconciler (headless engine)', () => {
  test('creates a layer the first time it is on, then only shows / hides it; dispose cleans up', () => {
    const { log, factories } = fakeEngine(['divisions', 'parts', 'cameras']);
    const reconciler = createLayerReconciler(factories);
    let state = initialLayers();
    reconciler.apply(state.on);
    assert.deepEqual(log.splice(0), ['create divisions', 'show divisions'], 'alarms has no factory here');

    state = reduceLayers(state, { type: 'toggle', id: 'parts' });
    reconciler.apply(state.on);
    reconciler.apply(state.on);
    assert.deepEqual(
      log.splice(0),
      ['create parts', 'show parts'],
      'applying the same state twice does nothing',
    );

    state = reduceLayers(state, { type: 'toggle', id: 'parts' });
    state = reduceLayers(state, { type: 'toggle', id: 'divisions' });
    reconciler.apply(state.on);
    assert.deepEqual(log.splice(0), ['hide divisions', 'hide parts']);

    state = reduceLayers(state, { type: 'toggle', id: 'parts' });
    reconciler.apply(state.on);
    assert.deepEqual(log.splice(0), ['show parts'], 'no second create');

    reconciler.dispose();
    assert.deepEqual(log.splice(0).sort(), ['dispose divisions', 'dispose parts']);
  });

  test('a factory that makes the store call apply again (it dispatches "loading") creates its layer once', () => {
    // As in the app: the factory dispatches to the store, whose listener applies the state again
    // before the factory has returned. Before the fix that nested call created a second copy, and the
    // first one stayed on the map when the layer was switched off.
    const log: string[] = [];
    let state = reduceLayers(initialLayers(), { type: 'toggle', id: 'cameras' });
    const reconciler = createLayerReconciler({
      cameras: (): LayerHandle => {
        log.push('create cameras');
        reconciler.apply(state.on); // the store listener, re-entrant
        return {
          show: (on) => log.push(`${on ? 'show' : 'hide'} cameras`),
          dispose: () => log.push('dispose'),
        };
      },
    });
    reconciler.apply(state.on);
    assert.deepEqual(log.splice(0), ['create cameras', 'show cameras']);
    state = reduceLayers(state, { type: 'toggle', id: 'cameras' });
    reconciler.apply(state.on);
    assert.deepEqual(log.splice(0), ['hide cameras']);
    reconciler.dispose();
    assert.deepEqual(log.splice(0), ['dispose']);
  });
});

describe('what the layers draw', () => {
  test('parts are grouped by class from the columnar answer', () => {
    const groups = partsByClass({
      count: 4,
      categories: ['part-0101', 'part-0201', 'event-0102'],
      id: ['a', 'b', 'c', 'd'],
      cat: [0, 1, 0, 2],
      lon: [0, 0, 0, 0],
      lat: [0, 0, 0, 0],
      abnormal: [0, 0, 1, 0],
    });
    assert.deepEqual(groups['01'], [0, 2]);
    assert.deepEqual(groups['02'], [1]);
    assert.deepEqual(groups['05'], []);
  });

  test('a camera cone starts and ends at the camera and opens towards its heading', () => {
    const ring = coneRing(119.18, 34.6, 90, 60, 100, 4);
    assert.equal(ring.length, 2 * (4 + 3));
    assert.deepEqual(ring.slice(0, 2), [119.18, 34.6]);
    assert.deepEqual(ring.slice(-2), [119.18, 34.6]);
    const mid = ring.slice(2 + 2 * 2, 2 + 2 * 2 + 2);
    assert.ok((mid[0] ?? 0) > 119.18, 'heading 90: east');
    assert.ok(Math.abs((mid[1] ?? 0) - 34.6) < 1e-9);
  });

  test('vehicles glide from where they are drawn to a new fix, unchanged fixes keep the same tracks', () => {
    let tracks: Tracks = new Map();
    tracks = applyFixes(tracks, [{ id: 'V1', lon: 0, lat: 0 }], 0);
    assert.deepEqual(interpolate(tracks.get('V1')!, 0), { lon: 0, lat: 0 });
    const same = applyFixes(tracks, [{ id: 'V1', lon: 0, lat: 0 }], 500);
    assert.equal(same, tracks);
    tracks = applyFixes(tracks, [{ id: 'V1', lon: 1, lat: 2 }], 10_000);
    const half = interpolate(tracks.get('V1')!, 10_000 + FIX_BLEND_MS / 2);
    assert.ok(Math.abs(half.lon - 0.5) < 1e-9 && Math.abs(half.lat - 1) < 1e-9);
    assert.equal(moving(tracks, 10_000 + 1), true);
    assert.deepEqual(interpolate(tracks.get('V1')!, 10_000 + FIX_BLEND_MS * 2), { lon: 1, lat: 2 });
    assert.equal(moving(tracks, 10_000 + FIX_BLEND_MS * 2), false);
  });

  test('level 1-3 alarms pulse, level 4 does not', () => {
    const alphas = [0, 100, 200, 300, 400].map((ms) => alarmPulse(1, ms));
    assert.ok(Math.max(...alphas) - Math.min(...alphas) > 0.3);
    assert.ok(alphas.every((a) => a >= 0.35 && a <= 1));
    assert.equal(alarmPulse(4, 123), 1);
  });

  test('search input: 16 digits part, 20 digits camera, else a case number or address', () => {
    assert.deepEqual(parseSearch(' 3298010101000001 '), { kind: 'part', id: '3298010101000001' });
    assert.deepEqual(parseSearch('32980100001316000001'), { kind: 'camera', id: '32980100001316000001' });
    assert.deepEqual(parseSearch('解放中路'), { kind: 'case', q: '解放中路' });
    assert.deepEqual(parseSearch('  '), { kind: 'none' });
  });

  test('heat points are metres around the centre, weighted by urgency, and the view fits the bounds', () => {
    const centre = { lon: 119.18, lat: 34.6 };
    assert.deepEqual(project(119.18, 34.6, centre), [0, 0]);
    const points = heatPoints(
      [
        { lon: 119.19, lat: 34.6, urgency: 'critical' },
        { lon: Number.NaN, lat: 0 },
      ],
      centre,
    );
    assert.equal(points.length, 1);
    assert.equal(points[0]?.weight, 3);
    assert.ok(Math.abs((points[0]?.position[0] ?? 0) - 917) < 5, '0.01° of longitude at 34.6° N ≈ 917 m');
    const view = fitBounds([119.1363, 34.573, 119.2237, 34.627], centre, 400, 300);
    assert.ok(view.zoom < 0, 'several kilometres in a few hundred pixels');
  });
});

describe('layers that reload on live events', () => {
  /** A layer from defineLayer on a fake context: counts loads and draws, records what reached the store. */
  function fakeLayer(opts: { pollMs?: number; failFirst?: boolean } = {}) {
    const listeners = new Set<(topic: string) => void>();
    const events: string[] = [];
    let loads = 0;
    const drawn: number[][] = [];
    let disposed = false;
    const layer = defineLayer({
      id: 'cameras',
      load: async () => {
        loads += 1;
        return { n: loads };
      },
      format: ({ n }) => [n],
      count: (items) => items.length,
      reload: { topic: 'camera', waitMs: 1_000, ...(opts.pollMs ? { pollMs: () => opts.pollMs ?? 0 } : {}) },
      render: () => ({
        draw: (items) => void drawn.push(items),
        show: () => undefined,
        dispose: () => void (disposed = true),
      }),
    });
    const ctx = {
      scene: { requestRender: () => undefined },
      dispatch: (e: { type: string; status?: string }) => events.push(e.status ?? e.type),
      onTopic(listener: (topic: string) => void) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    } as unknown as LayerContext;
    const tell = (topic: string) => listeners.forEach((l) => l(topic));
    return { layer, ctx, tell, listeners, events, drawn, loads: () => loads, disposed: () => disposed };
  }

  test('a burst of events of the topic (or a snapshot) causes one reload; other topics none', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    try {
      const f = fakeLayer();
      const handle = f.layer.create(f.ctx);
      await Promise.resolve();
      assert.equal(f.loads(), 1, 'loaded once when created');
      f.tell('case');
      mock.timers.tick(2_000);
      assert.equal(f.loads(), 1, 'another topic');
      f.tell('camera');
      f.tell('camera');
      f.tell('*');
      mock.timers.tick(999);
      assert.equal(f.loads(), 1, 'waits for the burst');
      mock.timers.tick(1);
      assert.equal(f.loads(), 2);
      f.tell('camera');
      handle.dispose();
      mock.timers.tick(2_000);
      assert.equal(f.loads(), 2, 'disposed: the pending reload is dropped');
      assert.equal(f.listeners.size, 0);
      assert.equal(f.disposed(), true);
    } finally {
      mock.timers.reset();
    }
  });

  test('a layer switched off for good stops polling: its scheduler goes with it', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    try {
      const f = fakeLayer({ pollMs: 5_000 });
      const handle = f.layer.create(f.ctx);
      mock.timers.tick(5_000);
      mock.timers.tick(5_000);
      assert.equal(f.loads(), 3, 'created, then every 5 s');
      handle.dispose();
      mock.timers.tick(60_000);
      assert.equal(f.loads(), 3, 'no poll after dispose');
    } finally {
      mock.timers.reset();
    }
  });

  test('a layer switched off stops its timers (the poll and its own), and picks up when switched on', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    try {
      let loads = 0;
      let pulses = 0;
      const listeners = new Set<(topic: string) => void>();
      const layer = defineLayer({
        id: 'alarms',
        load: async () => ++loads,
        format: (n) => [n],
        count: (items) => items.length,
        reload: { pollMs: () => 5_000, topic: 'alarm' },
        render: (ctx) => {
          ctx.timers.every(120, () => pulses++);
          return { draw: () => undefined, show: () => undefined, dispose: () => undefined };
        },
      });
      const ctx = {
        scene: { requestRender: () => undefined },
        dispatch: () => undefined,
        onTopic(listener: (topic: string) => void) {
          listeners.add(listener);
          return () => void listeners.delete(listener);
        },
      } as unknown as LayerContext;
      const reconciler = createLayerReconciler({ alarms: () => layer.create(ctx) });
      const on = (alarms: boolean) => ({ ...initialLayers().on, alarms });
      reconciler.apply(on(true));
      mock.timers.tick(5_000);
      assert.equal(loads, 2, 'loaded when switched on, then polled');
      assert.ok(pulses >= 40, "the layer's own timer runs while it is on");
      reconciler.apply(on(false));
      const [loadsOff, pulsesOff] = [loads, pulses];
      mock.timers.tick(60_000);
      listeners.forEach((l) => l('alarm'));
      mock.timers.tick(5_000);
      assert.equal(loads, loadsOff, 'no poll and no topic reload while off');
      assert.equal(pulses, pulsesOff, "the layer's own timer stopped while off");
      reconciler.apply(on(true));
      assert.equal(loads, loadsOff + 1, 'switched on again: loads at once');
      mock.timers.tick(5_000);
      assert.equal(loads, loadsOff + 2, 'and polls again');
      assert.ok(pulses > pulsesOff, 'its own timer runs again');
      reconciler.dispose();
      const [loadsGone, pulsesGone] = [loads, pulses];
      mock.timers.tick(60_000);
      assert.deepEqual([loads, pulses], [loadsGone, pulsesGone], 'disposed: nothing runs');
    } finally {
      mock.timers.reset();
    }
  });

  test('load, format and draw are separate steps; the store hears loading, the count, ready', async () => {
    const f = fakeLayer();
    const handle = f.layer.create(f.ctx);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(f.drawn, [[1]], 'the formatted items reach the renderer');
    assert.deepEqual(f.events, ['loading', 'count', 'ready']);
    handle.dispose();
  });
});

describe('items are immutable: a changed item reaches the store as a new object', () => {
  test('itemChanged replaces a hovered or selected copy of the same item, and nothing else', () => {
    const old = { kind: 'sensor' as const, id: 's1', label: 'S1', status: 'normal' };
    const other = { kind: 'sensor' as const, id: 's2', label: 'S2', status: 'normal' };
    let state = reduceLayers(initialLayers(), { type: 'select', pick: old });
    state = reduceLayers(state, { type: 'hover', pick: other });
    const next = { ...old, status: 'alarm' };
    const after = reduceLayers(state, { type: 'itemChanged', pick: next });
    assert.equal(after.selected, next, 'the selected copy is the new item');
    assert.equal(after.hover, other, 'another item stays');
    assert.equal(old.status, 'normal', 'the old object was not changed');
    assert.equal(reduceLayers(after, { type: 'itemChanged', pick: next }), after, 'no change: same state');
    const unrelated = { kind: 'camera' as const, id: 's1', label: 'C', status: 'fault' };
    assert.equal(reduceLayers(after, { type: 'itemChanged', pick: unrelated }), after);
  });
});
