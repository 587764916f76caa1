// The workflow's clock actions driving the step clock, as the persistence layer will combine them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applyCommand,
  clockStatus,
  dueEscalations,
  nextStepClock,
  requireTimeLimit,
  SEED_TIME_LIMITS,
  type ActorRole,
  type CaseSnapshot,
  type ClockStep,
  type CommandInput,
  type EscalationKind,
  type StepClock,
} from '../../../server/src/domain/index';
import { actor, CALENDAR_2026, DEPT, local, makeCase, wall } from './fixtures';

const cal = CALENDAR_2026;
// 0102 暴露垃圾 is an event with a 4 working-hour handling limit in the seed data.
const category = { kind: 'event' as const, code: '0102' };
const limitFor = (step: ClockStep) => requireTimeLimit(SEED_TIME_LIMITS, category, 'normal', step);

test('report → open → dispatch → suspend over the weekend → resume → handle → approve', () => {
  // one mutable record, as the db row would be (closures keep TypeScript's narrowing honest)
  const row: { snapshot: CaseSnapshot | null; clock: StepClock | null; emitted: EscalationKind[] } = {
    snapshot: null,
    clock: null,
    emitted: [],
  };
  const run = (when: string, role: ActorRole, input: CommandInput): void => {
    const now = local(when);
    const result = applyCommand(row.snapshot, input, actor(role), now);
    if (!result.ok) return assert.fail(result.message);
    row.snapshot = {
      ...(row.snapshot ?? makeCase({ kind: 'event', categoryId: 'event-0102' })),
      ...result.next,
    };
    const next = nextStepClock(row.clock, result.clock, now, limitFor, cal);
    row.clock = next.clock;
    if (next.resetEscalations) row.emitted = [];
  };
  const sweep = (when: string): EscalationKind[] => {
    if (!row.clock) return [];
    const due = dueEscalations(row.clock, row.emitted, local(when), cal);
    row.emitted = [...row.emitted, ...due];
    return due;
  };

  run('2026-11-20 09:00', 'inspector', { command: 'report', source: 'inspector' });
  assert.equal(row.clock?.step, 'accept');
  run('2026-11-20 09:10', 'supervisor', { command: 'open' });
  assert.equal(row.clock?.step, 'dispatch');
  run('2026-11-20 09:20', 'dispatcher', { command: 'dispatch', departmentId: DEPT });
  assert.deepEqual(
    [row.clock?.step, row.clock?.limitMinutes, row.clock?.unit],
    ['handle', 240, 'working_minutes'],
  );
  run('2026-11-20 10:00', 'handler', { command: 'acceptTask' });
  assert.deepEqual(sweep('2026-11-20 11:00'), []); // 100 of 240 working minutes
  run('2026-11-20 13:40', 'dispatcher', {
    command: 'suspend',
    reason: '待审批',
    extensionMinutes: 3 * 24 * 60,
  });
  assert.equal(row.snapshot?.state, 'suspended');
  assert.deepEqual(sweep('2026-11-21 12:00'), []); // nothing while suspended
  run('2026-11-23 09:00', 'dispatcher', { command: 'resume' });
  assert.equal(row.snapshot?.state, 'handling');
  // used before the suspension: 160 + 10 = 170; 70 minutes left from Monday 09:00
  assert.ok(row.clock);
  const status = clockStatus(row.clock, local('2026-11-23 09:00'), cal);
  assert.deepEqual([status.usedMinutes, wall(status.deadline)], [170, '2026-11-23 10:10']);
  assert.deepEqual(sweep('2026-11-23 09:22'), ['remind']); // 192 = 80 %
  assert.deepEqual(sweep('2026-11-23 10:10'), ['urge']);
  run('2026-11-23 10:30', 'handler', { command: 'handle', note: '已清运', attachments: ['after.jpg'] });
  assert.equal(row.clock?.step, 'check');
  assert.deepEqual(row.emitted, []);
  run('2026-11-23 11:00', 'supervisor', { command: 'check' });
  run('2026-11-23 11:20', 'supervisor', { command: 'approve' });
  assert.equal(row.clock, null);
  assert.equal(row.snapshot?.state, 'closed');
});
