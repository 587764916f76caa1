// Vehicle tracks in playback (state/playbackTracks.ts): stepping forward by the fixes of each step keeps
// the same tails as rebuilding them at every moment; and the playback service's pure helpers (loading
// ahead keeps the cursor's state, topics of a step, stretch length by speed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyLiveState } from '@contract/live-state';
import { stateFromScratch, vehiclesAt } from '@contract/playback';
import { cursorAt, loadEvents, loadFixes, stepTo, type PlaybackCursor } from '@contract/playback-cursor';
import { chunkMs, extendCursor, topicsOf } from '../../../renderer/src/state/playbackLoad';
import { advance, tailsAt, TRACK_TAIL_MS } from '../../../renderer/src/state/playbackTracks';
import { cityDay, prng } from '../../support/playback-city';

const START = Date.parse('2026-11-23T00:00:00Z');
const day = cityDay({
  startMs: START,
  hours: 3,
  cases: 200,
  alarms: 20,
  incidents: 4,
  vehicles: 12,
  fixStepS: 10,
});
const fixes = loadFixes(day.fixes);

const plain = (tails: ReturnType<typeof tailsAt>) =>
  [...tails.entries()].map(([id, t]) => `${id}:${t.map((p) => p.atMs).join(',')}`).sort();

test('tails advanced step by step equal the tails rebuilt at each moment', () => {
  const random = prng(3);
  let atMs = START + 20 * 60_000;
  const tails = tailsAt(fixes, atMs);
  let next = fixes.findIndex((f) => f.atMs > atMs);
  let checked = 0;
  while (atMs < day.endMs - 60_000) {
    const to = Math.min(day.endMs, atMs + Math.floor(random() * 120_000));
    let end = next;
    while (end < fixes.length && (fixes[end]?.atMs ?? Infinity) <= to) end++;
    advance(tails, fixes.slice(next, end), to);
    next = end;
    atMs = to;
    if (checked++ % 10 === 0) assert.deepEqual(plain(tails), plain(tailsAt(fixes, atMs)));
  }
  assert.ok(checked > 50);
  for (const tail of tails.values()) {
    assert.ok(tail.length > 1 && tail.length <= TRACK_TAIL_MS / 10_000);
    assert.ok((tail[0]?.atMs ?? 0) > atMs - TRACK_TAIL_MS);
  }
});

test('a vehicle that stops reporting loses its tail once it is older than the tail length', () => {
  const tails = tailsAt([{ vehicleId: 'V1', lon: 1, lat: 2, atMs: 1_000 }], 1_000);
  assert.deepEqual([...advance(tails, [], 1_000 + TRACK_TAIL_MS - 1)], []);
  assert.deepEqual([...advance(tails, [], 1_000 + TRACK_TAIL_MS)], ['V1']);
  assert.equal(tails.size, 0);
});

test('loading the next stretch keeps the cursor state and continues like one loaded at once', () => {
  const events = loadEvents(day.events);
  const mid = START + 90 * 60_000;
  const first = (ms: number) => ({
    events: events.filter((e) => e.atMs <= ms),
    fixes: fixes.filter((f) => f.atMs <= ms),
  });
  const a = first(mid);
  let cursor: PlaybackCursor = cursorAt(
    { atMs: START, state: emptyLiveState(), vehicles: vehiclesAt(day.fixes, START) },
    a.events,
    a.fixes,
    mid,
  );
  cursor = stepTo(cursor, mid - 60_000) as PlaybackCursor;
  const cases = cursor.state.cases;
  assert.equal(stepTo(cursor, mid + 1), null, 'beyond the stretch: not loaded yet');
  cursor = extendCursor(
    cursor,
    events.filter((e) => e.atMs > mid),
    fixes.filter((f) => f.atMs > mid),
    day.endMs,
  );
  assert.equal(cursor.state.cases, cases, 'the same maps: no copy of the city');
  const later = stepTo(cursor, mid + 30 * 60_000);
  assert.ok(later);
  const ids = (m: ReadonlyMap<string, { version: number }>) =>
    [...m.entries()].map(([id, v]) => `${id}@${v.version}`).sort();
  const expected = stateFromScratch(day.events, mid + 30 * 60_000);
  assert.deepEqual(ids(later.state.cases), ids(expected.cases));
  assert.deepEqual(ids(later.state.alarms), ids(expected.alarms));
});

test('a step tells the topics it changed; stretches last a few seconds of play', () => {
  const events = loadEvents(day.events);
  const topics = topicsOf(events, 0, events.length);
  assert.deepEqual([...topics].sort(), ['alarm', 'case', 'incident']);
  assert.equal(topicsOf(events, 3, 3).size, 0);
  assert.equal(chunkMs(1), 5 * 60_000);
  assert.equal(chunkMs(600), 30 * 60_000);
  assert.equal(chunkMs(3600), 30 * 60_000);
});
