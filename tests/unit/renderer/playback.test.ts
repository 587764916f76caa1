// The time bar's pure slice: entering a period, playing at a speed, stepping, seeking back, leaving.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  initialPlayback,
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
