import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  clockCounts,
  compareCases,
  countQueries,
  EMPTY_FILTER,
  matchesTab,
  mergePages,
  viewQueries,
} from '../../../renderer/src/state/queueModel';
import {
  initialQueue,
  reduceQueue,
  reuseUnchanged,
  type QueueState,
} from '../../../renderer/src/state/queue';
import { caseTab, tabsFor, TABS, WORKSPACE_TABS } from '../../../renderer/src/state/workspaces';
import { summary } from './fixtures';

const intake = caseTab('intake')!;
const overdue = caseTab('overdue')!;

function loaded(state: QueueState, items = state.items, total = items.length): QueueState {
  return reduceQueue(state, { type: 'loaded', key: state.key, items, total, at: 1 });
}

describe('queue rules', () => {
  test('a case belongs to a tab by state, then by every filter set', () => {
    const c = summary({ state: 'accepted', districtCode: '329802', urgency: 'urgent' });
    assert.equal(matchesTab(intake, EMPTY_FILTER, c), true);
    assert.equal(matchesTab(caseTab('dispatch')!, EMPTY_FILTER, c), false);
    assert.equal(matchesTab(intake, { ...EMPTY_FILTER, districtCode: '329802' }, c), true);
    assert.equal(matchesTab(intake, { ...EMPTY_FILTER, districtCode: '329801' }, c), false);
    assert.equal(matchesTab(intake, { ...EMPTY_FILTER, urgency: 'critical' }, c), false);
    assert.equal(matchesTab(intake, { ...EMPTY_FILTER, categoryId: 'part-0118' }, c), true);
    assert.equal(matchesTab(intake, { ...EMPTY_FILTER, clock: 'red' }, c), false);
  });

  test('the overdue board holds red and yellow running cases only', () => {
    const red = summary({
      state: 'handling',
      clock: { step: 'handle', state: 'red', deadline: null, usedRatio: 1.2 },
    });
    const green = summary({ state: 'handling' });
    const paused = summary({
      state: 'suspended',
      clock: { step: null, state: 'paused', deadline: null, usedRatio: null },
    });
    assert.equal(matchesTab(overdue, EMPTY_FILTER, red), true);
    assert.equal(matchesTab(overdue, EMPTY_FILTER, green), false);
    assert.equal(matchesTab(overdue, EMPTY_FILTER, paused), false);
  });

  test('sort orders match the server: deadline first (none last), newest, oldest, most urgent', () => {
    const a = summary({
      reportedAt: '2026-11-22T08:00:00.000Z',
      clock: { step: 'accept', state: 'green', deadline: '2026-11-22T12:00:00.000Z', usedRatio: 0 },
    });
    const b = summary({
      reportedAt: '2026-11-22T09:00:00.000Z',
      urgency: 'critical',
      clock: { step: 'accept', state: 'yellow', deadline: '2026-11-22T10:00:00.000Z', usedRatio: 0.9 },
    });
    const c = summary({
      reportedAt: '2026-11-22T07:00:00.000Z',
      urgency: 'urgent',
      clock: { step: null, state: 'paused', deadline: null, usedRatio: null },
    });
    const ids = (sort: Parameters<typeof compareCases>[0]) =>
      [a, b, c].sort(compareCases(sort)).map((x) => x.id);
    assert.deepEqual(ids('deadline'), [b.id, a.id, c.id]);
    assert.deepEqual(ids('-reportedAt'), [b.id, a.id, c.id]);
    assert.deepEqual(ids('reportedAt'), [c.id, a.id, b.id]);
    assert.deepEqual(ids('urgency'), [b.id, c.id, a.id]);
  });

  test('queries: states and filters; one query per clock colour on the overdue board', () => {
    const [query] = viewQueries(
      intake,
      { ...EMPTY_FILTER, districtCode: '329801', urgency: 'urgent' },
      '-reportedAt',
    );
    const params = new URLSearchParams(query);
    assert.equal(params.get('state'), 'reported,verifying,accepted');
    assert.equal(params.get('districtCode'), '329801');
    assert.equal(params.get('urgency'), 'urgent');
    assert.equal(params.get('sort'), '-reportedAt');
    assert.equal(params.has('clock'), false);
    const board = viewQueries(overdue, EMPTY_FILTER, 'deadline').map((q) =>
      new URLSearchParams(q).get('clock'),
    );
    assert.deepEqual(board, ['red', 'yellow']);
    assert.deepEqual(
      viewQueries(overdue, { ...EMPTY_FILTER, clock: 'red' }, 'deadline').map((q) =>
        new URLSearchParams(q).get('clock'),
      ),
      ['red'],
    );
    assert.ok(countQueries(intake).every((q) => new URLSearchParams(q).get('limit') === '1'));
  });

  test('pages of one view merge without duplicates, in order, with totals added', () => {
    const x = summary({
      clock: { step: 'handle', state: 'red', deadline: '2026-11-22T01:00:00.000Z', usedRatio: 2 },
    });
    const y = summary({
      clock: { step: 'handle', state: 'yellow', deadline: '2026-11-22T02:00:00.000Z', usedRatio: 0.9 },
    });
    const merged = mergePages(
      [
        { total: 5, items: [y] },
        { total: 1, items: [x, y] },
      ],
      'deadline',
    );
    assert.equal(merged.total, 6);
    assert.deepEqual(
      merged.items.map((c) => c.id),
      [x.id, y.id],
    );
  });

  test('every role has a workspace whose tabs exist', () => {
    for (const role of Object.keys(WORKSPACE_TABS) as Array<keyof typeof WORKSPACE_TABS>) {
      assert.ok(tabsFor(role).length > 0, role);
      for (const tab of tabsFor(role)) assert.ok(TABS[tab], `${role}: ${tab}`);
    }
    assert.deepEqual(tabsFor('handler'), ['tasks', 'feedback']);
    assert.deepEqual(tabsFor('trainer'), ['drills'], 'the trainer runs drills');
    assert.ok(tabsFor('admin').includes('drills'), 'admin may too');
  });
});

