// The briefing's live counters, pure: open and overdue cases, alarms and incidents from the live picture;
// today's reports by channel from the day's count plus new cases (each once, drill never); rank arrows.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyLiveState, type LiveState } from '../../../contract/live-state';
import type { IncidentView } from '../../../contract/city';
import {
  countersOf,
  emptyTally,
  localDay,
  rankMove,
  tallyCreated,
  type TodayTally,
} from '../../../renderer/src/panels/briefing/counters';
import { summary } from './fixtures';

const live = (patch: Partial<LiveState>): LiveState => ({ ...emptyLiveState(), ...patch });

describe('briefing counters', () => {
  test('open and overdue cases, drills left out; alarms and incidents', () => {
    const red = summary({ id: 'r', clock: { ...summary().clock, state: 'red' } });
    const drill = summary({ id: 'd', drill: true, clock: { ...summary().clock, state: 'red' } });
    const state = live({
      seq: 5,
      cases: new Map([
        ['a', summary({ id: 'a' })],
        ['r', red],
        ['d', drill],
      ]),
      incidents: new Map([
        ['i1', { id: 'i1', drill: false } as IncidentView],
        ['i2', { id: 'i2', drill: true } as IncidentView],
      ]),
    });
    const c = countersOf(state, emptyTally('2026-12-06'));
    assert.deepEqual([c.open, c.overdue, c.alarms, c.incidents], [2, 1, 0, 1]);
  });

  test("today's reports: the base plus each new case once, on its own day only", () => {
    let t: TodayTally = { ...emptyTally('2026-12-06'), base: { hotline: 3, public: 1 } };
    t = tallyCreated(t, 'x', 'hotline', '2026-12-06');
    t = tallyCreated(t, 'x', 'hotline', '2026-12-06');
    t = tallyCreated(t, 'y', 'video_ai', '2026-12-06');
    t = tallyCreated(t, 'z', 'public', '2026-12-05');
    const c = countersOf(emptyLiveState(), t);
    assert.deepEqual(c.todayBySource, { hotline: 4, public: 1, video_ai: 1 });
    assert.equal(c.today, 6);
  });

  test('local day (+08:00)', () => {
    assert.equal(localDay('2026-12-05T16:30:00Z'), '2026-12-06');
    assert.equal(localDay('2026-12-05T15:59:59Z'), '2026-12-05');
  });

  test('rank arrows', () => {
    assert.deepEqual(rankMove(2, 5), { dir: 'up', n: 3 });
    assert.deepEqual(rankMove(4, 1), { dir: 'down', n: 3 });
    assert.deepEqual(rankMove(3, 3), { dir: 'same', n: 0 });
    assert.deepEqual(rankMove(1, null), { dir: 'new', n: 0 });
  });
});
