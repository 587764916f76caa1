// The case state machine: every legal transition, illegal commands per state, payload checks,
// and a full closed loop. Expectations are written out here, not derived from the table.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CASE_STATES, type CaseState } from '@contract/domain';
import {
  allowedCommands,
  applyCommand,
  CLOCK_BY_STATE,
  COMMANDS,
  escalationEvent,
  SYSTEM_ACTOR,
  TRANSITIONS,
  type ActorRole,
  type CaseSnapshot,
  type ClockAction,
  type Command,
  type CommandInput,
  type CommandSuccess,
} from '../../../server/src/domain/index';
import { actor, CASE_ID, caseIn, DEPT, fullPayload, makeCase } from './fixtures';

const NOW = new Date('2026-11-23T02:00:00Z');

/** [command, from, to, clock action] — the workflow as specified (CJJ/T 106 closed loop). */
const LEGAL: readonly [Command, CaseState | null, CaseState, ClockAction][] = [
  ['report', null, 'reported', { start: 'accept' }],
  ['verify', 'reported', 'verifying', 'keep'],
  ['verifyResult', 'verifying', 'accepted', 'keep'],
  ['accept', 'reported', 'accepted', 'keep'],
  ['accept', 'verifying', 'accepted', 'keep'],
  ['open', 'reported', 'opened', { start: 'dispatch' }],
  ['open', 'accepted', 'opened', { start: 'dispatch' }],
  ['void', 'reported', 'voided', 'stop'],
  ['void', 'verifying', 'voided', 'stop'],
  ['void', 'accepted', 'voided', 'stop'],
  ['merge', 'reported', 'voided', 'stop'],
  ['merge', 'verifying', 'voided', 'stop'],
  ['merge', 'accepted', 'voided', 'stop'],
  ['merge', 'opened', 'voided', 'stop'],
  ['dispatch', 'opened', 'dispatched', { start: 'handle' }],
  ['dispatch', 'returned', 'dispatched', { start: 'handle' }],
  ['acceptTask', 'dispatched', 'handling', 'keep'],
  ['acceptTask', 'reworked', 'handling', 'keep'],
  ['return', 'dispatched', 'returned', { start: 'dispatch' }],
  ['return', 'handling', 'returned', { start: 'dispatch' }],
  ['handle', 'handling', 'handled', { start: 'check' }],
  ['handle', 'reworked', 'handled', { start: 'check' }],
  ['check', 'handled', 'checking', 'keep'],
  ['recheckResult', 'checking', 'checking', 'keep'],
  ['approve', 'checking', 'closed', 'stop'],
  ['rework', 'checking', 'reworked', { start: 'handle' }],
  ['closeFailed', 'checking', 'closed', 'stop'],
  ['redispatch', 'checking', 'dispatched', { start: 'handle' }],
  ['redispatch', 'returned', 'dispatched', { start: 'handle' }],
  ['suspend', 'dispatched', 'suspended', 'pause'],
  ['suspend', 'handling', 'suspended', 'pause'],
  ['resume', 'suspended', 'handling', 'resume'],
  ['urge', 'dispatched', 'dispatched', 'keep'],
  ['urge', 'handling', 'handling', 'keep'],
  ['urge', 'reworked', 'reworked', 'keep'],
  ['supervise', 'dispatched', 'dispatched', 'keep'],
  ['supervise', 'handling', 'handling', 'keep'],
  ['supervise', 'reworked', 'reworked', 'keep'],
  ['coordinate', 'returned', 'dispatched', { start: 'handle' }],
];

/** One role per command that may issue it (the full matrix is in permissions.test.ts). */
const ISSUER: Readonly<Record<Command, ActorRole>> = {
  report: 'inspector',
  verify: 'supervisor',
  verifyResult: 'inspector',
  accept: 'supervisor',
  open: 'supervisor',
  void: 'supervisor',
  merge: 'supervisor',
  dispatch: 'dispatcher',
  acceptTask: 'handler',
  return: 'handler',
  handle: 'handler',
  check: 'supervisor',
  recheckResult: 'inspector',
  approve: 'supervisor',
  rework: 'supervisor',
  closeFailed: 'supervisor',
  redispatch: 'dispatcher',
  suspend: 'dispatcher',
  resume: 'dispatcher',
  urge: 'dispatcher',
  supervise: 'dispatcher',
  coordinate: 'dispatcher',
};

