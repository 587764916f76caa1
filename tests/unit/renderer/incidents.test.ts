// The incident drawer's pure helpers: clocks, ETA countdown, segments against targets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEvents, emptyLiveState } from '../../../contract/live-state';
import type { IncidentCommandView } from '../../../contract/incidents';
import type { StreamEvent } from '../../../contract/stream';
import {
  againstTarget,
  clockText,
  etaLeft,
  liveTouches,
  runningSegment,
  withLiveUnits,
} from '../../../renderer/src/state/incidents';

test('clock text: m:ss, h:mm:ss past an hour, a dash for nothing', () => {
  assert.equal(clockText(0), '0:00');
  assert.equal(clockText(75), '1:15');
  assert.equal(clockText(3725), '1:02:05');
  assert.equal(clockText(null), '—');
  assert.equal(clockText(Infinity), '—');
});

test('an ETA counts down from when it was computed, never below zero', () => {
  assert.equal(etaLeft(120, 1_000, 31_000), 90);
  assert.equal(etaLeft(10, 0, 60_000), 0);
  assert.equal(etaLeft(null, 0, 0), null);
});

test('segments against targets, and which one is still running', () => {
  assert.equal(againstTarget(80, 90), 'ok');
  assert.equal(againstTarget(91, 90), 'over');
  assert.equal(againstTarget(null, 90), 'none');
  const seg = (c: number | null, r: number | null) => ({
    segments: { callProcessingS: c, turnoutS: null, travelS: null, responseS: r },
  });
  assert.equal(runningSegment(seg(null, null)), 'callProcessingS');
  assert.equal(runningSegment(seg(30, null)), 'responseS');
  assert.equal(runningSegment(seg(30, 300)), null);
});

const unitEvent = (seq: number, id: string, status: string, incidentId: string | null, version: number) =>
  ({
    seq,
    topic: 'unit',
    type: 'unit.status',
    entityId: id,
    at: '2026-12-06T08:00:00Z',
    payload: {
      unit: {
        id,
        kind: 'sanitation',
        label: id,
        departmentId: null,
        status,
        statusSince: `2026-12-06T08:00:0${seq}Z`,
        incidentId,
        version,
      },
    },
  }) satisfies StreamEvent;

test('the drawer follows the live picture: only changes of its incident and its units touch it', () => {
  const start = applyEvents(emptyLiveState(), [unitEvent(1, 'a', 'dispatched', 'inc-1', 1)]);
  const other = applyEvents(start, [unitEvent(2, 'b', 'dispatched', 'inc-2', 1)]);
  assert.equal(liveTouches(start, other, 'inc-1', new Set(['a'])), false, "another incident's unit");
  const enRoute = applyEvents(other, [unitEvent(3, 'a', 'en_route', 'inc-1', 2)]);
  assert.equal(liveTouches(other, enRoute, 'inc-1', new Set(['a'])), true);
  const joined = applyEvents(enRoute, [unitEvent(4, 'c', 'dispatched', 'inc-1', 1)]);
  assert.equal(liveTouches(enRoute, joined, 'inc-1', new Set(['a'])), true, 'a unit joins the roster');
  const released = applyEvents(joined, [unitEvent(5, 'a', 'returning', null, 3)]);
  assert.equal(liveTouches(joined, released, 'inc-1', new Set(['a', 'c'])), true, 'a unit leaves it');
  assert.equal(liveTouches(released, released, 'inc-1', new Set(['a', 'c'])), false);

  const view = {
    units: [{ id: 'a', status: 'dispatched', statusSince: 'x', version: 1, etaS: 90 }],
  } as unknown as IncidentCommandView;
  const chip = withLiveUnits(view, enRoute);
  assert.equal(chip.units[0]?.status, 'en_route', 'the chip changes with the event');
  assert.equal(chip.units[0]?.version, 2);
  assert.equal(withLiveUnits(chip, other), chip, 'an older picture changes nothing');
});
