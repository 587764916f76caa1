// The active-case layer's marks: colour by the clock now, size by urgency, workflow-stage groups and
// their toggles, and which changes need a redraw.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { caseMark, countByGroup, sameMark } from '../../../renderer/src/map/layers/caseMarks';
import { initialLayers, reduceLayers } from '../../../renderer/src/state/layers';
import { summary } from './fixtures';

const NOW = Date.parse('2026-11-22T09:00:00.000Z');

describe('active-case marks', () => {
  test('colour follows the clock now: a deadline passed since the snapshot is red', () => {
    const c = summary({
      clock: { step: 'handle', state: 'green', deadline: '2026-11-22T08:30:00.000Z', usedRatio: 0.5 },
    });
    assert.equal(caseMark(c, Date.parse('2026-11-22T08:00:00.000Z'))?.clock, 'green');
    assert.equal(caseMark(c, NOW)?.clock, 'red');
  });

  test('critical cases are drawn larger than urgent, urgent larger than normal', () => {
    const size = (urgency: 'normal' | 'urgent' | 'critical') =>
      caseMark(summary({ urgency }), NOW)?.size ?? 0;
    assert.ok(size('critical') > size('urgent'));
    assert.ok(size('urgent') > size('normal'));
  });

  test('closed and voided cases are not marked; the others fall into their stage', () => {
    assert.equal(caseMark(summary({ state: 'closed' }), NOW), null);
    assert.equal(caseMark(summary({ state: 'voided' }), NOW), null);
    const marks = (['reported', 'opened', 'returned', 'handling', 'suspended', 'checking'] as const).map(
      (state) => caseMark(summary({ state }), NOW),
    );
    assert.deepEqual(
      marks.map((m) => m?.group),
      ['intake', 'dispatch', 'dispatch', 'handling', 'handling', 'checking'],
    );
    assert.deepEqual(countByGroup(marks.filter((m) => m !== null)), {
      intake: 1,
      dispatch: 2,
      handling: 2,
      checking: 1,
    });
  });

  test('only a change of place, colour, size or stage needs a redraw', () => {
    const c = summary();
    const a = caseMark(c, NOW);
    assert.ok(a);
    assert.ok(sameMark(a, { ...a, label: 'other text' }));
    assert.ok(!sameMark(a, { ...a, clock: 'yellow' }));
    assert.ok(!sameMark(a, { ...a, lon: a.lon + 0.001 }));
  });

  test('the layer is on by default with every stage; a stage toggles off and counts update once', () => {
    let layers = initialLayers();
    assert.equal(layers.on.cases, true);
    layers = reduceLayers(layers, { type: 'toggleCaseGroup', group: 'intake' });
    assert.equal(layers.caseGroups.intake, false);
    const counts = { intake: 3, dispatch: 1, handling: 0, checking: 2 };
    layers = reduceLayers(layers, { type: 'caseCounts', counts });
    assert.equal(reduceLayers(layers, { type: 'caseCounts', counts: { ...counts } }), layers);
  });
});
