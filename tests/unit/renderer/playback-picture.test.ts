// The picture source switch (live/picture.ts): live, the map reads the stream's picture and topics; in
// playback the cursor's state at T, T as "now", the alarm layer answered from the cursor, live positions
// held back; leaving shows the stream's picture again, which went on underneath untouched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { emptyLiveState, type LiveState } from '@contract/live-state';
import type { AlarmView } from '@contract/alarms';
import { createPicture, type LiveFeed, type PlaybackFrame } from '../../../renderer/src/services/picture';

function fakeStream() {
  let live: LiveState = emptyLiveState();
  const liveListeners = new Set<(s: LiveState) => void>();
  const topicListeners = new Set<(t: string) => void>();
  return {
    live: () => live,
    onLive(l: (s: LiveState) => void) {
      liveListeners.add(l);
      return () => void liveListeners.delete(l);
    },
    onTopic(l: (t: string) => void) {
      topicListeners.add(l);
      return () => void topicListeners.delete(l);
    },
    push(next: LiveState, topic: string) {
      live = next;
      for (const l of liveListeners) l(next);
      for (const l of topicListeners) l(topic);
    },
  };
}

const withCases = (n: number, seq: number): LiveState => ({
  ...emptyLiveState(),
  seq,
  cases: new Map(Array.from({ length: n }, (_, i) => [`c${i}`, { id: `c${i}` } as never])),
});

const frame = (kind: 'seek' | 'step', atMs: number, state: LiveState): PlaybackFrame => ({
  kind,
  atMs,
  state,
  vehicles: new Map(),
  fixes: [],
});

test('live: the stream passes through; playback: the cursor; leaving: the stream again', () => {
  const stream = fakeStream();
  const picture = createPicture(stream, () => 1_000);
  const seen: number[] = [];
  const topics: string[] = [];
  const frames: Array<number | null> = [];
  picture.onLive((s) => seen.push(s.cases.size));
  picture.onTopic((t) => topics.push(t));
  picture.onPlayback((f) => frames.push(f ? f.atMs : null));

  stream.push(withCases(3, 10), 'case');
  assert.equal(picture.mode(), 'live');
  assert.equal(picture.live().cases.size, 3);
  assert.equal(picture.now(), 1_000);

  const past = withCases(1, 4);
  picture.show(frame('seek', 500, past), []);
  assert.equal(picture.mode(), 'playback');
  assert.equal(picture.live(), past);
  assert.equal(picture.now(), 500);
  // the stream goes on underneath: its picture changes, the map is not told
  stream.push(withCases(5, 11), 'alarm');
  assert.equal(picture.live(), past);
  picture.show(frame('step', 600, past), ['case', 'incident']);

  picture.leave();
  assert.equal(picture.mode(), 'live');
  assert.equal(picture.live().cases.size, 5, 'the live picture kept up while replaying');
  assert.deepEqual(seen, [3, 1, 1, 5]);
  assert.deepEqual(topics, ['case', '*', 'case', 'incident', '*']);
  assert.deepEqual(frames, [500, 600, null]);
  picture.leave();
  assert.deepEqual(frames, [500, 600, null], 'leaving twice tells nobody twice');
});

test('in playback the alarm layer is answered from the cursor and live positions are held back', async () => {
  const stream = fakeStream();
  const picture = createPicture(stream);
  const asked: string[] = [];
  const api = picture.api({
    get: async <T extends z.ZodType>(path: string): Promise<z.infer<T>> => {
      asked.push(path);
      return { from: 'server' } as z.infer<T>;
    },
  });
  // the answer is checked with the layer's schema: a permissive one here (the alarm is a partial object)
  const load = (path: string) => api.get(path, z.unknown());
  let positions: (items: Array<{ id: string }>) => void = () => {};
  const inner = {
    setViewport: () => undefined,
    onPositions: (l: (items: unknown[]) => void) => {
      positions = l as typeof positions;
      return () => undefined;
    },
    onReadings: () => () => undefined,
    received: { 'vehicle.position': 0, 'sensor.reading': 0 },
    stop: () => undefined,
  } as unknown as LiveFeed;
  const got: number[] = [];
  picture.feed(inner).onPositions((items) => got.push(items.length));

  assert.deepEqual(await load('/alarms?status=open,acknowledged'), { from: 'server' });
  positions([{ id: 'V1' }]);
  const alarm = { id: 'a1', status: 'open' } as AlarmView;
  picture.show(frame('seek', 5, { ...emptyLiveState(), alarms: new Map([['a1', alarm]]) }), []);
  assert.deepEqual(await load('/alarms?status=open,acknowledged'), { alarms: [alarm] });
  assert.deepEqual(await load('/cameras'), { from: 'server' }, 'other layers still read the server');
  positions([{ id: 'V1' }, { id: 'V2' }]);
  picture.leave();
  positions([{ id: 'V3' }]);
  assert.deepEqual(asked, ['/alarms?status=open,acknowledged', '/cameras']);
  assert.deepEqual(got, [1, 1]);
});
