// Role × command matrix, department isolation, district scope, read-only roles.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CASE_STATES, ROLES, type CaseState } from '@contract/domain';
import {
  allowedCommands,
  applyCommand,
  canRead,
  COMMANDS,
  readScope,
  type ActorRole,
  type Command,
} from '../../../server/src/domain/index';
import { actor, caseIn, DEPT, DISTRICT, fullPayload, OTHER_DEPT, OTHER_DISTRICT } from './fixtures';

const NOW = new Date('2026-11-23T02:00:00Z');
const ALL_ROLES: readonly ActorRole[] = [...ROLES, 'system'];

/** Who may issue what — the permission policy as specified, written out by hand. */
const EXPECTED: Readonly<Record<Command, readonly ActorRole[]>> = {
  report: ['supervisor', 'inspector', 'commander', 'system'],
  verify: ['supervisor'],
  verifyResult: ['supervisor', 'inspector'],
  accept: ['supervisor'],
  open: ['supervisor', 'commander', 'system'],
  void: ['supervisor'],
  merge: ['supervisor'],
  dispatch: ['dispatcher', 'commander', 'system'],
  acceptTask: ['handler'],
  return: ['handler'],
  handle: ['handler'],
  check: ['supervisor'],
  recheckResult: ['supervisor', 'inspector'],
  approve: ['supervisor'],
  rework: ['supervisor'],
  closeFailed: ['supervisor'],
  redispatch: ['supervisor', 'dispatcher', 'commander'],
  suspend: ['dispatcher', 'commander'],
  resume: ['dispatcher', 'commander', 'handler', 'system'],
  urge: ['dispatcher', 'commander', 'system'],
  supervise: ['dispatcher', 'commander', 'system'],
  coordinate: ['dispatcher', 'commander'],
};

/** A state in which each command is legal. */
const LEGAL_STATE: Readonly<Record<Command, CaseState | null>> = {
  report: null,
  verify: 'reported',
  verifyResult: 'verifying',
  accept: 'reported',
  open: 'accepted',
  void: 'reported',
  merge: 'reported',
  dispatch: 'opened',
  acceptTask: 'dispatched',
  return: 'handling',
  handle: 'handling',
  check: 'handled',
  recheckResult: 'checking',
  approve: 'checking',
  rework: 'checking',
  closeFailed: 'checking',
  redispatch: 'returned',
  suspend: 'handling',
  resume: 'suspended',
  urge: 'handling',
  supervise: 'handling',
  coordinate: 'returned',
};

describe('role × command matrix', () => {
  for (const role of ALL_ROLES) {
    test(role, () => {
      for (const command of COMMANDS) {
        const state = LEGAL_STATE[command];
        const snapshot = state === null ? null : caseIn(state);
        const payload = {
          ...fullPayload(command),
          source: role === 'inspector' ? 'inspector' : 'hotline',
        } as const;
        const result = applyCommand(snapshot, payload, actor(role), NOW);
        const expected = EXPECTED[command].includes(role);
        assert.equal(result.ok, expected, `${role} ${command}: ${result.ok ? 'ok' : result.message}`);
        if (!result.ok) assert.equal(result.kind, 'forbidden', `${role} ${command}`);
        if (snapshot) assert.equal(allowedCommands(snapshot, actor(role)).includes(command), expected);
      }
    });
  }
});

describe('leader, admin and trainer never act', () => {
  for (const role of ['leader', 'admin', 'trainer'] as const) {
    test(`${role}: nothing allowed in any state, every command forbidden, but may read`, () => {
      assert.deepEqual(allowedCommands(null, actor(role)), []);
      for (const state of CASE_STATES) {
        assert.deepEqual(allowedCommands(caseIn(state), actor(role)), []);
        assert.equal(canRead(caseIn(state), actor(role)), true);
        for (const command of COMMANDS) {
          const result = applyCommand(caseIn(state), fullPayload(command), actor(role), NOW);
          assert.equal(result.ok ? 'ok' : result.kind, 'forbidden', `${role} ${command} in ${state}`);
        }
      }
    });
  }
});

describe('handler department isolation', () => {
  const own = actor('handler', { departmentId: DEPT });
  const other = actor('handler', { departmentId: OTHER_DEPT });

  test('a handler acts on its own department’s cases only', () => {
    const dispatched = caseIn('dispatched', { departmentId: DEPT });
    assert.deepEqual(allowedCommands(dispatched, own), ['acceptTask', 'return']);
    assert.deepEqual(allowedCommands(dispatched, other), []);
    const r = applyCommand(dispatched, { command: 'acceptTask' }, other, NOW);
    assert.equal(r.ok ? 'ok' : r.kind, 'forbidden');
    assert.equal(canRead(dispatched, own), true);
    assert.equal(canRead(dispatched, other), false);
  });

  test('a handler without a department sees nothing; a returned case leaves the department', () => {
    const nobody = actor('handler', { departmentId: null });
    assert.equal(canRead(caseIn('dispatched', { departmentId: null }), nobody), false);
    assert.deepEqual(readScope(nobody), { all: false, none: true });
    assert.equal(canRead(caseIn('returned', { departmentId: null }), own), false);
  });

  test('a handler may resume its own suspended case but not suspend it', () => {
    assert.deepEqual(allowedCommands(caseIn('suspended'), own), ['resume']);
    assert.deepEqual(allowedCommands(caseIn('handling'), own), ['return', 'handle']);
  });
});

describe('district scope', () => {
  const local = caseIn('opened', { districtCode: DISTRICT });
  const elsewhere = caseIn('opened', { districtCode: OTHER_DISTRICT });

  test('district staff act and read only in their district', () => {
    for (const role of ['supervisor', 'dispatcher', 'commander'] as const) {
      const staff = actor(role, { districtCode: DISTRICT });
      assert.ok(allowedCommands(local, staff).length > 0, role);
      assert.deepEqual(allowedCommands(elsewhere, staff), [], role);
      assert.equal(canRead(elsewhere, staff), false, role);
      const r = applyCommand(elsewhere, fullPayload('dispatch'), staff, NOW);
      assert.equal(r.ok ? 'ok' : r.kind, 'forbidden');
    }
    assert.deepEqual(readScope(actor('dispatcher', { districtCode: DISTRICT })), {
      all: false,
      districtCode: DISTRICT,
    });
  });

  test('city-level staff (no district) reach every district', () => {
    assert.ok(allowedCommands(elsewhere, actor('dispatcher')).includes('dispatch'));
    assert.deepEqual(readScope(actor('dispatcher')), { all: true });
  });

  test('a district leader reads only the district; an inspector also reads its own reports', () => {
    assert.equal(canRead(elsewhere, actor('leader', { districtCode: DISTRICT })), false);
    const inspector = actor('inspector', { districtCode: DISTRICT });
    assert.equal(
      canRead(caseIn('reported', { districtCode: OTHER_DISTRICT, reporterId: 'x' }), inspector),
      false,
    );
    const ownReport = caseIn('reported', { districtCode: OTHER_DISTRICT, reporterId: inspector.userId });
    assert.equal(canRead(ownReport, inspector), true);
    assert.deepEqual(allowedCommands(caseIn('verifying', { districtCode: OTHER_DISTRICT }), inspector), []);
  });

  test('a handler of a district department is held to both department and district', () => {
    const h = actor('handler', { departmentId: DEPT, districtCode: DISTRICT });
    assert.equal(canRead(caseIn('dispatched', { districtCode: OTHER_DISTRICT }), h), false);
  });
});
