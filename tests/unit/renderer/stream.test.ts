// The renderer's stream service (renderer/src/services/stream.ts) over a fake socket: after a snapshot the
// server replays what happened since it was taken, then answers the resume. Nobody may see the picture
// in between (a kept snapshot can be 30 s old: the briefing's counters read the old figure, CI saw it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LiveState } from '@contract/live-state';
import type { ResumeResult, StreamBatch, StreamSnapshot } from '@contract/stream';
import { startStream } from '../../../renderer/src/services/stream';
import { createAppStore } from '../../../renderer/src/state/store';
import { summary } from './fixtures';

type LiveSocket = Parameters<typeof startStream>[1];

/** A connected socket: the test plays the server (snapshot, batches) and answers the resume by hand. */
function fakeSocket() {
  const handlers = new Map<string, ((arg: unknown) => void)[]>();
  let answer: ((result: unknown) => void) | null = null;
  const socket = {
    connected: true,
    on(event: string, handler: (arg: unknown) => void) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return socket;
    },
    off: () => socket,
    timeout: () => ({
      emitWithAck: () => new Promise((resolve) => (answer = resolve)),
    }),
  };
  const send = (event: string, arg: unknown) => {
    for (const handler of handlers.get(event) ?? []) handler(arg);
  };
  return {
    socket: socket as unknown as LiveSocket,
    snapshot: (s: StreamSnapshot) => send('stream:snapshot', s),
    batch: (b: StreamBatch) => send('stream:events', b),
    resumed: (data: ResumeResult) => answer?.({ ok: true, data }),
  };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 150));

test('the picture is shown once the snapshot and its replay are in, not the old snapshot alone', async () => {
  const old = summary({ state: 'dispatched' });
  const filed = [summary(), summary(), summary()];
  const server = fakeSocket();
  const seen: LiveState[] = [];
  const topics: string[] = [];
  let changes = 0;
  const stream = startStream(createAppStore(), server.socket, () => changes++);
  stream.onLive((state) => seen.push(state));
  stream.onTopic((topic) => topics.push(topic));

  server.snapshot({ headSeq: 10, at: new Date().toISOString(), cases: [old], alarms: [], incidents: [] });
  server.batch({
    from: 10,
    to: 13,
    events: filed.map((c, i) => ({
      seq: 11 + i,
      topic: 'case',
      type: 'case.created',
      entityId: c.id,
      at: c.reportedAt,
      payload: { case: c },
    })),
  });
  await settle();
  assert.equal(seen.length, 0, 'nothing is shown while the replay is under way');
  assert.equal(stream.live().seq, 10, 'the service holds the snapshot meanwhile');

  server.resumed({ mode: 'snapshot', headSeq: 13, replayed: 3 });
  await Promise.resolve();
  assert.equal(seen.length, 1, 'one picture, at once');
  assert.equal(seen[0]!.seq, 13);
  assert.deepEqual([...seen[0]!.cases.keys()].sort(), [old.id, ...filed.map((c) => c.id)].sort());
  assert.ok(topics.includes('*'), 'map layers reload from the whole picture');
  assert.ok(changes >= 1);

  // Live events after that are shown in batches as before.
  const later = summary();
  server.batch({
    from: 13,
    to: 14,
    events: [
      {
        seq: 14,
        topic: 'case',
        type: 'case.created',
        entityId: later.id,
        at: later.reportedAt,
        payload: { case: later },
      },
    ],
  });
  await settle();
  assert.equal(seen.at(-1)!.seq, 14);
  assert.ok(seen.at(-1)!.cases.has(later.id));
  stream.stop();
});
