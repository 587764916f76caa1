// The after-action review's figures (domain/drill-review.ts): injects grouped with the records linked to
// them, response times from the inject to the first trainee action, dispatch, arrival and close, per
// trainee and in total; the scenario's and the server's own steps never count as a trainee's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DrillReviewAction, DrillReviewRecord } from '@contract/drills';
import { milestoneOf, reviewFigures } from '../../../server/src/domain/drill-review';

const T0 = Date.parse('2026-12-06T08:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

const record = (
  r: Partial<DrillReviewRecord> & Pick<DrillReviewRecord, 'id' | 'kind'>,
): DrillReviewRecord => ({
  label: r.id,
  at: at(0),
  injected: false,
  links: [],
  ...r,
});

const action = (
  s: number,
  kind: DrillReviewAction['kind'],
  recordId: string,
  command: string,
  who: string | null,
  extra: Partial<DrillReviewAction> = {},
): DrillReviewAction => ({
  at: at(s),
  kind,
  recordId,
  command,
  toState: null,
  unitStatus: null,
  actorId: who ? `u-${who}` : null,
  username: who,
  role: who ? 'commander' : 'system',
  note: '',
  ...extra,
});

describe('drill review figures', () => {
  // The gas leak: the alarm at 0 s, confirmed as an incident by the commander at 30 s, two units assigned
  // at 90 s, one on scene at 400 s (by GPS: the server), closed at 900 s. The 12345 call at 45 s becomes a
  // case handled by the supervisor; a case a trainee reported on their own is no inject.
  const records = [
    record({ id: 'al-1', kind: 'alarm', injected: true, at: at(0), label: 'gas L1', links: ['inc-1'] }),
    record({ id: 'inc-1', kind: 'incident', at: at(30), label: '燃气泄漏' }),
    record({ id: 'c-1', kind: 'case', injected: true, at: at(45), label: '12345' }),
    record({ id: 'c-own', kind: 'case', at: at(50) }),
  ];
  const actions = [
    action(0, 'case', 'c-1', 'report', null, { at: at(45), toState: 'reported' }),
    action(20, 'alarm', 'al-1', 'acknowledge', 'commander'),
    action(30, 'alarm', 'al-1', 'confirm', 'commander'),
    action(90, 'incident', 'inc-1', 'assign', 'commander', {
      unitStatus: 'dispatched',
      toState: 'dispatched',
    }),
    action(91, 'incident', 'inc-1', 'assign', 'commander', {
      unitStatus: 'dispatched',
      toState: 'dispatched',
    }),
    action(400, 'incident', 'inc-1', 'unitStatus', null, { unitStatus: 'on_scene', toState: 'on_scene' }),
    action(105, 'case', 'c-1', 'accept', 'supervisor', { role: 'supervisor', toState: 'accepted' }),
    action(165, 'case', 'c-1', 'open', 'supervisor', { role: 'supervisor', toState: 'opened' }),
    action(60, 'case', 'c-own', 'report', 'supervisor', { role: 'supervisor', toState: 'reported' }),
    action(900, 'incident', 'inc-1', 'close', 'commander', { toState: 'closed' }),
  ];
  const f = reviewFigures(records, actions);

  test('each inject with the records linked to it and its response times', () => {
    assert.deepEqual(
      f.injects.map((i) => [i.label, i.firstActionS, i.firstActionBy, i.dispatchS, i.arrivalS, i.closeS]),
      [
        ['gas L1', 20, 'commander', 90, 400, 900],
        ['12345', 60, 'supervisor', null, null, null],
      ],
    );
    assert.deepEqual(f.injects[0]?.recordIds.sort(), ['al-1', 'inc-1']);
    assert.equal(f.injects[0]?.actions, 5, 'the on-scene fix from GPS is not a trainee action');
  });

  test('per trainee: actions, injects answered, time to their first action', () => {
    const byName = Object.fromEntries(f.trainees.map((t) => [t.username, t]));
    assert.equal(byName.commander?.actions, 5);
    assert.equal(byName.commander?.injects, 1);
    assert.equal(byName.commander?.firstActionS.meanS, 20);
    assert.equal(byName.commander?.dispatchS.meanS, 90);
    assert.equal(byName.supervisor?.actions, 3, 'their own report counts as an action');
    assert.equal(byName.supervisor?.injects, 1);
    assert.equal(byName.supervisor?.firstActionS.medianS, 60);
  });

  test('totals: counts, mean, median and max over the injects', () => {
    assert.equal(f.total.injects, 2);
    assert.equal(f.total.answered, 2);
    assert.equal(f.total.actions, 8);
    assert.deepEqual(f.total.firstActionS, { n: 2, meanS: 40, medianS: 40, maxS: 60 });
    assert.deepEqual(f.total.dispatchS, { n: 1, meanS: 90, medianS: 90, maxS: 90 });
  });

  test('an inject nobody answered has no times; actions before an inject do not count for it', () => {
    const g = reviewFigures(
      [record({ id: 'al-2', kind: 'alarm', injected: true, at: at(100) })],
      [action(50, 'alarm', 'al-2', 'acknowledge', 'commander')],
    );
    assert.equal(g.injects[0]?.firstActionS, null);
    assert.equal(g.total.answered, 0);
    assert.deepEqual(g.total.firstActionS, { n: 0, meanS: null, medianS: null, maxS: null });
  });

  test('milestones: dispatch, arrival and closing of cases, incidents and alarms', () => {
    const m = (a: Partial<DrillReviewAction>) =>
      milestoneOf({ kind: 'case', command: '', toState: null, unitStatus: null, ...a });
    assert.equal(m({ command: 'dispatch', toState: 'dispatched' }), 'dispatch');
    assert.equal(m({ command: 'approve', toState: 'closed' }), 'close');
    assert.equal(m({ command: 'accept', toState: 'accepted' }), null);
    assert.equal(m({ kind: 'incident', command: 'assign' }), 'dispatch');
    assert.equal(m({ kind: 'incident', command: 'unitStatus', unitStatus: 'on_scene' }), 'arrival');
    assert.equal(m({ kind: 'incident', command: 'cancel', toState: 'cancelled' }), 'close');
    assert.equal(m({ kind: 'alarm', command: 'false' }), 'close');
    assert.equal(m({ kind: 'alarm', command: 'acknowledge' }), null);
  });
});
