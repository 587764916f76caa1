// The video wall without a browser: the slice's updater (free cells, growing layouts, replacing the
// oldest camera on a full wall, shrinking, remove, close), the store wiring and the stream URL rules.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { snapshotUrl, streamPlan } from '../../../renderer/src/services/video';
import { createAppStore, snapshot } from '../../../renderer/src/state/store';
import {
  columnsOf,
  initialVideo,
  layoutFor,
  reduceVideo,
  type CameraRef,
  type VideoEvent,
  type VideoState,
} from '../../../renderer/src/state/video';

const camera = (n: number): CameraRef => ({
  id: `3207000000131600${String(n).padStart(4, '0')}`,
  name: `演示点位 ${n}`,
  streamUrl: `/media/demo/${n % 6}/index.m3u8`,
  lon: 119.17 + n / 1000,
  lat: 34.6,
});
const run = (events: VideoEvent[], from: VideoState = initialVideo()) => events.reduce(reduceVideo, from);
const ids = (state: VideoState) => state.cells.map((c) => (c ? Number(c.camera.id.slice(-4)) : null));

describe('video wall slice', () => {
  test('starts closed with an empty 2x2 wall and is part of the store snapshot', () => {
    const state = snapshot(createAppStore().getState()).video;
    assert.equal(state.open, false);
    assert.equal(state.layout, 4);
    assert.deepEqual(state.cells, [null, null, null, null]);
    assert.doesNotThrow(() => JSON.stringify(state), 'plain serialisable data');
  });

  test('play opens the wall and fills the first free cell; the same camera twice is a no-op', () => {
    const s1 = run([{ type: 'play', camera: camera(1) }]);
    assert.equal(s1.open, true);
    assert.deepEqual(ids(s1), [1, null, null, null]);
    assert.equal(reduceVideo(s1, { type: 'play', camera: camera(1) }), s1);
    const s2 = run(
      [
        { type: 'remove', index: 0 },
        { type: 'play', camera: camera(2) },
        { type: 'play', camera: camera(3) },
      ],
      s1,
    );
    assert.deepEqual(ids(s2), [2, 3, null, null]);
  });

  test('the layout grows when every cell is taken: 1 → 4 → 9 → 16, cameras keep their cells', () => {
    let s = run([
      { type: 'setLayout', layout: 1 },
      { type: 'play', camera: camera(1) },
    ]);
    assert.equal(s.layout, 1);
    s = reduceVideo(s, { type: 'play', camera: camera(2) });
    assert.equal(s.layout, 4);
    assert.deepEqual(ids(s), [1, 2, null, null]);
    s = run(
      [3, 4, 5].map((n) => ({ type: 'play', camera: camera(n) })),
      s,
    );
    assert.equal(s.layout, 9);
    assert.deepEqual(ids(s).slice(0, 6), [1, 2, 3, 4, 5, null]);
    s = run(
      [6, 7, 8, 9, 10].map((n) => ({ type: 'play', camera: camera(n) })),
      s,
    );
    assert.equal(s.layout, 16);
    assert.equal(s.cells.length, 16);
  });

  test('a full 4x4 wall replaces the camera that has been on it longest', () => {
    const full = run([{ type: 'playMany', cameras: Array.from({ length: 16 }, (_, i) => camera(i + 1)) }]);
    assert.equal(full.layout, 16);
    assert.deepEqual(
      ids(full),
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
    const s1 = reduceVideo(full, { type: 'play', camera: camera(17) });
    assert.equal(ids(s1)[0], 17, 'camera 1 was the oldest');
    const s2 = reduceVideo(s1, { type: 'play', camera: camera(18) });
    assert.equal(ids(s2)[1], 18, 'then camera 2');
    assert.equal(s2.cells.length, 16);
  });

  test('playMany skips duplicates and invalid cameras, takes at most 16 and picks a layout that fits', () => {
    const five = run([
      { type: 'playMany', cameras: [camera(1), camera(2), camera(2), camera(3), camera(4), camera(5)] },
    ]);
    assert.equal(five.layout, 9);
    assert.deepEqual(ids(five).slice(0, 6), [1, 2, 3, 4, 5, null]);
    const bad = { ...camera(9), id: '' };
    const empty = initialVideo();
    assert.equal(reduceVideo(empty, { type: 'playMany', cameras: [bad] }), empty, 'nothing to play');
    const many = run([{ type: 'playMany', cameras: Array.from({ length: 20 }, (_, i) => camera(i + 1)) }]);
    assert.deepEqual(
      ids(many),
      Array.from({ length: 16 }, (_, i) => i + 1),
      'the first (nearest) 16',
    );
  });

  test('setLayout grows with free cells and shrinks keeping cameras in order, closing gaps', () => {
    const s = run([
      { type: 'playMany', cameras: [1, 2, 3, 4, 5, 6].map(camera) },
      { type: 'remove', index: 1 },
    ]);
    assert.deepEqual(ids(s).slice(0, 7), [1, null, 3, 4, 5, 6, null]);
    const four = reduceVideo(s, { type: 'setLayout', layout: 4 });
    assert.deepEqual(ids(four), [1, 3, 4, 5]);
    const sixteen = reduceVideo(four, { type: 'setLayout', layout: 16 });
    assert.deepEqual(ids(sixteen).slice(0, 5), [1, 3, 4, 5, null]);
    assert.equal(sixteen.cells.length, 16);
    assert.equal(reduceVideo(sixteen, { type: 'setLayout', layout: 16 }), sixteen);
    assert.equal(reduceVideo(sixteen, { type: 'setLayout', layout: 5 as 4 }), sixteen, 'not a layout');
  });

  test('remove frees one cell; close empties the wall and keeps its layout', () => {
    const s = run([{ type: 'playMany', cameras: [1, 2, 3].map(camera) }]);
    assert.equal(reduceVideo(s, { type: 'remove', index: 3 }), s, 'already free');
    assert.equal(reduceVideo(s, { type: 'remove', index: 99 }), s);
    const closed = reduceVideo(s, { type: 'close' });
    assert.equal(closed.open, false);
    assert.equal(closed.layout, 4);
    assert.deepEqual(closed.cells, [null, null, null, null]);
    assert.equal(reduceVideo(closed, { type: 'close' }), closed);
  });

  test('layout helpers', () => {
    assert.deepEqual([0, 1, 2, 4, 5, 9, 10, 16, 40].map(layoutFor), [1, 1, 4, 4, 9, 9, 16, 16, 16]);
    assert.deepEqual(([1, 4, 9, 16] as const).map(columnsOf), [1, 2, 3, 4]);
  });

  test('the store routes videoEvent to the slice and notifies nobody on a no-op', () => {
    const store = createAppStore();
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.getState().videoEvent({ type: 'close' });
    assert.equal(calls, 0);
    store.getState().videoEvent({ type: 'play', camera: camera(1) });
    assert.equal(calls, 1);
    assert.equal(store.getState().video.cells[0]?.camera.name, '演示点位 1');
  });
});

describe('stream URLs', () => {
  const origin = 'http://127.0.0.1:5870';
  test('HLS paths resolve against the server; gateway URLs are kept', () => {
    assert.deepEqual(streamPlan('/media/demo/2/index.m3u8', origin), {
      kind: 'hls',
      url: 'http://127.0.0.1:5870/media/demo/2/index.m3u8',
    });
    assert.deepEqual(streamPlan('https://gw.city.gov.cn/hls/32070000001310000001/index.M3U8?t=1', origin), {
      kind: 'hls',
      url: 'https://gw.city.gov.cn/hls/32070000001310000001/index.M3U8?t=1',
    });
  });

  test('other formats are named, not played', () => {
    const format = (url: string) => {
      const plan = streamPlan(url, origin);
      return plan.kind === 'unsupported' ? plan.format : plan.kind;
    };
    assert.equal(format('https://gw.city.gov.cn/live/32070000001310000001.flv'), 'flv');
    assert.equal(format('https://gw.city.gov.cn/rtc/v1/whep/?app=live'), 'webrtc');
    assert.equal(format('webrtc://gw.city.gov.cn/live/1'), 'webrtc');
    assert.equal(format('rtsp://10.0.0.1:554/Streaming/Channels/101'), 'rtsp');
    assert.equal(format('https://gw.city.gov.cn/live/1.mp4'), 'other');
  });

  test('a camera without a stream URL is "none", not the server root', () => {
    for (const empty of ['', '   '])
      assert.deepEqual(streamPlan(empty, origin), { kind: 'unsupported', url: '', format: 'none' });
  });

  test('the snapshot is the server picture named by the channel ID', () => {
    assert.equal(
      snapshotUrl('32070000001310000001', origin),
      'http://127.0.0.1:5870/api/sim/snapshot/32070000001310000001.svg',
    );
  });
});
