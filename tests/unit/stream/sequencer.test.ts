// The gap rules of the outbox streamer, with made-up PostgreSQL snapshots.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePgSnapshot, Sequencer } from '../../../server/src/stream/sequencer';

const rows = (...seqs: number[]) => seqs.map((seq) => ({ seq }));
const snap = (xip: string[] = []) => ({ xmin: '100', xmax: '200', xip });
const pg = (start = 0) => new Sequencer(start, { serialWriters: false, graceMs: 100, maxWaitMs: 10_000 });

test('parses pg_current_snapshot text', () => {
  assert.deepEqual(parsePgSnapshot('745:748:745,746'), { xmin: '745', xmax: '748', xip: ['745', '746'] });
  assert.deepEqual(parsePgSnapshot('730:730:'), { xmin: '730', xmax: '730', xip: [] });
});

test('SQLite: contiguous rows stream, a gap below a visible row is final', () => {
  const s = new Sequencer(0, { serialWriters: true, graceMs: 100, maxWaitMs: 1000 });
  assert.deepEqual(s.advance(rows(1, 2, 4), null, 0), {
    rows: rows(1, 2, 4),
    to: 4,
    waiting: false,
    abandoned: [],
  });
});

test('PostgreSQL: rows above a gap wait while its transaction may still commit', () => {
  const s = pg();
  let r = s.advance(rows(1, 3), snap(['150']), 0);
  assert.deepEqual([r.rows, r.to, r.waiting], [rows(1), 1, true]);
  r = s.advance(rows(3), snap(['150']), 50); // within grace
  assert.equal(r.waiting, true);
  r = s.advance(rows(3), snap(['150']), 150); // barrier taken: 150 still running
  assert.equal(r.waiting, true);
  r = s.advance(rows(2, 3), snap([]), 160); // it committed: seq 2 arrives
  assert.deepEqual([r.rows, r.to, r.waiting], [rows(2, 3), 3, false]);
});

test('PostgreSQL: a gap is skipped once every transaction of the barrier has ended', () => {
  const s = pg();
  s.advance(rows(2), snap(['150', '151']), 0);
  let r = s.advance(rows(2), snap(['150', '151']), 120); // barrier {150, 151}
  assert.equal(r.waiting, true);
  r = s.advance(rows(2), snap(['151', '170']), 130); // 151 still running
  assert.equal(r.waiting, true);
  r = s.advance(rows(2, 5), snap(['170']), 140); // both ended, seq 1 never came: rolled back
  // 1 is final; 3 and 4 appeared after the round began (above coverUpTo 2): they need their own round
  assert.deepEqual([r.rows, r.to, r.waiting], [rows(2), 2, true]);
  r = s.advance(rows(5), snap([]), 200);
  assert.equal(r.waiting, true); // the new round began at 140: grace not over yet
  r = s.advance(rows(5), snap([]), 400);
  assert.deepEqual([r.rows, r.to], [rows(5), 5]);
});

test('PostgreSQL: no transaction in progress at the barrier read means the gap is final at once', () => {
  const s = pg(10);
  s.advance(rows(12), snap(['150']), 0);
  const r = s.advance(rows(12), snap([]), 100);
  assert.deepEqual([r.rows, r.to, r.waiting], [rows(12), 12, false]);
});

test('PostgreSQL: a transaction open past maxWaitMs is given up on (and reported)', () => {
  const s = pg();
  s.advance(rows(2), snap(['150']), 0);
  s.advance(rows(2), snap(['150']), 200);
  const r = s.advance(rows(2), snap(['150']), 10_001);
  assert.deepEqual([r.rows, r.to, r.abandoned], [rows(2), 2, [1]]);
});
