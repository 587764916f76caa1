// The time bar's pure slice: entering a period, playing at a speed, stepping, seeking back, leaving.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cityInputValue,
  customPeriod,
  initialPlayback,
  liveLayersOn,
  mayPlayback,
  playbackLabel,
  reducePlayback,
  type PlaybackUiEvent,
} from '../../../renderer/src/state/playback';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const run = (...events: PlaybackUiEvent[]) => events.reduce(reducePlayback, initialPlayback());

test('entering a period starts paused at its beginning and asks for a seek', () => {
  const s = run({ type: 'enter', preset: 'day', nowMs: NOW });
  assert.equal(s.mode, 'playback');
  assert.equal(s.atMs, NOW - 86_400_000);
  assert.equal(s.needsSeek, true);
  assert.equal(s.playing, false);
  assert.equal(reducePlayback(s, { type: 'seeked' }).needsSeek, false);
});

test('playing at 600x moves 10 s of city time per 16.7 ms frame and stops at the end', () => {
  let s = run(
    { type: 'enter', preset: 'hour', nowMs: NOW },
    { type: 'seeked' },
    { type: 'speed', speed: 600 },
    { type: 'play' },
  );
  const start = s.atMs;
  s = reducePlayback(s, { type: 'tick', wallMs: 1000 / 60 });
  assert.equal(Math.round(s.atMs - start), 10_000);
  assert.equal(s.needsSeek, false, 'forward play steps the cursor, no seek');
  s = reducePlayback(s, { type: 'tick', wallMs: 3_600_000 });
  assert.equal(s.atMs, NOW);
  assert.equal(s.playing, false, 'stops at the end of the period');
});

test('stepping back or seeking back needs a seek; forward does not; leaving returns to live', () => {
  let s = run(
    { type: 'enter', preset: 'hour', nowMs: NOW },
    { type: 'seeked' },
    { type: 'seek', atMs: NOW - 1_800_000 },
  );
  assert.equal(s.needsSeek, false);
  s = reducePlayback(s, { type: 'step', direction: -1 });
  assert.equal(s.needsSeek, true);
  assert.equal(s.atMs, NOW - 1_800_000 - 60_000);
  s = reducePlayback(s, { type: 'seek', atMs: NOW + 999_999 });
  assert.equal(s.atMs, NOW, 'clamped to the period');
  assert.match(playbackLabel(s, 'zh') ?? '', /^回放 /);
  s = reducePlayback(s, { type: 'exit' });
  assert.equal(s.mode, 'live');
  assert.equal(playbackLabel(s, 'zh'), null);
});

test('the presets include the last 6 hours; a custom period is checked', () => {
  const s = run({ type: 'enter', preset: 'hours6', nowMs: NOW });
  assert.equal(s.toMs - s.fromMs, 6 * 3_600_000);
  const ok = customPeriod('2026-11-23T08:00', '2026-11-23T10:30', NOW);
  assert.deepEqual(ok, {
    fromMs: Date.parse('2026-11-23T00:00:00Z'),
    toMs: Date.parse('2026-11-23T02:30:00Z'),
  });
  assert.deepEqual(customPeriod('2026-11-23T10:00', '2026-11-23T09:00', NOW), { problem: 'order' });
  assert.deepEqual(customPeriod('', '2026-11-23T09:00', NOW), { problem: 'invalid' });
  assert.deepEqual(customPeriod('2026-11-23T10:00', '2026-11-24T09:00', NOW), { problem: 'future' });
  assert.deepEqual(customPeriod('2026-09-01T10:00', '2026-11-23T09:00', NOW), { problem: 'tooLong' });
  assert.equal(cityInputValue(Date.parse('2026-11-23T02:30:00Z')), '2026-11-23T10:30');
  const custom = reducePlayback(initialPlayback(), { type: 'enterRange', fromMs: 1, toMs: 2 });
  assert.equal(custom.mode, 'playback');
  assert.equal(reducePlayback(initialPlayback(), { type: 'enterRange', fromMs: 2, toMs: 1 }).mode, 'live');
});

test('playing waits at the end of what is loaded, and never during a seek', () => {
  let s = run({ type: 'enter', preset: 'hour', nowMs: NOW }, { type: 'play' });
  const start = s.atMs;
  assert.equal(reducePlayback(s, { type: 'tick', wallMs: 1000 }).atMs, start, 'a seek is pending');
  s = reducePlayback(s, { type: 'seeked' });
  s = reducePlayback(s, { type: 'tick', wallMs: 1000, limitMs: start + 30_000 });
  assert.equal(s.atMs, start + 30_000);
  assert.equal(s.playing, true, 'still playing: the next stretch is on its way');
  assert.equal(reducePlayback(s, { type: 'tick', wallMs: 1000, limitMs: start + 30_000 }), s);
  s = reducePlayback(s, { type: 'speed', speed: 600 });
  assert.equal(s.speed, 600);
  assert.equal(reducePlayback(s, { type: 'speed', speed: 7 as never }).speed, 600);
  assert.equal(reducePlayback(s, { type: 'exit' }).speed, 600, 'the speed is kept for the next replay');
});

test('who may replay the city, and the live vehicle layer steps aside in playback', () => {
  assert.equal(mayPlayback({ role: 'admin', districtCode: '320508' }), true);
  assert.equal(mayPlayback({ role: 'supervisor', districtCode: null }), true);
  assert.equal(mayPlayback({ role: 'leader' }), true);
  assert.equal(mayPlayback({ role: 'commander', districtCode: '320508' }), false, 'a district account');
  assert.equal(mayPlayback({ role: 'handler', districtCode: null }), false);
  assert.equal(mayPlayback({ role: 'inspector' }), false);
  assert.equal(mayPlayback(null), false);
  const on = { vehicles: true, cases: true };
  assert.deepEqual(liveLayersOn(on, { mode: 'playback' }), { vehicles: false, cases: true });
  assert.deepEqual(liveLayersOn(on, { mode: 'live' }), on);
});
