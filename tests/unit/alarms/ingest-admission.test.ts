// The per-node bound on readings in work (server/src/ingest/admission.ts): gateway work beyond the limit is
// refused, forwarded work only beyond twice the limit, a lone oversized batch is let in, release is once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Admission } from '../../../server/src/ingest/admission';

test('readings beyond the limit are refused until some are released', () => {
  const gate = new Admission(1_000);
  const first = gate.enter(600);
  assert.ok(first);
  assert.equal(gate.enter(500), null, 'over the limit');
  const second = gate.enter(400);
  assert.ok(second, 'exactly at the limit');
  first();
  first();
  assert.equal(gate.stats().inFlight, 400, 'a release counts once');
  assert.ok(gate.enter(600));
  assert.deepEqual(gate.stats(), { limit: 1_000, inFlight: 1_000, peak: 1_000, refused: 1 });
});

test('forwarded readings are refused only beyond twice the limit', () => {
  const gate = new Admission(1_000);
  assert.ok(gate.enter(1_000));
  assert.equal(gate.enter(1), null, 'from a gateway');
  assert.ok(gate.enter(1_000, true), 'forwarded by another node');
  assert.equal(gate.enter(1, true), null);
});

test('one batch larger than the limit is let in when nothing else runs', () => {
  const gate = new Admission(100);
  const big = gate.enter(5_000);
  assert.ok(big);
  assert.equal(gate.enter(1), null);
  big();
  assert.equal(gate.stats().inFlight, 0);
});
