// The transition table of the case workflow, as data: for each command the states it may be
// issued in, the state it leads to, the roles that may issue it, the payload it needs and what it
// does to the step clock. workflow.ts interprets it; the UI shows what allowedCommands() returns.
//
// Decisions:
// - Opening straight from `reported` (skipping 受理) is allowed only for trusted channels:
//   reports of trained inspectors, confirmed sensor alarms, leader / upper-platform assignments
//   and department transfers. Public, hotline, video-AI and media reports are accepted first.
// - `leader` and `admin` issue no command: leaders read, admins configure but never run cases.
// - `system` is the server itself: ingest reports, auto-opening and auto-dispatch, the
//   escalation sweep (urge / supervise) and resuming a suspension whose extension has ended.
// - Suspension (缓办/延期) is approved by the dispatch side; a handler asks for it outside the
//   workflow (phone / note) and may resume its own suspended case early.
import type { CaseState, Source } from '@contract/domain';
import { COMMAND_REQUIRED } from '@contract/rules';
import type { ActorRole, CaseSnapshot, Command, PayloadField } from './commands';
import { msg, type LocalizedMessage } from './errors';
import type { ClockStep } from './timelimits';

/** What a command does to the step clock. */
export type ClockAction = { start: ClockStep } | 'keep' | 'pause' | 'resume' | 'stop';

export interface TransitionRule {
  /** states the command may be issued in; empty for `report`, which creates the case */
  from: readonly CaseState[];
  /** 'same' = no state change; 'resume' = back to the state before suspension */
  to: CaseState | 'same' | 'resume';
  roles: readonly ActorRole[];
  /** the contract's rule (contract/rules.ts COMMAND_REQUIRED), so both ends ask for the same fields */
  required: readonly PayloadField[];
  clock: ClockAction;
  /** an extra condition on the case; returns why it fails, or null */
  guard?: (snapshot: CaseSnapshot) => LocalizedMessage | null;
}

/** Channels whose reports may be opened without a separate acceptance step. */
export const TRUSTED_SOURCES: readonly Source[] = ['inspector', 'sensor', 'leader', 'upper', 'transfer'];

const directOpenGuard = (snapshot: CaseSnapshot): LocalizedMessage | null =>
  snapshot.state === 'reported' && !TRUSTED_SOURCES.includes(snapshot.source)
    ? msg(
        '该来源的上报须先受理或核实，才能立案',
        'Reports from this channel must be accepted or verified before the case is opened',
      )
    : null;

const ACTIVE_WORK: readonly CaseState[] = ['dispatched', 'handling', 'reworked'];

