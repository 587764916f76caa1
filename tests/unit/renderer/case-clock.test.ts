import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { effectiveClock, formatDuration, remaining } from '../../../renderer/src/i18n/caseClock';
import { localizedText } from '../../../renderer/src/i18n/serverText';
import { commandLabelOf, roleLabel, stateLabel } from '../../../renderer/src/i18n/labels';

const at = (iso: string) => Date.parse(iso);
const clock = (state: 'green' | 'yellow' | 'red' | 'paused' | 'none', deadline: string | null) => ({
  step: 'handle',
  state,
  deadline,
  usedRatio: null,
});

describe('case clock', () => {
  test('a deadline that passed turns the clock red without waiting for the server', () => {
    const c = clock('yellow', '2026-11-22T10:00:00.000Z');
    assert.equal(effectiveClock(c, at('2026-11-22T09:59:00.000Z')), 'yellow');
    assert.equal(effectiveClock(c, at('2026-11-22T10:00:00.000Z')), 'red');
    assert.equal(
      effectiveClock(clock('paused', '2026-11-22T10:00:00.000Z'), at('2026-11-23T00:00:00.000Z')),
      'paused',
    );
    assert.equal(effectiveClock(clock('none', null), 0), 'none');
  });

  test('time left and overdue count whole minutes; the last minute still shows 1', () => {
    const c = clock('green', '2026-11-22T10:00:00.000Z');
    assert.deepEqual(remaining(c, at('2026-11-22T09:58:30.000Z')), { kind: 'left', minutes: 1 });
    assert.deepEqual(remaining(c, at('2026-11-22T09:59:59.000Z')), { kind: 'left', minutes: 1 });
    assert.deepEqual(remaining(c, at('2026-11-22T09:30:00.000Z')), { kind: 'left', minutes: 30 });
    assert.deepEqual(remaining(c, at('2026-11-22T10:35:59.000Z')), { kind: 'over', minutes: 35 });
    assert.deepEqual(remaining(clock('paused', null), 0), { kind: 'paused', minutes: 0 });
    assert.deepEqual(remaining(clock('none', null), 0), { kind: 'none', minutes: 0 });
  });

  test('durations: two units at most, Chinese and English', () => {
    assert.equal(formatDuration(12, 'zh'), '12分');
    assert.equal(formatDuration(125, 'zh'), '2小时05分');
    assert.equal(formatDuration(60 * 24 + 180, 'zh'), '1天3小时');
    assert.equal(formatDuration(60 * 48, 'zh'), '2天');
    assert.equal(formatDuration(125, 'en'), '2h 05m');
    assert.equal(formatDuration(60 * 24 + 180, 'en'), '1d 3h');
    assert.equal(formatDuration(-5, 'en'), '0m');
  });
});

describe('server texts and labels', () => {
  test('"中文 / English" texts show the half of the interface language', () => {
    const text = '用户名或密码错误 / Wrong username or password';
    assert.equal(localizedText(text, 'zh'), '用户名或密码错误');
    assert.equal(localizedText(text, 'en'), 'Wrong username or password');
    assert.equal(localizedText('invalid command: note: required', 'zh'), 'invalid command: note: required');
    assert.equal(localizedText('缓办/延期', 'en'), '缓办/延期');
  });

  test('labels come from the shared contract; the clock sweep has its own slip names', () => {
    assert.equal(stateLabel('handled', 'zh'), '已处置反馈');
    assert.equal(stateLabel('handled', 'en'), 'Handled');
    assert.equal(commandLabelOf('approve', 'zh'), '准予结案');
    assert.equal(commandLabelOf('remind', 'zh', 'system'), '提醒单');
    assert.equal(commandLabelOf('urge', 'zh', 'system'), '催办单');
    assert.equal(commandLabelOf('urge', 'zh', 'dispatcher'), '催办');
    assert.equal(commandLabelOf('unknown', 'en'), 'unknown');
    assert.equal(roleLabel('system', 'zh'), '系统');
    assert.equal(roleLabel('handler', 'zh'), '处置部门');
  });
});
