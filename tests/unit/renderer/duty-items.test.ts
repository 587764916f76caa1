// The duty overview's open items in words (contract labels), not English codes; old hand-overs keep theirs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OpenItem } from '../../../contract/duty';
import { translate } from '../../../renderer/src/i18n/translate';
import { openItemDetail } from '../../../renderer/src/panels/dutyItems';

const item = (patch: Partial<OpenItem>): OpenItem => ({
  kind: 'case',
  id: 'x',
  label: 'L',
  detail: 'code text',
  at: '2026-12-06T08:00:00Z',
  ...patch,
});
const zh = (key: Parameters<typeof translate>[1]) => translate('zh', key);
const en = (key: Parameters<typeof translate>[1]) => translate('en', key);

test('a case shows its state label and address, an alarm its level and status, an incident its level', () => {
  const overdue = item({ state: 'dispatched', address: '海州路 1 号', detail: 'dispatched · 海州路 1 号' });
  assert.equal(openItemDetail(overdue, 'zh', zh), '已派遣 · 海州路 1 号');
  assert.equal(openItemDetail(overdue, 'en', en), 'dispatched · 海州路 1 号');
  const alarm = item({ kind: 'alarm', level: 1, state: 'acknowledged', detail: 'level 1 · acknowledged' });
  assert.equal(openItemDetail(alarm, 'zh', zh), '一级 · 红色告警 · 已接收');
  const incident = item({ kind: 'incident', level: 2, detail: 'severity 2' });
  assert.equal(openItemDetail(incident, 'zh', zh), 'Ⅱ 重大');
  assert.equal(openItemDetail(incident, 'en', en), 'Ⅱ Serious');
  assert.equal(openItemDetail(item({}), 'zh', zh), 'code text', 'a hand-over written before keeps its text');
  for (const i of [overdue, alarm, incident]) assert.doesNotMatch(openItemDetail(i, 'zh', zh), /[a-z]{4,}/);
});
