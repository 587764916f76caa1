// The incident drawer's pure helpers: clocks, ETA countdown, segments against targets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { againstTarget, clockText, etaLeft, runningSegment } from '../../../renderer/src/state/incidents';

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
