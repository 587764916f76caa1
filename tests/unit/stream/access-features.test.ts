// Features of access/rules.ts (the routes added after ADR 0012): who may use playback, duty, evaluation,
// command lists and administration, and how the evaluation narrows a question; every feature has a
// bilingual refusal and no feature is open to everyone except the stream-scoped playback events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES } from '@contract/domain';
import { evaluationScope, FEATURE_DENIED, FEATURES, mayUse } from '../../../server/src/access/rules';

const v = (role: string, districtCode: string | null = null, departmentId: string | null = null) =>
  ({ role, districtCode, departmentId }) as Parameters<typeof mayUse>[1];

test('who may use each feature', () => {
  const users = (feature: (typeof FEATURES)[number], district: string | null = null) =>
    ROLES.filter((role) => mayUse(feature, v(role, district, role === 'handler' ? 'gas' : null))).sort();
  assert.deepEqual(users('playbackCity'), ['admin', 'commander', 'leader', 'supervisor']);
  assert.deepEqual(users('playbackCity', '320701'), [], 'district-scoped users: 403, not a scoped city');
  assert.deepEqual(users('playbackEvents').length, ROLES.length);
  assert.deepEqual(users('duty'), ['admin', 'commander', 'dispatcher', 'leader', 'supervisor']);
  assert.deepEqual(users('duty', '320701'), []);
  assert.deepEqual(users('dutySign'), ['commander', 'dispatcher', 'supervisor']);
  assert.ok(!users('evaluation').includes('inspector'));
  assert.ok(users('evaluation').includes('handler'));
  assert.equal(mayUse('evaluation', v('handler')), false, 'a handler without a department');
  // the trainer reads the city like a leader (and runs drills)
  assert.deepEqual(users('command'), ['admin', 'commander', 'dispatcher', 'leader', 'supervisor', 'trainer']);
  assert.deepEqual(users('drills'), ['admin', 'trainer']);
  assert.deepEqual(users('unitStatus'), ['commander', 'dispatcher']);
  for (const f of ['admin', 'runCards', 'evaluationSettings'] as const) assert.deepEqual(users(f), ['admin']);
});

test('the evaluation narrows a handler to its department and a district user to its district', () => {
  assert.deepEqual(evaluationScope(v('handler', null, 'gas'), {}), { scope: { departmentId: 'gas' } });
  assert.ok('denied' in evaluationScope(v('handler', null, 'gas'), { departmentId: 'water' }));
  assert.deepEqual(evaluationScope(v('leader', '320701'), {}), { scope: { districtCode: '320701' } });
  assert.ok('denied' in evaluationScope(v('leader', '320701'), { districtCode: '320702' }));
  assert.deepEqual(evaluationScope(v('leader'), { districtCode: '320702' }), {
    scope: { districtCode: '320702' },
  });
  assert.ok('denied' in evaluationScope(v('inspector', '320701'), {}));
});

test('every feature has a refusal in Chinese and English', () => {
  for (const f of FEATURES) {
    assert.match(FEATURE_DENIED[f].zh, /[\u4e00-\u9fff]/, f);
    assert.match(FEATURE_DENIED[f].en, /^[A-Z]/, f);
  }
});
