// The layers' shared helpers: street-level crossings (map/layers/streetLevel.ts), told once per change,
// and the scheduler (app/timers.ts): a run at most once per interval, however often it is asked for, and
// nothing left running after dispose().
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { createTimers } from '../../../renderer/src/app/timers';
import { aboveStreetLevel, onStreetLevel } from '../../../renderer/src/map/layers/streetLevel';
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
  const throttled = createTimers().atMostEvery(40, () => runs++);
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

test('the scheduler: dispose() stops every interval and timeout it started, and schedules nothing after', async () => {
  const timers = createTimers();
  let ticks = 0;
  let once = 0;
  timers.every(10, () => ticks++);
  timers.after(15, () => once++);
  const soon = timers.debounceFirst(5, () => once++);
  soon.request();
  await new Promise((resolve) => setTimeout(resolve, 35));
  assert.ok(ticks >= 2, 'the interval ran');
  assert.equal(once, 2, 'the timeout and the debounced run, once each');
  timers.dispose();
  const at = ticks;
  timers.every(10, () => ticks++);
  timers.atMostEvery(10, () => ticks++).now();
  await new Promise((resolve) => setTimeout(resolve, 35));
  assert.equal(ticks, at, 'nothing runs after dispose');
  assert.equal(timers.disposed, true);
});

test('the scheduler: pause() stops its periodic work only; resume() restarts it (fake clock)', () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  try {
    const timers = createTimers();
    let ticks = 0;
    let once = 0;
    timers.every(100, () => ticks++);
    timers.pause();
    timers.every(100, () => ticks++);
    timers.after(150, () => once++);
    mock.timers.tick(1_000);
    assert.equal(ticks, 0, 'no periodic work while paused, also work added meanwhile');
    assert.equal(once, 1, 'a one-shot run is kept');
    assert.equal(timers.paused, true);
    timers.resume();
    mock.timers.tick(100);
    assert.equal(ticks, 2, 'both intervals run again');
    timers.dispose();
    timers.resume();
    mock.timers.tick(1_000);
    assert.equal(ticks, 2, 'disposed: resume() restarts nothing');
  } finally {
    mock.timers.reset();
  }
});