function ok(result: ReturnType<typeof applyCommand>): CommandSuccess {
  if (!result.ok) assert.fail(`expected success, got ${result.kind}: ${result.message}`);
  return result;
}

describe('transition table', () => {
  test('matches the specified workflow exactly (no missing, no extra transitions)', () => {
    const fromTable = COMMANDS.flatMap((c) =>
      c === 'report' ? ['report:null'] : TRANSITIONS[c].from.map((s) => `${c}:${s}`),
    ).sort();
    assert.deepEqual(fromTable, LEGAL.map(([c, from]) => `${c}:${from}`).sort());
  });

  for (const [command, from, to, clock] of LEGAL) {
    test(`${command}: ${from ?? '(new)'} → ${to}`, () => {
      const snapshot = from === null ? null : caseIn(from);
      const payload = fullPayload(command);
      const issuer = actor(ISSUER[command]);
      const result = ok(applyCommand(snapshot, payload, issuer, NOW));
      assert.equal(result.next.state, to);
      assert.deepEqual(result.clock, clock);
      const { event } = result;
      assert.equal(event.command, command);
      assert.equal(event.fromState, from);
      assert.equal(event.toState, to);
      assert.equal(event.actorId, issuer.userId);
      assert.equal(event.role, issuer.role);
      assert.equal(event.note, payload.note);
      assert.deepEqual(event.attachments, payload.attachments);
      assert.equal(event.at, NOW);
      assert.equal(typeof event.data, 'object');
      assert.doesNotThrow(() => JSON.stringify(event.data));
    });
  }
});

test('clock actions agree with the clock that runs in each state', () => {
  for (const [command, from, to, clock] of LEGAL) {
    const expected =
      typeof clock === 'object' ? clock.start : clock === 'stop' ? null : clock === 'pause' ? 'paused' : null;
    if (clock === 'keep')
      assert.equal(CLOCK_BY_STATE[to], from && CLOCK_BY_STATE[from], `${command} ${from}`);
    else if (clock === 'resume') assert.notEqual(CLOCK_BY_STATE[to], 'paused');
    else assert.equal(CLOCK_BY_STATE[to], expected, `${command} ${from} → ${to}`);
  }
});

test('escalation slips are events without a state change', () => {
  const slip = escalationEvent(caseIn('handling'), 'remind', 'handle', NOW, SYSTEM_ACTOR);
  assert.deepEqual(slip, {
    command: 'remind',
    fromState: 'handling',
    toState: 'handling',
    actorId: 'system',
    role: 'system',
    note: '',
    attachments: [],
    at: NOW,
    data: { step: 'handle', departmentId: DEPT, automatic: true },
  });
});

describe('illegal commands are rejected with the commands allowed now', () => {
  for (const state of CASE_STATES) {
    const legalHere = new Set(LEGAL.filter(([, from]) => from === state).map(([c]) => c));
    const illegal = COMMANDS.filter((c) => !legalHere.has(c));
    test(`${state}: ${illegal.length} commands rejected`, () => {
      for (const command of illegal) {
        const issuer = actor(ISSUER[command]);
        const result = applyCommand(caseIn(state), fullPayload(command), issuer, NOW);
        assert.equal(result.ok, false, `${command} in ${state}`);
        if (result.ok) continue;
        assert.equal(result.kind, 'illegal_state', `${command} in ${state}: ${result.message}`);
        if (result.kind !== 'illegal_state') continue;
        const expected = COMMANDS.filter((c) => legalHere.has(c) && ISSUER[c] === issuer.role);
        assert.deepEqual(
          result.allowed.filter((c) => ISSUER[c] === issuer.role),
          expected,
        );
        assert.deepEqual(result.allowed, allowedCommands(caseIn(state), issuer));
        assert.match(result.message, /当前可执行/);
        assert.match(result.message, /allowed now/);
      }
    });
  }

  test('closed and voided cases allow nothing', () => {
    for (const state of ['closed', 'voided'] as const) {
      for (const role of [
        'supervisor',
        'dispatcher',
        'handler',
        'inspector',
        'commander',
        'system',
      ] as const) {
        assert.deepEqual(allowedCommands(caseIn(state), actor(role)), [], `${role} on ${state}`);
      }
    }
  });

  test('a public report must be accepted before it is opened; an inspector report need not', () => {
    const supervisor = actor('supervisor');
    const fromPublic = applyCommand(makeCase({ source: 'public' }), { command: 'open' }, supervisor, NOW);
    if (fromPublic.ok || fromPublic.kind !== 'illegal_state') return assert.fail('expected illegal_state');
    assert.deepEqual(fromPublic.allowed, ['verify', 'accept', 'void', 'merge']);
    assert.match(fromPublic.message, /须先受理/);
    const direct = ok(applyCommand(makeCase({ source: 'inspector' }), { command: 'open' }, supervisor, NOW));
    assert.equal(direct.event.data.direct, true);
  });
});

