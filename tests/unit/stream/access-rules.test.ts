// One access rule per record kind (server/src/access/rules.ts): the stream's audiences apply exactly the
// rules REST applies, the case rule is the workflow's canRead, and the decisions of issue 17 hold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, type Role } from '@contract/domain';
import { mayAct, mayRead, readFilter, RECORD_KINDS } from '../../../server/src/access/rules';
import { canRead, type CaseSnapshot } from '../../../server/src/domain';
import { audienceOf } from '../../../server/src/stream/scope';

const DEPTS = [null, 'gas', 'water'];
const DISTRICTS = [null, '320701', '320702'];
const viewers = ROLES.flatMap((role) =>
  DEPTS.flatMap((departmentId) => DISTRICTS.map((districtCode) => ({ role, departmentId, districtCode }))),
);
const records = DEPTS.flatMap((departmentId) =>
  DISTRICTS.map((districtCode) => ({ departmentId, districtCode })),
);

test('stream audiences allow exactly what REST allows, for every role and record kind', () => {
  for (const viewer of viewers) {
    const audience = audienceOf(viewer);
    for (const kind of RECORD_KINDS.filter((k) => !['vehicle', 'sensor', 'inspector'].includes(k)))
      for (const record of records)
        assert.equal(
          audience.allows({ topic: kind, ...record }),
          mayRead(kind, viewer, record),
          `${kind} ${JSON.stringify(viewer)} ${JSON.stringify(record)}`,
        );
    for (const departmentId of DEPTS) {
      const record = { departmentId, districtCode: null };
      assert.equal(
        audience.allowsTransient({ kind: 'vehicle', departmentId }),
        mayRead('vehicle', viewer, record),
      );
      assert.equal(
        audience.allowsTransient({ type: 'gas', departmentId }),
        mayRead('sensor', viewer, record),
      );
      assert.equal(
        audience.allowsTransient({ kind: 'inspector', departmentId }),
        mayRead('inspector', viewer, record),
      );
    }
  }
});

test('the case rule is the workflow rule (reports by others)', () => {
  for (const viewer of viewers)
    for (const record of records) {
      const snapshot = { ...record, id: 'c', state: 'dispatched', reporterId: 'x' } as CaseSnapshot;
      assert.equal(mayRead('case', viewer, record), canRead(snapshot, { ...viewer, userId: 'u' }));
    }
});

test('decisions: handlers by department, inspectors by district, cameras shared, acting in scope', () => {
  const v = (role: Role, departmentId: string | null = null, districtCode: string | null = null) => ({
    role,
    departmentId,
    districtCode,
  });
  const r = (departmentId: string | null, districtCode: string | null) => ({ departmentId, districtCode });
  assert.ok(!mayRead('alarm', v('handler', 'gas'), r('water', '320701')));
  assert.ok(mayRead('alarm', v('handler', 'gas'), r('gas', '320701')));
  assert.ok(!mayRead('incident', v('handler', 'gas'), r(null, '320701')));
  assert.ok(!mayRead('alarm', v('inspector', null, '320701'), r('gas', '320702')));
  assert.ok(!mayRead('vehicle', v('handler', 'gas'), r('water', null)));
  assert.ok(mayRead('camera', v('handler', 'gas'), r(null, '320702')));
  assert.ok(mayAct('alarm', v('dispatcher', null, '320701'), r('gas', '320701')));
  assert.ok(!mayAct('alarm', v('dispatcher', null, '320701'), r('gas', '320702')));
  assert.ok(!mayAct('alarm', v('leader'), r('gas', '320701')));
  assert.ok(!mayAct('incident', v('supervisor'), r(null, '320701')));
  assert.deepEqual(readFilter('inspector', v('handler', 'gas')), { none: true });
});
