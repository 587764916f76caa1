import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyCheckedEvents, applyEvents, checkEvent, emptyLiveState } from '../../../contract/live-state';
import type { StreamEvent } from '../../../contract/stream';
import { summary } from '../renderer/fixtures';

const event = (seq: number, type: string, payload: unknown): StreamEvent => ({
  seq,
  topic: type.split('.')[0] ?? '',
  type,
  entityId: 'x',
  at: '2026-12-02T02:00:00Z',
  payload,
});

describe('live state fold', () => {
  test('checked once or checked in the fold: the same picture, and bad payloads still move the position', () => {
    const events = [
      event(1, 'case.created', { case: summary({ id: 'a', version: 1 }) }),
      event(2, 'case.changed', { case: { id: 'b' } }), // not a CaseSummary: skipped, position moves
      event(3, 'case.changed', { case: summary({ id: 'a', version: 3, state: 'dispatched' }) }),
      event(3, 'case.changed', { case: summary({ id: 'a', version: 9 }) }), // a duplicate seq: dropped
      event(4, 'case.changed', { case: summary({ id: 'a', version: 2 }) }), // older version: ignored
      event(5, 'no.such', {}),
    ];
    const checked = events.map(checkEvent);
    assert.equal(checked[1]?.typed, null);
    assert.notEqual(checked[0]?.typed, null);
    const once = applyCheckedEvents(emptyLiveState(), checked);
    const fold = applyEvents(emptyLiveState(), events);
    assert.deepEqual(once, fold);
    assert.equal(once.seq, 5);
    assert.deepEqual([...once.cases.keys()], ['a']);
    assert.equal(once.cases.get('a')?.version, 3);
    assert.equal(once.cases.get('a')?.state, 'dispatched');

    const closed = applyCheckedEvents(once, [
      checkEvent(event(6, 'case.changed', { case: summary({ id: 'a', version: 4, state: 'closed' }) })),
    ]);
    assert.equal(closed.cases.size, 0, 'a closed case leaves the live picture');
    assert.equal(closed.alarms, once.alarms, 'maps no event touched are not copied');
  });

  test('a dispatch unit event (incident.unit) moves the position and leaves the incidents as they are', () => {
    const unit = {
      id: 'unit-1',
      kind: 'vehicle',
      label: 'V-1',
      departmentId: null,
      status: 'en_route',
      statusSince: '2026-12-02T02:00:00Z',
      incidentId: 'inc-1',
      version: 2,
    };
    const checked = checkEvent(event(7, 'incident.unit', { unit }));
    assert.notEqual(checked.typed, null, 'a known type with a valid payload');
    const next = applyCheckedEvents(emptyLiveState(), [checked]);
    assert.equal(next.seq, 7);
    assert.equal(next.incidents.size, 0);
  });
});
