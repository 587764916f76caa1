// The case state machine: interprets the transition table (transitions.ts) for one command.
// Pure: the caller passes the case, the actor and the time, and persists what comes back.
import type { CaseState, Source, Urgency } from '@contract/domain';
import type { EscalationKind } from './clock';
import {
  COMMAND_LABELS,
  COMMANDS,
  isCommand,
  STATE_LABELS,
  type Actor,
  type ActorRole,
  type CaseOutcome,
  type CaseSnapshot,
  type Command,
  type CommandInput,
} from './commands';
import { formatMessage, msg, type LocalizedMessage } from './errors';
import { validatePayload } from './payload';
import { canAct, canRead } from './permissions';
import type { ClockStep } from './timelimits';
import { TRANSITIONS, type ClockAction } from './transitions';

/** The case fields a command changes (`state` always; others only when they change). */
export interface CaseChanges {
  state: CaseState;
  source?: Source;
  reporterId?: string | null;
  urgency?: Urgency;
  departmentId?: string | null;
  resumeState?: CaseState | null;
  outcome?: CaseOutcome | null;
  reworkCount?: number;
  mergedIntoId?: string | null;
  closedAt?: Date | null;
}

/** JSON-safe command-specific data stored with the event. */
export type EventData = Record<string, string | number | boolean | null>;

/** One immutable row of the audit trail (CaseEvent), ready to append. */
export interface CaseEventDraft {
  command: Command | EscalationKind;
  fromState: CaseState | null;
  toState: CaseState;
  actorId: string;
  role: ActorRole;
  note: string;
  attachments: string[];
  at: Date;
  data: EventData;
}

export interface CommandSuccess {
  ok: true;
  next: CaseChanges;
  event: CaseEventDraft;
  clock: ClockAction;
}

export type CommandFailure =
  | { ok: false; kind: 'illegal_state'; allowed: Command[]; message: string; localized: LocalizedMessage }
  | { ok: false; kind: 'forbidden' | 'invalid'; message: string; localized: LocalizedMessage };

export type CommandResult = CommandSuccess | CommandFailure;

const fail = (kind: 'forbidden' | 'invalid', localized: LocalizedMessage): CommandFailure => ({
  ok: false,
  kind,
  message: formatMessage(localized),
  localized,
});

function scopeMessage(actor: Actor): LocalizedMessage {
  return actor.role === 'handler'
    ? msg('只能办理派遣给本部门的案件', 'You may act only on cases dispatched to your department')
    : msg('只能办理本辖区的案件', 'You may act only on cases in your district');
}

const label = (command: Command): string => COMMAND_LABELS[command].zh;
const labelEn = (command: Command): string => COMMAND_LABELS[command].en;

function roleMayIssue(command: Command, role: ActorRole): boolean {
  return TRANSITIONS[command].roles.includes(role);
}

function stateAllows(command: Command, snapshot: CaseSnapshot): boolean {
  const rule = TRANSITIONS[command];
  return rule.from.includes(snapshot.state) && (rule.guard?.(snapshot) ?? null) === null;
}

/** The commands this actor may issue on this case now (null = no case yet: only `report`). */
export function allowedCommands(snapshot: CaseSnapshot | null, actor: Actor): Command[] {
  if (snapshot === null) return roleMayIssue('report', actor.role) ? ['report'] : [];
  if (!canAct(snapshot, actor)) return [];
  return COMMANDS.filter((c) => roleMayIssue(c, actor.role) && stateAllows(c, snapshot));
}

function illegalState(command: Command, snapshot: CaseSnapshot, actor: Actor, why?: LocalizedMessage) {
  const allowed = allowedCommands(snapshot, actor);
  const state = STATE_LABELS[snapshot.state];
  const zhAllowed = allowed.length ? allowed.map(label).join('、') : '无';
  const enAllowed = allowed.length ? allowed.map(labelEn).join(', ') : 'none';
  const localized = msg(
    `${why ? `${why.zh}。` : ''}案件当前为「${state.zh}」，不能「${label(command)}」；当前可执行：${zhAllowed}`,
    `${why ? `${why.en}. ` : ''}"${labelEn(command)}" is not possible while the case is ${state.en}; allowed now: ${enAllowed}`,
  );
  return {
    ok: false as const,
    kind: 'illegal_state' as const,
    allowed,
    message: formatMessage(localized),
    localized,
  };
}

/**
 * Apply one command. Checks, in order: the command exists, the actor may see and act on the case,
 * the role may issue the command (403), the state allows it (409, listing what is allowed now),
 * the payload is complete (400). On success returns the changed fields, the event to append and
 * what to do with the step clock.
 */
