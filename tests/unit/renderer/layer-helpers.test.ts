// The layers' shared helpers (map/layers/model.ts): street-level crossings, told once per change, and
// a run at most once per interval, however often it is asked for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aboveStreetLevel, atMostEvery, onStreetLevel } from '../../../renderer/src/map/layers/model';
import { CLOSE_HEIGHT_M } from '../../../renderer/src/state/layers';

function fakeScene(height: number) {
  const listeners = new Set<() => void>();
  const scene = {
    camera: { positionCartographic: { height } },
    preRender: {
      addEventListener(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
  const frame = (h: number) => {
    scene.camera.positionCartographic.height = h;
    for (const l of listeners) l();
  };
  return { scene, frame, listeners };
}

test('street level: told on each crossing only, not on every frame', () => {
  const { scene, frame, listeners } = fakeScene(CLOSE_HEIGHT_M * 3);
  assert.equal(aboveStreetLevel(scene), true);
  const told: boolean[] = [];
  const stop = onStreetLevel(scene, (above) => told.push(above));
  frame(CLOSE_HEIGHT_M * 2);
  frame(CLOSE_HEIGHT_M / 2);
  frame(CLOSE_HEIGHT_M / 3);
  frame(CLOSE_HEIGHT_M + 1);
  assert.deepEqual(told, [false, true]);
  stop();
  assert.equal(listeners.size, 0);
});

test('at most every interval: requests in between make one later run; now() runs at once', async () => {
  let runs = 0;
  const throttled = atMostEvery(40, () => runs++);
  throttled.now();
  assert.equal(runs, 1);
  throttled.request();
  throttled.request();
  throttled.request();
  assert.equal(runs, 1, 'not again within the interval');
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.equal(runs, 2, 'one run for the three requests');
  throttled.request();
  throttled.cancel();
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.equal(runs, 2, 'cancelled');
});
