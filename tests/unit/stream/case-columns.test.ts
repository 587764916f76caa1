// Snapshot cases in columns (contract/case-columns.ts): the same summaries after a trip over JSON, fewer
// bytes, and the client helper validates the decoded cases exactly like `cases`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCaseColumns, encodeCaseColumns, type CaseColumns } from '@contract/case-columns';
import type { CaseSummary } from '@contract/cases';
import { StreamSnapshot, type StreamSnapshotWire } from '@contract/stream';
import { createStreamClient, type StreamSocket } from '@contract/stream-client';
import { summary } from '../renderer/fixtures';

const cases: CaseSummary[] = Array.from({ length: 40 }, (_, n) =>
  summary({
    lon: 119.1 + n * 0.001,
    lat: 34.5 + n * 0.0005,
    state: n % 3 ? 'reported' : 'dispatched',
    departmentId: n % 3 ? null : 'gas',
    description: `第 ${n} 个问题`,
    escalations: n % 7 ? [] : ['reminder', 'urge'],
    clock:
      n % 5
        ? {
            step: 'accept',
            state: 'green',
            deadline: `2026-11-22T10:${String(n).padStart(2, '0')}:00.000Z`,
            usedRatio: n / 100,
          }
        : { step: null, state: 'none', deadline: null, usedRatio: null },
  }),
);
const overWire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

test('round trip over JSON: the same summaries, in order', () => {
  const decoded = decodeCaseColumns(overWire(encodeCaseColumns(cases)));
  assert.deepEqual(decoded, cases);
  assert.deepEqual(
    StreamSnapshot.parse({ headSeq: 1, at: '', cases: decoded, alarms: [], incidents: [] }).cases,
    cases,
  );
  assert.deepEqual(decodeCaseColumns(overWire(encodeCaseColumns([]))), []);
  assert.deepEqual(decodeCaseColumns(overWire(encodeCaseColumns(cases.slice(0, 1)))), cases.slice(0, 1));
});

test('repeated values go as distinct values plus an index, unique ones as they are; fewer bytes', () => {
  const { columns } = encodeCaseColumns(cases);
  assert.deepEqual(columns.state, {
    values: ['dispatched', 'reported'],
    index: cases.map((c) => (c.state === 'reported' ? 1 : 0)),
  });
  assert.ok(!Array.isArray(columns['clock.step']));
  assert.ok(Array.isArray(columns.id) && Array.isArray(columns.lon) && Array.isArray(columns.description));
  assert.ok(Array.isArray(columns.escalations), 'arrays are never shared through a dictionary');
  const full = JSON.stringify(cases).length;
  const packed = JSON.stringify(encodeCaseColumns(cases)).length;
  assert.ok(packed < full / 2, `${packed} bytes in columns against ${full}`);
});

test('malformed columns do not decode; bad values do not validate', () => {
  const good = overWire(encodeCaseColumns(cases)) as CaseColumns;
  const without = (name: string) => {
    const copy = structuredClone(good);
    delete copy.columns[name];
    return copy;
  };
  assert.equal(decodeCaseColumns(null), null);
  assert.equal(decodeCaseColumns([]), null);
  assert.equal(decodeCaseColumns({ count: 40 }), null);
  assert.equal(decodeCaseColumns(without('id')), null);
  assert.equal(decodeCaseColumns(without('clock.deadline')), null);
  assert.equal(decodeCaseColumns({ ...good, count: 41 }), null);
  assert.equal(decodeCaseColumns({ ...good, count: -1 }), null);
  assert.equal(decodeCaseColumns({ ...good, count: 1.5 }), null);
  assert.equal(decodeCaseColumns({ ...good, count: 40 }, 39), null);
  const shortIndex = structuredClone(good);
  (shortIndex.columns.state as { index: number[] }).index.pop();
  assert.equal(decodeCaseColumns(shortIndex), null);

  // Decodes, but the values are wrong: the schema rejects them as it would in `cases`.
  const badIndex = structuredClone(good);
  (badIndex.columns.state as { index: number[] }).index[3] = 9;
  const wrongType = structuredClone(good);
  (wrongType.columns.lon as unknown[])[0] = '119.1';
  const polluted = structuredClone(good) as unknown as { columns: Record<string, unknown> };
  polluted.columns = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(good.columns).slice(1)}`);
  for (const raw of [badIndex, wrongType]) {
    const decoded = decodeCaseColumns(raw);
    assert.ok(decoded);
    assert.equal(
      StreamSnapshot.safeParse({ headSeq: 1, at: '', cases: decoded, alarms: [], incidents: [] }).success,
      false,
    );
  }
  const decoded = decodeCaseColumns(polluted);
  assert.deepEqual(decoded, cases);
  assert.equal(({} as { polluted?: boolean }).polluted, undefined);
});

/** The stream helper on a socket that is not connected: the test calls its listeners. */
function fakeSocket() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const socket = {
    connected: false,
    on: (event: string, fn: (payload: unknown) => void) => listeners.set(event, fn),
    off: (event: string) => listeners.delete(event),
  } as unknown as StreamSocket;
  return { socket, send: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

test('the stream helper turns caseColumns into cases and validates them like cases', () => {
  const { socket, send } = fakeSocket();
  const snapshots: StreamSnapshot[] = [];
  const errors: string[] = [];
  const client = createStreamClient(socket, {
    onSnapshot: (s) => snapshots.push(s),
    onEvent: () => undefined,
    onError: (message) => errors.push(message),
  });
  const base = { headSeq: 7, at: '2026-11-22T08:00:00.000Z', alarms: [], incidents: [] };
  const columns: StreamSnapshotWire = { ...base, caseColumns: encodeCaseColumns(cases) };
  send('stream:snapshot', overWire(columns));
  assert.deepEqual(snapshots, [{ ...base, cases }]);
  assert.equal(client.lastSeq, 7);

  send('stream:snapshot', overWire({ ...base, headSeq: 8, cases }));
  assert.deepEqual(snapshots.at(-1), { ...base, headSeq: 8, cases }, 'the full form still works');

  const broken = overWire(columns) as { headSeq: number; caseColumns: CaseColumns };
  broken.headSeq = 9;
  (broken.caseColumns.columns.urgency as unknown[] | { index: number[] }) = [];
  send('stream:snapshot', broken);
  const invalid = overWire(columns) as { headSeq: number; caseColumns: CaseColumns };
  invalid.headSeq = 10;
  (invalid.caseColumns.columns.id as unknown[])[0] = 42;
  send('stream:snapshot', invalid);
  assert.equal(snapshots.length, 2);
  assert.equal(client.lastSeq, 8);
  assert.equal(errors.length, 2);
  assert.match(errors[0]!, /malformed caseColumns/);
  assert.match(errors[1]!, /invalid stream:snapshot/);
  client.stop();
});
