// The intake list at volume: paging past the server's 1,000-row answers, duplicates grouped under the
// case they repeat, shift-click ranges, new rows, the batch bodies, asking for more only when ready.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CaseSummary } from '@contract/cases';
import { batchBody } from '../../../renderer/src/services/batch';
import { groupDuplicates, newSince, selectRows } from '../../../renderer/src/state/intakeModel';
import { initialQueue, reduceQueue } from '../../../renderer/src/state/queue';
import {
  EMPTY_FILTER,
  mergePaged,
  PAGE_SIZE,
  pagedViewQueries,
} from '../../../renderer/src/state/queueModel';
import { TABS, type CaseTab } from '../../../renderer/src/state/workspaces';

const intake = TABS.intake as CaseTab;

const row = (id: string, patch: Partial<CaseSummary> = {}) =>
  ({ id, duplicateOfId: null, reportedAt: '2026-12-06T08:00:00.000Z', version: 1, ...patch }) as CaseSummary;

describe('intake at volume', () => {
  test('2,000 rows are asked for in pages of at most 1,000 (offset paging)', () => {
    const [pages] = pagedViewQueries(intake, EMPTY_FILTER, '-reportedAt', 2_000);
    assert.equal(pages?.length, 2);
    const second = new URLSearchParams(pages?.[1]);
    assert.equal(second.get('offset'), '1000');
    assert.equal(second.get('limit'), '1000');
    assert.equal(pagedViewQueries(intake, EMPTY_FILTER, '-reportedAt', 200)[0]?.length, 1);
    const merged = mergePaged(
      [
        [
          { total: 1500, items: [row('a')] },
          { total: 1500, items: [row('b')] },
        ],
      ],
      '-reportedAt',
    );
    assert.equal(merged.total, 1500, 'the total of one query is counted once');
    assert.equal(merged.items.length, 2);
  });

  test('the next page is asked for only when every row asked for has arrived', () => {
    let q = reduceQueue(initialQueue('intake'), { type: 'more' });
    assert.equal(q.rows, PAGE_SIZE, 'not while loading');
    const items = Array.from({ length: PAGE_SIZE }, (_, i) => row(`c${i}`));
    q = reduceQueue(q, { type: 'loaded', key: q.key, items, total: 2_000, at: 1 });
    q = reduceQueue(q, { type: 'more' });
    assert.equal(q.rows, PAGE_SIZE * 2);
    assert.equal(reduceQueue(q, { type: 'more' }).rows, PAGE_SIZE * 2, 'not twice for one page');
    q = reduceQueue(q, { type: 'setSort', sort: 'urgency' });
    assert.equal(q.rows, PAGE_SIZE, 'a new view starts with one page');
  });

  test('duplicates sit under the case they repeat; orphans and cycles stay', () => {
    const grouped = groupDuplicates([
      row('a'),
      row('b'),
      row('a2', { duplicateOfId: 'a' }),
      row('x', { duplicateOfId: 'missing' }),
      row('b2', { duplicateOfId: 'b' }),
    ]);
    assert.deepEqual(
      grouped.map((c) => c.id),
      ['a', 'a2', 'b', 'b2', 'x'],
    );
    const cycle = groupDuplicates([row('p', { duplicateOfId: 'q' }), row('q', { duplicateOfId: 'p' })]);
    assert.equal(cycle.length, 2);
  });

  test('shift-click selects the range from the last click', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    let selected = selectRows(new Set(), ids, 1, null, false);
    selected = selectRows(selected, ids, 3, 1, true);
    assert.deepEqual([...selected].sort(), ['b', 'c', 'd']);
    selected = selectRows(selected, ids, 2, 3, false);
    assert.deepEqual([...selected].sort(), ['b', 'd']);
  });

  test('rows reported after the list opened are new', () => {
    const since = Date.parse('2026-12-06T08:00:00.000Z');
    const fresh = newSince([row('old'), row('new', { reportedAt: '2026-12-06T08:00:05.000Z' })], since);
    assert.deepEqual([...fresh], ['new']);
  });

  test('batch bodies carry each case’s version; a merge needs a target', () => {
    assert.deepEqual(batchBody({ id: 'a', version: 3 }, { command: 'void', reason: '重复' }), {
      command: 'void',
      reason: '重复',
      version: 3,
    });
    assert.equal(batchBody({ id: 'a', version: 1 }, { command: 'merge' }), null);
    assert.deepEqual(batchBody({ id: 'a', version: 1, duplicateOfId: 'b' }, { command: 'merge' }), {
      command: 'merge',
      mergedIntoId: 'b',
      version: 1,
    });
  });
});
