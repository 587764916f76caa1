// The playback cursor steps forward by folding only the events between frames; at every step it must show
// what a fold of every event from the first one up to that moment shows (property over random steps), and
// a keyframe must round-trip.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyLiveState, type LiveState } from '@contract/live-state';
import { fromFrame, stateFromScratch, toFrame, vehiclesAt } from '@contract/playback';
import { cursorAt, loadEvents, loadFixes, stepTo, type PlaybackCursor } from '@contract/playback-cursor';
import { cityDay, prng } from '../../support/playback-city';

const START = Date.parse('2026-11-23T00:00:00Z');
const day = cityDay({
  startMs: START,
  hours: 6,
  cases: 400,
  alarms: 40,
  incidents: 8,
  vehicles: 20,
  fixStepS: 10,
});

const picture = (s: LiveState) => ({
  cases: [...s.cases.values()].map((c) => `${c.id}@${c.version}`).sort(),
  alarms: [...s.alarms.values()].map((a) => `${a.id}@${a.version}`).sort(),
  incidents: [...s.incidents.values()].map((i) => `${i.id}@${i.version}`).sort(),
  units: [...s.units.values()].map((u) => `${u.id}@${u.version}:${u.status}`).sort(),
});

test('stepping forward shows the fold of the events up to each moment', () => {
  const random = prng(7);
  const events = loadEvents(day.events);
  const fixes = loadFixes(day.fixes);
  let cursor: PlaybackCursor = cursorAt(
    { atMs: START, state: emptyLiveState(), vehicles: vehiclesAt(day.fixes, START) },
    events,
    fixes,
    day.endMs,
  );
  let steps = 0;
  while (cursor.atMs < day.endMs) {
    // 1x … 3600x at 60 fps: from 16 ms to 60 s of city time per frame
    const next = Math.min(day.endMs, cursor.atMs + Math.floor(random() * 60_000));
    cursor = stepTo(cursor, next) as PlaybackCursor;
    assert.ok(cursor, 'a forward step within the loaded span needs no seek');
    if (steps++ % 20 === 0) {
      assert.deepEqual(
        picture(cursor.state),
        picture(stateFromScratch(day.events, next)),
        `at ${new Date(next).toISOString()}`,
      );
      const expected = vehiclesAt(day.fixes, next)
        .map((v) => `${v.vehicleId}@${v.at}`)
        .sort();
      assert.deepEqual([...cursor.vehicles.values()].map((v) => `${v.vehicleId}@${v.at}`).sort(), expected);
    }
  }
  assert.ok(steps > 500, `steps: ${steps}`);
  assert.ok(cursor.state.cases.size > 0 && cursor.state.alarms.size + cursor.state.incidents.size > 0);
  assert.equal(stepTo(cursor, cursor.atMs - 1), null, 'going back needs a seek');
  assert.equal(stepTo(cursor, day.endMs + 1), null, 'beyond the loaded span needs a seek');
});

test('a cursor placed at a seek result continues like one that played from the start', () => {
  const middle = START + 3 * 3_600_000;
  const seek = {
    atMs: middle,
    state: stateFromScratch(day.events, middle),
    vehicles: vehiclesAt(day.fixes, middle),
  };
  const later = stepTo(
    cursorAt(seek, loadEvents(day.events), loadFixes(day.fixes), day.endMs),
    middle + 1_800_000,
  );
  assert.ok(later);
  assert.deepEqual(picture(later.state), picture(stateFromScratch(day.events, middle + 1_800_000)));
});

test('a keyframe round-trips', () => {
  const state = stateFromScratch(day.events, START + 4 * 3_600_000);
  const back = fromFrame(JSON.parse(JSON.stringify(toFrame(state))) as ReturnType<typeof toFrame>);
  assert.equal(back.seq, state.seq);
  assert.deepEqual(picture(back), picture(state));
});

test('an archived unit event of the older type (incident.unit, before unit.status) moves the position on and changes no incident', () => {
  const opened = day.events.find((e) => e.type === 'incident.opened');
  assert.ok(opened, 'the generated day has an incident');
  const atMs = Date.parse(opened.at);
  const unit = {
    seq: opened.seq + 0.5,
    at: opened.at,
    topic: 'incident',
    type: 'incident.unit',
    entityId: 'V001',
    payload: {
      unit: {
        id: 'V001',
        kind: 'sanitation',
        label: '苏A 001',
        departmentId: null,
        status: 'assigned',
        statusSince: opened.at,
        incidentId: opened.entityId,
        version: 2,
      },
    },
  };
  // seqs must be integers in the stream: renumber the whole list with the unit event right after the opening
  const events = [
    ...day.events.filter((e) => e.seq <= opened.seq),
    unit,
    ...day.events.filter((e) => e.seq > opened.seq),
  ].map((e, i) => ({ ...e, seq: i + 1 }));
  const cursor = cursorAt(
    { atMs: START, state: emptyLiveState(), vehicles: [] },
    loadEvents(events),
    [],
    day.endMs,
  );
  const stepped = stepTo(cursor, atMs + 1);
  assert.ok(stepped);
  assert.deepEqual(picture(stepped.state), picture(stateFromScratch(events, atMs + 1)));
});
