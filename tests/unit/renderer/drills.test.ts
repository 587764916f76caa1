// Pure helpers of the drill screens (renderer/src/state/drills.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  actionWords,
  clockText,
  drillTitle,
  joinUrl,
  portOf,
  replayPeriod,
} from '../../../renderer/src/state/drills';
import { sourcedPath } from '../../../renderer/src/services/playbackSource';

describe('drill review in the renderer', () => {
  test('times read as m:ss, addresses are http(s) only', () => {
    assert.equal(clockText(65), '1:05');
    assert.equal(clockText(3725), '1:02:05');
    assert.equal(clockText(null), '—');
    assert.equal(joinUrl('http://127.0.0.1:4312'), 'http://127.0.0.1:4312/');
    assert.equal(joinUrl('http://0.0.0.0:4312', 'wall.local'), 'http://wall.local:4312/');
    assert.equal(joinUrl('javascript:alert(1)'), null);
    assert.equal(joinUrl('http://user:pw@host:1'), null);
    assert.equal(joinUrl('not a url'), null);
    assert.equal(portOf('http://127.0.0.1:4312'), '4312');
    assert.equal(drillTitle('城市运行'), '【演练】城市运行');
    assert.equal(drillTitle('【演练】城市运行'), '【演练】城市运行');
  });
  test('commands and states of the timeline in words', () => {
    const w = (
      kind: 'case' | 'alarm' | 'incident',
      command: string,
      toState: string | null,
      unitStatus: string | null = null,
    ) => actionWords({ kind, command, toState, unitStatus }, 'zh');
    assert.deepEqual(w('alarm', 'acknowledge', null), { command: '确认收到', state: '' });
    assert.deepEqual(w('incident', 'unitStatus', 'on_scene', 'on_scene'), {
      command: '单元状态',
      state: '到场',
    });
    assert.equal(w('incident', 'close', 'closed').state, '已结束');
    assert.equal(w('case', 'dispatch', 'dispatched').command.length > 0, true);
    assert.equal(w('case', 'mystery', 'nowhere').command, 'mystery', 'unknown words stay as they are');
  });
});

describe('a drill replay (回放) in the renderer', () => {
  test("the playback service's reads go to the drill's archive while it is chosen", () => {
    assert.equal(sourcedPath('/playback/state?at=x', null), '/playback/state?at=x');
    assert.equal(
      sourcedPath('/playback/events?from=a&to=b', 'drill-20261206111500-abc123'),
      '/drills/drill-20261206111500-abc123/playback/events?from=a&to=b',
    );
    assert.equal(sourcedPath('/cases', 'drill-1'), '/cases', 'only playback reads');
  });

  test('the period is the drill: start to stop, else to the end of its archive, at least a minute', () => {
    const startedAt = '2026-12-06T10:00:00.000Z';
    const from = Date.parse(startedAt);
    assert.deepEqual(
      replayPeriod({ startedAt, stoppedAt: '2026-12-06T11:00:00.000Z' }, { from: null, to: null }, 0),
      {
        fromMs: from,
        toMs: from + 3_600_000,
      },
    );
    assert.deepEqual(
      replayPeriod({ startedAt, stoppedAt: null }, { from: startedAt, to: '2026-12-06T10:20:00.000Z' }, 0),
      { fromMs: from, toMs: from + 1_200_000 },
    );
    assert.deepEqual(replayPeriod({ startedAt, stoppedAt: startedAt }, { from: null, to: null }, 0), {
      fromMs: from,
      toMs: from + 60_000,
    });
  });
});