describe('payload checks (400)', () => {
  const cases: [string, CaseSnapshot | null, CommandInput, ActorRole][] = [
    ['void without reason', caseIn('reported'), { command: 'void', reason: '  ' }, 'supervisor'],
    ['return without reason', caseIn('handling'), { command: 'return' }, 'handler'],
    ['rework without reason', caseIn('checking'), { command: 'rework' }, 'supervisor'],
    ['closeFailed without reason', caseIn('checking'), { command: 'closeFailed' }, 'supervisor'],
    ['dispatch without department', caseIn('opened'), { command: 'dispatch' }, 'dispatcher'],
    [
      'coordinate without note',
      caseIn('returned'),
      { command: 'coordinate', departmentId: 'd' },
      'dispatcher',
    ],
    ['handle without note', caseIn('handling'), { command: 'handle', attachments: ['a.jpg'] }, 'handler'],
    ['suspend without extension', caseIn('handling'), { command: 'suspend', reason: 'r' }, 'dispatcher'],
    [
      'suspend with a negative extension',
      caseIn('handling'),
      { command: 'suspend', reason: 'r', extensionMinutes: -5 },
      'dispatcher',
    ],
    ['merge into itself', caseIn('reported'), { command: 'merge', mergedIntoId: CASE_ID }, 'supervisor'],
    ['verifyResult without result', caseIn('verifying'), { command: 'verifyResult' }, 'inspector'],
    ['report without source', null, { command: 'report' }, 'supervisor'],
    ['inspector reporting a hotline call', null, { command: 'report', source: 'hotline' }, 'inspector'],
    ['too long a note', caseIn('handling'), { command: 'handle', note: 'x'.repeat(2001) }, 'handler'],
    ['empty attachment', caseIn('handling'), { command: 'handle', note: 'n', attachments: [''] }, 'handler'],
    ['unknown command', caseIn('handling'), { command: 'explode' as Command }, 'handler'],
    ['command without a case', null, { command: 'dispatch', departmentId: 'd' }, 'dispatcher'],
  ];
  for (const [name, snapshot, input, role] of cases) {
    test(name, () => {
      const result = applyCommand(snapshot, input, actor(role), NOW);
      assert.equal(result.ok, false);
      assert.equal(result.ok ? null : result.kind, 'invalid', result.ok ? '' : result.message);
      assert.match(result.ok ? '' : result.message, / \/ /, 'message has Chinese and English');
    });
  }

  test('a handling report may carry no photos', () => {
    ok(applyCommand(caseIn('handling'), { command: 'handle', note: '已清理' }, actor('handler'), NOW));
  });
});

