import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyCheckedEvents,
  applyEvents,
  applySnapshot,
  checkEvent,
  emptyLiveState,
} from '../../../contract/live-state';
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

  test('unit.status: a committed unit joins the picture, follows its versions and leaves when released', () => {
    const unit = (
      version: number,
      status: string,
      incidentId: string | null,
      etaAt: string | null = null,
    ) => ({
      id: 'unit-1',
      kind: 'gas_repair',
      label: 'V-1',
      departmentId: 'gas',
      status,
      statusSince: '2026-12-02T02:00:00Z',
      incidentId,
      version,
      etaAt,
    });
    const checked = checkEvent(event(7, 'unit.status', { unit: unit(2, 'dispatched', 'inc-1') }));
    assert.notEqual(checked.typed, null, 'a known type with a valid payload');
    const dispatched = applyCheckedEvents(emptyLiveState(), [checked]);
    assert.equal(dispatched.seq, 7);
    assert.equal(dispatched.incidents.size, 0, 'a unit is not an incident');
    assert.equal(dispatched.units.get('unit-1')?.status, 'dispatched');

    const enRoute = applyEvents(dispatched, [
      event(8, 'unit.status', { unit: unit(3, 'en_route', 'inc-1', '2026-12-02T02:06:00Z') }),
      event(9, 'unit.status', { unit: unit(2, 'dispatched', 'inc-1') }), // older version: ignored
      event(10, 'unit.status', { unit: { id: 'unit-1' } }), // not a unit: skipped, position moves
    ]);
    assert.equal(enRoute.seq, 10);
    assert.equal(enRoute.units.get('unit-1')?.status, 'en_route');
    assert.equal(enRoute.units.get('unit-1')?.etaAt, '2026-12-02T02:06:00Z');
    assert.equal(enRoute.cases, dispatched.cases, 'maps no event touched are not copied');

    const released = applyEvents(enRoute, [event(11, 'unit.status', { unit: unit(4, 'returning', null) })]);
    assert.equal(released.units.size, 0, 'a released unit leaves the live picture');
    assert.equal(enRoute.units.size, 1, 'the previous picture is not changed');
  });

  test('a snapshot carries the committed units; one from an older server has none', () => {
    const base = { headSeq: 3, at: '2026-12-02T02:00:00Z', cases: [], alarms: [], incidents: [] };
    const u = {
      id: 'u',
      kind: 'sanitation',
      label: 'S',
      departmentId: null,
      status: 'on_scene',
      statusSince: '2026-12-02T02:00:00Z',
      incidentId: 'i',
      version: 5,
    };
    assert.equal(applySnapshot(emptyLiveState(), { ...base, units: [u] }).units.get('u')?.status, 'on_scene');
    assert.equal(applySnapshot(emptyLiveState(), base).units.size, 0);
  });
});