describe('queue updaters', () => {
  test('setTab starts a new view with the tab default sort; a page for an old view is dropped', () => {
    const start = initialQueue('intake');
    assert.equal(start.sort, '-reportedAt');
    const checking = reduceQueue(start, { type: 'setTab', tab: 'checking' });
    assert.equal(checking.sort, 'deadline');
    assert.equal(checking.status, 'loading');
    assert.notEqual(checking.key, start.key);
    const stale = reduceQueue(checking, {
      type: 'loaded',
      key: start.key,
      items: [summary()],
      total: 1,
      at: 1,
    });
    assert.equal(stale, checking);
    assert.equal(reduceQueue(checking, { type: 'setTab', tab: 'checking' }), checking);
  });

  test('a narrower filter drops non-matching rows at once and waits for the next page', () => {
    const a = summary({ districtCode: '329801' });
    const b = summary({ districtCode: '329802' });
    const state = loaded(initialQueue('intake'), [a, b]);
    const filtered = reduceQueue(state, { type: 'setFilter', filter: { districtCode: '329802' } });
    assert.deepEqual(
      filtered.items.map((c) => c.id),
      [b.id],
    );
    assert.equal(filtered.total, 1);
    assert.equal(filtered.status, 'loading');
  });

  test('a live change joins, moves and leaves the view; counts follow; older versions are ignored', () => {
    const a = summary({ state: 'reported' });
    let state = loaded(initialQueue('intake'), [a], 1);
    const b = summary({ state: 'reported', reportedAt: '2026-11-22T09:30:00.000Z' });
    state = reduceQueue(state, { type: 'caseChanged', summary: b });
    assert.deepEqual(
      state.items.map((c) => c.id),
      [b.id, a.id],
    );
    assert.equal(state.total, 2);

    const opened = { ...a, state: 'opened' as const, version: 3 };
    state = reduceQueue(state, { type: 'caseChanged', summary: opened });
    assert.deepEqual(
      state.items.map((c) => c.id),
      [b.id],
    );
    assert.equal(state.total, 1);

    const older = { ...b, version: 0, state: 'accepted' as const };
    assert.equal(reduceQueue(state, { type: 'caseChanged', summary: older }), state);
    const elsewhere = summary({ state: 'dispatched' });
    assert.equal(reduceQueue(state, { type: 'caseChanged', summary: elsewhere }), state);
  });

  test('counts replace per tab and notify only when they change', () => {
    const state = reduceQueue(initialQueue('intake'), { type: 'counts', counts: { intake: 3, checking: 1 } });
    assert.deepEqual(state.counts, { intake: 3, checking: 1 });
    assert.equal(reduceQueue(state, { type: 'counts', counts: { intake: 3 } }), state);
  });

  test('a refresh that finds nothing new keeps the same array (no re-render, no map work)', () => {
    const a = summary();
    const b = summary();
    const previous = [a, b];
    const same = reuseUnchanged(previous, [{ ...a, clock: { ...a.clock, usedRatio: 0.5 } }, { ...b }]);
    assert.equal(same, previous);
    const changed = reuseUnchanged(previous, [{ ...a, version: 2, state: 'accepted' }, { ...b }]);
    assert.notEqual(changed, previous);
    assert.equal(changed[1], b);
    const state = loaded(initialQueue('intake'), previous);
    assert.equal(loaded(state, [{ ...a }, { ...b }]).items, state.items);
  });

  test('clock colours of the rows in view are counted', () => {
    const counts = clockCounts([
      summary(),
      summary({ clock: { step: 'handle', state: 'red', deadline: null, usedRatio: 1.5 } }),
      summary({ clock: { step: null, state: 'paused', deadline: null, usedRatio: null } }),
      summary({ clock: { step: null, state: 'none', deadline: null, usedRatio: null } }),
    ]);
    assert.deepEqual(counts, { green: 1, yellow: 0, red: 1, paused: 1 });
  });
});
