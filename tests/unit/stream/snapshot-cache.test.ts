// Snapshots kept per audience for a moment (server/src/stream/snapshot.ts SnapshotCache): reused within
// the window while the outbox still holds their tail, shared by concurrent resumes, rebuilt otherwise.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StreamSnapshot } from '@contract/stream';
import { SNAPSHOT_REUSE_MS, SnapshotCache, type SnapshotBuilder } from '../../../server/src/stream/snapshot';
import type { Audience } from '../../../server/src/stream/scope';

const audience = (key: string) => ({ key }) as Audience;

/** A builder that counts its builds and answers after `delayMs` (or fails when told to). */
function countingBuilder() {
  const builds: Array<{ key: string; headSeq: number }> = [];
  let fail = false;
  const builder = {
    build: async (a: Audience, headSeq: number): Promise<StreamSnapshot> => {
      builds.push({ key: a.key, headSeq });
      await new Promise((resolve) => setImmediate(resolve));
      if (fail) throw new Error('database down');
      return { headSeq, at: new Date(0).toISOString(), cases: [], alarms: [], incidents: [] };
    },
  } as unknown as SnapshotBuilder;
  return { builder, builds, failNext: (on: boolean) => (fail = on) };
}

test('reused for the same audience within the window, with its own position; rebuilt after it', async () => {
  let now = 1_000;
  const { builder, builds } = countingBuilder();
  const cache = new SnapshotCache(builder, () => now);
  const first = await cache.get(audience('all'), 10, 0);
  now += SNAPSHOT_REUSE_MS - 1;
  const again = await cache.get(audience('all'), 25, 0);
  assert.equal(again.snapshot, first.snapshot, 'the same snapshot object');
  assert.equal(again.snapshot.headSeq, 10, 'at its own position: the resume replays (10, 25]');
  await cache.get(audience('dept:gas'), 25, 0);
  assert.deepEqual(
    builds.map((b) => b.key),
    ['all', 'dept:gas'],
    'another audience has its own',
  );
  now += 1;
  const later = await cache.get(audience('all'), 30, 0);
  assert.equal(later.snapshot.headSeq, 30, 'too old: built again at the head');
  cache.prune();
  assert.equal(cache.size, 2);
  now += SNAPSHOT_REUSE_MS;
  cache.prune();
  assert.equal(cache.size, 0, 'pruned once too old to be sent');
});

test('not reused once its tail left the outbox, when asked fresh, or after invalidate()', async () => {
  const { builder, builds } = countingBuilder();
  const cache = new SnapshotCache(builder, () => 0);
  await cache.get(audience('all'), 10, 0);
  assert.equal((await cache.get(audience('all'), 20, 11)).snapshot.headSeq, 20, 'rows after 10 were pruned');
  assert.equal((await cache.get(audience('all'), 21, 0, true)).snapshot.headSeq, 21, 'fresh');
  cache.invalidate();
  assert.equal((await cache.get(audience('all'), 22, 0)).snapshot.headSeq, 22, 'invalidated');
  assert.equal(builds.length, 4);
});

test('concurrent resumes share one build; a failed build is not kept; columns are encoded once', async () => {
  const { builder, builds, failNext } = countingBuilder();
  const cache = new SnapshotCache(builder, () => 0);
  failNext(true);
  await assert.rejects(cache.get(audience('all'), 5, 0), /database down/);
  failNext(false);
  const [a, b, c] = await Promise.all([1, 2, 3].map(() => cache.get(audience('all'), 6, 0)));
  assert.equal(builds.length, 2, 'one failed build, then one shared by three resumes');
  assert.equal(a!.snapshot, b!.snapshot);
  assert.equal(b!.snapshot, c!.snapshot);
  assert.equal(a!.columns(), c!.columns(), 'the same encoded columns for every socket');
});

test('at most eight audiences are kept: the one built longest ago goes first', async () => {
  const { builder, builds } = countingBuilder();
  const cache = new SnapshotCache(builder, () => 0);
  for (let i = 0; i < 9; i++) await cache.get(audience(`dept:${i}`), 1, 0);
  assert.equal(cache.size, 8);
  await cache.get(audience('dept:8'), 1, 0);
  assert.equal(builds.length, 9, 'the newest is still kept');
  await cache.get(audience('dept:0'), 1, 0);
  assert.equal(builds.length, 10, 'the oldest was dropped');
});
