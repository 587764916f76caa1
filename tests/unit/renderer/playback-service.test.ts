// The playback service (live/playback.ts) against a fake archive answering like the server (the fold of a
// generated day) and frames stepped by hand: entering seeks, playing at 600x steps the cursor and loads
// the next stretches ahead, the picture shows the fold of the events up to the bar's moment, stepping back
// seeks again, leaving shows the untouched live picture; and the service only ever reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import { emptyLiveState, type LiveState } from '@contract/live-state';
import { frameAnswerJson } from '@contract/playback-answer';
import {
  stateFromScratch,
  toFrame,
  toPlaybackState,
  vehiclesAt,
  type PlaybackState,
} from '@contract/playback';
import type { ApiClient } from '../../../renderer/src/services/api';
import { createPicture } from '../../../renderer/src/services/picture';
import { startPlayback } from '../../../renderer/src/services/playback';
import { createAppStore } from '../../../renderer/src/state/store';
import { cityDay } from '../../support/playback-city';

const START = Date.parse('2026-11-23T00:00:00Z');
const day = cityDay({
  startMs: START,
  hours: 2,
  cases: 150,
  alarms: 10,
  incidents: 3,
  vehicles: 6,
  fixStepS: 10,
});

function fakeArchive() {
  const asked: string[] = [];
  const refuse = () => Promise.reject(new Error('playback must not write'));
  const api: ApiClient = {
    async get<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
      asked.push(path);
      const url = new URL(`http://x/api${path}`);
      const ms = (name: string) => Date.parse(url.searchParams.get(name) ?? '');
      let body: unknown;
      if (url.pathname === '/api/playback/state') {
        const at = ms('at');
        body = toPlaybackState(stateFromScratch(day.events, at), at, vehiclesAt(day.fixes, at));
        if (url.searchParams.get('form') === 'frame') {
          // the renderer's form: a keyframe (the state 10 city minutes before, cases in columns) and the
          // events after it, parsed as JSON text like the server's
          const frame = toFrame(stateFromScratch(day.events, at - 600_000));
          const events = day.events.filter((e) => e.seq > frame.seq && Date.parse(e.at) <= at);
          const { vehicles } = body as PlaybackState;
          body = JSON.parse(
            frameAnswerJson({ at: new Date(at).toISOString(), events, vehicles }, JSON.stringify(frame)),
          );
        }
      } else if (url.pathname === '/api/playback/events') {
        const [from, to] = [ms('from'), ms('to')];
        const events = day.events.filter((e) => Date.parse(e.at) > from && Date.parse(e.at) <= to);
        body = {
          from: url.searchParams.get('from'),
          to: url.searchParams.get('to'),
          events,
          truncated: false,
        };
      } else if (url.pathname === '/api/playback/tracks') {
        const [from, to] = [ms('from'), ms('to')];
        const fixes = day.fixes.filter((f) => Date.parse(f.at) > from && Date.parse(f.at) <= to);
        body = {
          from: url.searchParams.get('from'),
          to: url.searchParams.get('to'),
          fixes,
          truncated: false,
        };
      } else throw new Error(`unexpected ${path}`);
      return schema.parse(body);
    },
    post: refuse,
    postAnonymous: refuse,
    postEmpty: refuse,
    patch: refuse,
    put: refuse,
    delete: refuse,
  };
  return { api, asked };
}

const ids = (s: LiveState) => ({
  cases: [...s.cases.values()].map((c) => `${c.id}@${c.version}`).sort(),
  alarms: [...s.alarms.values()].map((a) => `${a.id}@${a.version}`).sort(),
  incidents: [...s.incidents.keys()].sort(),
});

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

test('enter, play at 600x, step back, leave: the picture follows the fold and live is untouched', async () => {
  const store = createAppStore({ now: day.endMs });
  store.getState().sessionEvent({
    type: 'signedIn',
    user: {
      userId: 'u1',
      username: 'supervisor',
      displayName: '值班长',
      role: 'supervisor',
      departmentId: null,
      districtCode: null,
    },
    expiresAt: new Date(day.endMs + 3_600_000).toISOString(),
  });
  const live: LiveState = { ...emptyLiveState(), seq: 99 };
  const stream = { live: () => live, onLive: () => () => undefined, onTopic: () => () => undefined };
  const picture = createPicture(stream);
  const { api, asked } = fakeArchive();
  let next: ((ms: number) => void) | null = null;
  const signals: Array<string | null> = [];
  const service = startPlayback(store, api, picture, {
    frames: {
      request: (callback) => {
        next = callback;
        return 1;
      },
      cancel: () => {
        next = null;
      },
    },
    signal: (value) => signals.push(value),
  });
  let wall = 0;
  const frame = async () => {
    wall += 1000 / 60;
    next?.(wall);
    await settle();
  };

  const dispatch = store.getState().playbackEvent;
  dispatch({ type: 'enter', preset: 'hour', nowMs: day.endMs });
  await frame();
  await frame();
  const pb = () => store.getState().playback;
  assert.equal(picture.mode(), 'playback');
  assert.equal(pb().needsSeek, false);
  assert.deepEqual(ids(picture.live()), ids(stateFromScratch(day.events, pb().atMs)));

  dispatch({ type: 'speed', speed: 600 });
  dispatch({ type: 'play' });
  for (let i = 0; i < 500 && pb().playing; i++) {
    await frame();
    if (i % 40 === 0 && picture.live() !== live)
      assert.deepEqual(ids(picture.live()), ids(stateFromScratch(day.events, picture.now())), `frame ${i}`);
  }
  assert.equal(pb().playing, false, 'an hour at 600x ends within 500 frames (6 s at 60 fps)');
  assert.equal(pb().atMs, day.endMs);
  await frame();
  assert.equal(picture.now(), day.endMs);
  assert.deepEqual(ids(picture.live()), ids(stateFromScratch(day.events, day.endMs)));
  assert.ok(asked.filter((p) => p.startsWith('/playback/events')).length > 1, 'stretches were loaded ahead');

  dispatch({ type: 'step', direction: -1 });
  await frame();
  await frame();
  assert.equal(picture.now(), day.endMs - 600_000);
  assert.deepEqual(ids(picture.live()), ids(stateFromScratch(day.events, day.endMs - 600_000)));
  assert.equal(asked.filter((p) => p.startsWith('/playback/state')).length, 2, 'stepping back seeks');

  dispatch({ type: 'exit' });
  assert.equal(picture.mode(), 'live');
  assert.equal(picture.live(), live, 'the live picture is the stream’s, untouched');
  assert.equal(live.cases.size, 0);
  assert.equal(signals.at(-1), null);
  assert.ok(signals.some((s) => s?.startsWith('seeked:')));
  assert.ok(asked.every((p) => p.startsWith('/playback/')));
  service.stop();
});
