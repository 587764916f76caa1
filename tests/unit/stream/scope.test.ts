// Stream scopes never let more through than the read rules of the domain (permissions.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, type Role } from '@contract/domain';
import { canRead, type Actor, type CaseSnapshot } from '../../../server/src/domain';
import { audienceOf } from '../../../server/src/stream/scope';

const DEPTS = [null, 'gas', 'water'];
const DISTRICTS = [null, '320701', '320702'];
const actors: Array<Actor & { role: Role }> = ROLES.flatMap((role) =>
  DEPTS.flatMap((departmentId) =>
    DISTRICTS.map((districtCode) => ({ userId: 'u', role, departmentId, districtCode })),
  ),
);
const rows = ['case', 'alarm'].flatMap((topic) =>
  DEPTS.flatMap((departmentId) => DISTRICTS.map((districtCode) => ({ topic, departmentId, districtCode }))),
);
const snapshotOf = (row: { departmentId: string | null; districtCode: string | null }): CaseSnapshot =>
  ({ ...row, id: 'c', state: 'dispatched', reporterId: 'someone-else' }) as CaseSnapshot;

test('case rows: a stream audience allows exactly what canRead allows (reports by others)', () => {
  for (const actor of actors) {
    const audience = audienceOf(actor);
    for (const row of rows.filter((r) => r.topic === 'case')) {
      assert.equal(
        audience.allows(row),
        canRead(snapshotOf(row), actor),
        `${JSON.stringify(actor)} ${JSON.stringify(row)}`,
      );
    }
  }
});

test('other topics: staff by district, handlers by department, unscoped inspectors none', () => {
  const alarm = (departmentId: string | null, districtCode: string | null) => ({
    topic: 'alarm',
    departmentId,
    districtCode,
  });
  const a = (role: Role, departmentId: string | null = null, districtCode: string | null = null) =>
    audienceOf({ role, departmentId, districtCode });
  assert.ok(a('supervisor').allows(alarm(null, '320701')));
  assert.ok(a('leader').allows(alarm('gas', null)));
  assert.ok(a('dispatcher', null, '320701').allows(alarm(null, '320701')));
  assert.ok(!a('dispatcher', null, '320701').allows(alarm(null, '320702')));
  assert.ok(a('handler', 'gas').allows(alarm('gas', '320702')));
  assert.ok(!a('handler', 'gas').allows(alarm('water', '320702')));
  assert.ok(!a('handler', 'gas').allows(alarm(null, null)));
  assert.ok(a('inspector', null, '320701').allows(alarm(null, '320701')));
  assert.ok(!a('inspector').allows(alarm(null, '320701')));
  assert.equal(a('handler').caseWhere, null);
});

test('same rules, same audience key', () => {
  assert.equal(audienceOf({ role: 'supervisor', departmentId: null, districtCode: null }).key, 'all');
  assert.equal(audienceOf({ role: 'admin', departmentId: null, districtCode: '320701' }).key, 'all');
  assert.equal(
    audienceOf({ role: 'commander', departmentId: null, districtCode: '320701' }).key,
    'district:320701',
  );
  assert.equal(audienceOf({ role: 'handler', departmentId: 'gas', districtCode: null }).key, 'dept:gas');
});
