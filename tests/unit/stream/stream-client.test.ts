import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { createStreamClient, type StreamSocket } from '../../../contract/stream-client';

/** A connected socket whose resume is answered by `answer` (a rejection: no answer in time). */
function busySocket(answer: (attempt: number) => Promise<unknown>) {
  const waits: number[] = [];
  const socket = {
    connected: true,
    on: () => undefined,
    off: () => undefined,
    timeout: (ms: number) => ({
      emitWithAck: () => {
        waits.push(ms);
        return answer(waits.length);
      },
    }),
  } as unknown as StreamSocket;
  return { socket, waits };
}

test('a busy server gets asked again with longer and longer waits, back to the first after an answer', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { socket, waits } = busySocket((attempt) =>
      attempt <= 5
        ? Promise.reject(new Error('operation has timed out'))
        : Promise.resolve({ ok: true, data: { mode: 'replay', from: 0, to: 0 } }),
    );
    const resumed: unknown[] = [];
    const client = createStreamClient(socket, {
      ackTimeoutMs: 1_000,
      onSnapshot: () => undefined,
      onEvent: () => undefined,
      onResumed: (r) => resumed.push(r),
    });
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      mock.timers.tick(1_000); // the pause before each retry
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.deepEqual(waits, [1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    assert.equal(resumed.length, 1);
    await client.resume();
    assert.equal(waits.at(-1), 1_000, 'after an answer the next resume waits the first time again');
    client.stop();
  } finally {
    mock.timers.reset();
  }
});