export function applyCommand(
  snapshot: CaseSnapshot | null,
  input: CommandInput,
  actor: Actor,
  now: Date,
): CommandResult {
  if (!isCommand(input.command)) {
    return fail(
      'invalid',
      msg(`未知的指令：${String(input.command)}`, `Unknown command: ${String(input.command)}`),
    );
  }
  const command = input.command;
  const rule = TRANSITIONS[command];
  if (snapshot && !canRead(snapshot, actor)) return fail('forbidden', scopeMessage(actor));
  if (!roleMayIssue(command, actor.role)) {
    return fail(
      'forbidden',
      msg(`当前角色不能「${label(command)}」`, `Your role may not ${labelEn(command)}`),
    );
  }
  if (snapshot === null && command !== 'report') {
    return fail('invalid', msg(`「${label(command)}」需要指定案件`, `${labelEn(command)} needs a case`));
  }
  if (snapshot && !canAct(snapshot, actor)) return fail('forbidden', scopeMessage(actor));
  if (snapshot) {
    if (!rule.from.includes(snapshot.state)) return illegalState(command, snapshot, actor);
    const why = rule.guard?.(snapshot) ?? null;
    if (why) return illegalState(command, snapshot, actor, why);
  }
  const problem = validatePayload(input, snapshot);
  if (problem) return fail('invalid', problem);
  if (command === 'report' && actor.role === 'inspector' && input.source !== 'inspector') {
    return fail(
      'invalid',
      msg('监督员上报的渠道必须是 inspector', "An inspector's report has source 'inspector'"),
    );
  }
  if (snapshot?.state === 'suspended' && command === 'resume' && !snapshot.resumeState) {
    return fail('invalid', msg('缓办案件缺少恢复状态', 'The suspended case has no state to resume to'));
  }
  return succeed(snapshot, input, actor, now);
}

function succeed(
  snapshot: CaseSnapshot | null,
  input: CommandInput,
  actor: Actor,
  now: Date,
): CommandSuccess {
  const command = input.command;
  const rule = TRANSITIONS[command];
  const fromState = snapshot?.state ?? null;
  const toState: CaseState =
    rule.to === 'same'
      ? (fromState as CaseState) // non-null: `same` rules all have from-states
      : rule.to === 'resume'
        ? (snapshot?.resumeState as CaseState) // checked in applyCommand
        : rule.to;
  const { next, data } = effects(snapshot, input, actor, now, toState);
  const event: CaseEventDraft = {
    command,
    fromState,
    toState,
    actorId: actor.userId,
    role: actor.role,
    note: (input.note ?? input.reason ?? '').trim(),
    attachments: [...(input.attachments ?? [])],
    at: now,
    data,
  };
  return { ok: true, next, event, clock: rule.clock };
}

/** Field changes and event data of each command. */
function effects(
  snapshot: CaseSnapshot | null,
  input: CommandInput,
  actor: Actor,
  now: Date,
  state: CaseState,
): { next: CaseChanges; data: EventData } {
  const reason = input.reason?.trim() ?? null;
  const current = snapshot?.departmentId ?? null;
  switch (input.command) {
    case 'report': {
      const source = input.source as Source; // required by the table
      const reporterId = actor.role === 'system' ? null : actor.userId;
      return { next: { state, source, reporterId }, data: { source } };
    }
    case 'verify':
    case 'check':
      return { next: { state }, data: { assigneeId: input.assigneeId ?? null } };
    case 'verifyResult':
    case 'recheckResult':
      return { next: { state }, data: { valid: input.valid ?? null } };
    case 'open': {
      const direct = snapshot?.state === 'reported';
      const next: CaseChanges = input.urgency ? { state, urgency: input.urgency } : { state };
      return { next, data: { direct, urgency: input.urgency ?? snapshot?.urgency ?? null } };
    }
    case 'void':
    case 'closeFailed': {
      const outcome = input.command === 'closeFailed' ? 'failed' : null;
      const next: CaseChanges = outcome ? { state, outcome, closedAt: now } : { state };
      return { next, data: { reason, outcome } };
    }
    case 'approve':
      return { next: { state, outcome: 'approved', closedAt: now }, data: { outcome: 'approved' } };
    case 'merge':
      return {
        next: { state, mergedIntoId: input.mergedIntoId ?? null },
        data: { mergedIntoId: input.mergedIntoId ?? null },
      };
    case 'dispatch':
    case 'redispatch':
    case 'coordinate': {
      const departmentId = input.departmentId?.trim() ?? null;
      const data = {
        departmentId,
        previousDepartmentId: current,
        routingReason: input.routingReason ?? null,
      };
      return { next: { state, departmentId }, data };
    }
    case 'return':
      return { next: { state, departmentId: null }, data: { reason, departmentId: current } };
    case 'rework': {
      const reworkCount = (snapshot?.reworkCount ?? 0) + 1;
      return { next: { state, reworkCount }, data: { reason, departmentId: current, reworkCount } };
    }
    case 'suspend': {
      const minutes = input.extensionMinutes ?? 0;
      const resumeAt = new Date(now.getTime() + minutes * 60_000).toISOString();
      const data = { reason, extensionMinutes: minutes, resumeAt, departmentId: current };
      return { next: { state, resumeState: snapshot?.state ?? null }, data };
    }
    case 'resume':
      return { next: { state, resumeState: null }, data: { resumedTo: state } };
    case 'urge':
    case 'supervise':
      return { next: { state }, data: { departmentId: current } };
    case 'accept':
    case 'acceptTask':
    case 'handle':
      return { next: { state }, data: {} };
  }
}

/** The audit event of an escalation slip from the clock (no state change). */
export function escalationEvent(
  snapshot: CaseSnapshot,
  kind: EscalationKind,
  step: ClockStep,
  now: Date,
  actor: Actor,
): CaseEventDraft {
  return {
    command: kind,
    fromState: snapshot.state,
    toState: snapshot.state,
    actorId: actor.userId,
    role: actor.role,
    note: '',
    attachments: [],
    at: now,
    data: { step, departmentId: snapshot.departmentId, automatic: actor.role === 'system' },
  };
}