export const TRANSITIONS: Readonly<Record<Command, TransitionRule>> = {
  report: {
    from: [],
    to: 'reported',
    roles: ['supervisor', 'inspector', 'commander', 'system'],
    required: COMMAND_REQUIRED.report,
    clock: { start: 'accept' },
  },
  verify: {
    from: ['reported'],
    to: 'verifying',
    roles: ['supervisor'],
    required: COMMAND_REQUIRED.verify,
    clock: 'keep',
  },
  verifyResult: {
    from: ['verifying'],
    to: 'accepted',
    roles: ['supervisor', 'inspector'],
    required: COMMAND_REQUIRED.verifyResult,
    clock: 'keep',
  },
  accept: {
    from: ['reported', 'verifying'],
    to: 'accepted',
    roles: ['supervisor'],
    required: COMMAND_REQUIRED.accept,
    clock: 'keep',
  },
  open: {
    from: ['reported', 'accepted'],
    to: 'opened',
    roles: ['supervisor', 'commander', 'system'],
    required: COMMAND_REQUIRED.open,
    clock: { start: 'dispatch' },
    guard: directOpenGuard,
  },
  void: {
    from: ['reported', 'verifying', 'accepted'],
    to: 'voided',
    roles: ['supervisor'],
    required: COMMAND_REQUIRED.void,
    clock: 'stop',
  },
  merge: {
    from: ['reported', 'verifying', 'accepted', 'opened'],
    to: 'voided',
    roles: ['supervisor'],
    required: COMMAND_REQUIRED.merge,
    clock: 'stop',
  },
  dispatch: {
    from: ['opened', 'returned'],
    to: 'dispatched',
    roles: ['dispatcher', 'commander', 'system'],
    required: COMMAND_REQUIRED.dispatch,
    clock: { start: 'handle' },
  },
  acceptTask: {
    from: ['dispatched', 'reworked'],
    to: 'handling',
    roles: ['handler'],
    required: COMMAND_REQUIRED.acceptTask,
    clock: 'keep',
  },
  return: {
    from: ['dispatched', 'handling'],
    to: 'returned',
    roles: ['handler'],
    required: COMMAND_REQUIRED.return,
    clock: { start: 'dispatch' },
  },
  handle: {
    from: ['handling', 'reworked'],
    to: 'handled',
    roles: ['handler'],
    required: COMMAND_REQUIRED.handle,
    clock: { start: 'check' },
  },
  check: {
    from: ['handled'],
    to: 'checking',
    roles: ['supervisor'],
    required: COMMAND_REQUIRED.check,
    clock: 'keep',
  },
  recheckResult: {
    from: ['checking'],
    to: 'same',
    roles: ['supervisor', 'inspector'],
    required: COMMAND_REQUIRED.recheckResult,
    clock: 'keep',
  },
  approve: {
    from: ['checking'],
    to: 'closed',
    roles: ['supervisor'],
    required: COMMAND_REQUIRED.approve,
    clock: 'stop',
  },
  rework: {
    from: ['checking'],
    to: 'reworked',
    roles: ['supervisor'],
    required: COMMAND_REQUIRED.rework,
    clock: { start: 'handle' },
  },
  closeFailed: {
    from: ['checking'],
    to: 'closed',
    roles: ['supervisor'],
    required: COMMAND_REQUIRED.closeFailed,
    clock: 'stop',
  },
  redispatch: {
    from: ['checking', 'returned'],
    to: 'dispatched',
    roles: ['supervisor', 'dispatcher', 'commander'],
    required: COMMAND_REQUIRED.redispatch,
    clock: { start: 'handle' },
  },
  suspend: {
    from: ['dispatched', 'handling'],
    to: 'suspended',
    roles: ['dispatcher', 'commander'],
    required: COMMAND_REQUIRED.suspend,
    clock: 'pause',
  },
  resume: {
    from: ['suspended'],
    to: 'resume',
    roles: ['dispatcher', 'commander', 'handler', 'system'],
    required: COMMAND_REQUIRED.resume,
    clock: 'resume',
  },
  urge: {
    from: ACTIVE_WORK,
    to: 'same',
    roles: ['dispatcher', 'commander', 'system'],
    required: COMMAND_REQUIRED.urge,
    clock: 'keep',
  },
  supervise: {
    from: ACTIVE_WORK,
    to: 'same',
    roles: ['dispatcher', 'commander', 'system'],
    required: COMMAND_REQUIRED.supervise,
    clock: 'keep',
  },
  coordinate: {
    from: ['returned'],
    to: 'dispatched',
    roles: ['dispatcher', 'commander'],
    required: COMMAND_REQUIRED.coordinate,
    clock: { start: 'handle' },
  },
};

/**
 * Which clock runs in each state: a step, 'paused' while suspended, null when the case is over. The states
 * with a step are contract/rules.ts RUNNING_CASE_STATES, the one list every side uses
 * (tests/unit/domain/running-states.test.ts keeps the two in step).
 */
export const CLOCK_BY_STATE: Readonly<Record<CaseState, ClockStep | 'paused' | null>> = {
  reported: 'accept',
  verifying: 'accept',
  accepted: 'accept',
  opened: 'dispatch',
  returned: 'dispatch',
  dispatched: 'handle',
  handling: 'handle',
  reworked: 'handle',
  handled: 'check',
  checking: 'check',
  suspended: 'paused',
  closed: null,
  voided: null,
};

export const TERMINAL_STATES: readonly CaseState[] = ['closed', 'voided'];
