// Dispatch units in playback (ADR 0022 in the replay): the cursor's state at T holds the units committed
// to an incident at T with their status then (the same fold as from the first event), and the incident
// layer's marks (state/playbackUnits.ts) put each at its open incident's site, stacked, until released.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyLiveState } from '@contract/live-state';
import { stateFromScratch } from '@contract/playback';
import { cursorAt, loadEvents, stepTo, type PlaybackCursor } from '@contract/playback-cursor';
import { playbackUnits, playbackUnitsKey } from '../../../renderer/src/state/playbackUnits';
import { cityDay } from '../../support/playback-city';

const START = Date.parse('2026-11-23T00:00:00Z');
const day = cityDay({
  startMs: START,
  hours: 6,
  cases: 50,
  alarms: 5,
  incidents: 6,
  vehicles: 0,
  fixStepS: 10,
});
const unitEvents = (id: string) => day.events.filter((e) => e.type === 'unit.status' && e.entityId === id);

test('the cursor holds each unit with its status at T, as the fold from the first event does', () => {
  const [dispatched, enRoute, onScene, released] = unitEvents('u0-0');
  assert.ok(dispatched && enRoute && onScene && released, 'the generated day moves unit u0-0 four times');
  let cursor: PlaybackCursor = cursorAt(
    { atMs: START, state: emptyLiveState(), vehicles: [] },
    loadEvents(day.events),
    [],
    day.endMs,
  );
  const statusAt = (e: { at: string }) => {
    const t = Date.parse(e.at);
    cursor = stepTo(cursor, t) as PlaybackCursor;
    assert.ok(cursor);
    const folded = stateFromScratch(day.events, t).units.get('u0-0');
    const stepped = cursor.state.units.get('u0-0');
    assert.deepEqual(stepped, folded, `unit at ${e.at}`);
    return stepped?.status ?? null;
  };
  assert.equal(statusAt(dispatched), 'dispatched');
  assert.equal(statusAt(enRoute), 'en_route');
  assert.equal(statusAt(onScene), 'on_scene');
  assert.equal(statusAt(released), null, 'a released unit leaves the picture');
});

test('the incident layer marks the units of the incidents open at T at their site, stacked', () => {
  const onScene = unitEvents('u0-1')[2];
  assert.ok(onScene);
  const state = stateFromScratch(day.events, Date.parse(onScene.at));
  const marks = playbackUnits(state).filter((m) => m.incidentId === 'i0');
  assert.deepEqual(
    marks.map((m) => [m.id, m.status, m.statusText.zh, m.row]),
    [
      ['u0-0', 'on_scene', '到场', 0],
      ['u0-1', 'on_scene', '到场', 1],
    ],
  );
  const site = state.incidents.get('i0');
  assert.ok(site);
  assert.ok(marks.every((m) => m.lon === site.lon && m.lat === site.lat));
  // a unit whose incident is not in the picture is not drawn; the key changes with any status
  const closed = { ...state, incidents: new Map() };
  assert.deepEqual(playbackUnits(closed), []);
  const moved = new Map(state.units);
  moved.set('u0-0', {
    ...(moved.get('u0-0') as NonNullable<ReturnType<typeof moved.get>>),
    status: 'returning',
  });
  assert.notEqual(
    playbackUnitsKey(playbackUnits({ ...state, units: moved })),
    playbackUnitsKey(playbackUnits(state)),
  );
});