describe('field changes', () => {
  test('dispatch sets the department and records the routing reason', () => {
    const r = ok(
      applyCommand(
        caseIn('opened', { departmentId: null }),
        { command: 'dispatch', departmentId: 'dept-gas', routingReason: '部件先属主后属地' },
        actor('dispatcher'),
        NOW,
      ),
    );
    assert.equal(r.next.departmentId, 'dept-gas');
    assert.deepEqual(r.event.data, {
      departmentId: 'dept-gas',
      previousDepartmentId: null,
      routingReason: '部件先属主后属地',
    });
  });

  test('return clears the department and records who returned it', () => {
    const r = ok(
      applyCommand(caseIn('handling'), { command: 'return', reason: '非我单位' }, actor('handler'), NOW),
    );
    assert.equal(r.next.departmentId, null);
    assert.equal(r.event.data.departmentId, DEPT);
    assert.equal(r.event.note, '非我单位');
  });

  test('suspend remembers the state and resume returns to it', () => {
    for (const from of ['dispatched', 'handling'] as const) {
      const s = ok(
        applyCommand(
          caseIn(from),
          { command: 'suspend', reason: '待材料', extensionMinutes: 120 },
          actor('dispatcher'),
          NOW,
        ),
      );
      assert.equal(s.next.resumeState, from);
      assert.equal(s.event.data.resumeAt, '2026-11-23T04:00:00.000Z');
      const r = ok(
        applyCommand(
          caseIn('suspended', { resumeState: from }),
          { command: 'resume' },
          actor('handler'),
          NOW,
        ),
      );
      assert.equal(r.next.state, from);
      assert.equal(r.next.resumeState, null);
    }
    const broken = applyCommand(
      caseIn('suspended', { resumeState: null }),
      { command: 'resume' },
      actor('system'),
      NOW,
    );
    assert.equal(broken.ok ? null : broken.kind, 'invalid');
  });

  test('merge marks the duplicate; approve and closeFailed set the outcome', () => {
    const m = ok(
      applyCommand(caseIn('opened'), { command: 'merge', mergedIntoId: 'case-0' }, actor('supervisor'), NOW),
    );
    assert.equal(m.next.mergedIntoId, 'case-0');
    const a = ok(applyCommand(caseIn('checking'), { command: 'approve' }, actor('supervisor'), NOW));
    assert.deepEqual(a.next, { state: 'closed', outcome: 'approved', closedAt: NOW });
    const f = ok(
      applyCommand(
        caseIn('checking'),
        { command: 'closeFailed', reason: '未整改' },
        actor('supervisor'),
        NOW,
      ),
    );
    assert.deepEqual(f.next, { state: 'closed', outcome: 'failed', closedAt: NOW });
  });
});

test('a full closed loop with one rework', () => {
  const steps: [Command, ActorRole, Partial<CommandInput>][] = [
    ['report', 'inspector', { source: 'inspector' }],
    ['verify', 'supervisor', { assigneeId: 'u-inspector' }],
    ['verifyResult', 'inspector', { valid: true, attachments: ['v.jpg'] }],
    ['open', 'supervisor', { urgency: 'urgent' }],
    ['dispatch', 'dispatcher', { departmentId: DEPT }],
    ['acceptTask', 'handler', {}],
    ['handle', 'handler', { note: '已更换井盖', attachments: ['after.jpg'] }],
    ['check', 'supervisor', {}],
    ['recheckResult', 'inspector', { valid: false, note: '井盖松动' }],
    ['rework', 'supervisor', { reason: '井盖松动' }],
    ['acceptTask', 'handler', {}],
    ['handle', 'handler', { note: '已加固' }],
    ['check', 'supervisor', {}],
    ['recheckResult', 'inspector', { valid: true }],
    ['approve', 'supervisor', {}],
  ];
  let snapshot: CaseSnapshot | null = null;
  const history: string[] = [];
  for (const [command, role, payload] of steps) {
    const result = ok(applyCommand(snapshot, { command, ...payload }, actor(role), NOW));
    snapshot = { ...(snapshot ?? makeCase({ departmentId: null })), ...result.next } as CaseSnapshot;
    history.push(`${result.event.fromState ?? '-'}>${result.event.toState}`);
  }
  assert.equal(snapshot?.state, 'closed');
  assert.equal(snapshot?.outcome, 'approved');
  assert.equal(snapshot?.reworkCount, 1);
  assert.equal(snapshot?.urgency, 'urgent');
  assert.equal(history.length, steps.length);
});
