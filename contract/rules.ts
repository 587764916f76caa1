// Rules that both ends apply, written once: the server enforces them, the renderer shapes its forms
// and its alarm pop-up by them. (Issue #16: a rule needed on both sides lives here, nowhere else.)
import type { CaseCommand, CaseState, Role } from './domain';

/** Fields of a workflow command's payload that a rule can require. */
export const PAYLOAD_FIELDS = [
  'note',
  'reason',
  'departmentId',
  'mergedIntoId',
  'extensionMinutes',
  'valid',
  'source',
] as const;
export type PayloadField = (typeof PAYLOAD_FIELDS)[number];

/**
 * What each workflow command must carry. The server's transition table (server/src/domain/transitions.ts)
 * rejects a command without them (400); the case drawer's forms ask for them
 * (renderer/src/state/commandForms.ts).
 */
export const COMMAND_REQUIRED: Readonly<Record<CaseCommand, readonly PayloadField[]>> = {
  report: ['source'],
  verify: [],
  verifyResult: ['valid'],
  accept: [],
  open: [],
  void: ['reason'],
  merge: ['mergedIntoId'],
  dispatch: ['departmentId'],
  acceptTask: [],
  return: ['reason'],
  handle: ['note'],
  check: [],
  recheckResult: ['valid'],
  approve: [],
  rework: ['reason'],
  closeFailed: ['reason'],
  redispatch: ['departmentId'],
  suspend: ['reason', 'extensionMinutes'],
  resume: [],
  urge: [],
  supervise: [],
  coordinate: ['departmentId', 'note'],
};

/** Roles that decide alarms (acknowledge, confirm as a case or an incident, mark false). */
export const ALARM_DECIDERS: readonly Role[] = ['supervisor', 'dispatcher', 'commander'];

export function decidesAlarms(role: string | undefined): boolean {
  return role !== undefined && (ALARM_DECIDERS as readonly string[]).includes(role);
}

/**
 * Case states in which a step clock runs: not suspended (paused), closed or voided (over). The overdue
 * figures count these; the server's clocks (domain CLOCK_BY_STATE), the duty overview and the renderer's
 * boards all use this one list.
 */
export const RUNNING_CASE_STATES: readonly CaseState[] = [
  'reported',
  'verifying',
  'accepted',
  'opened',
  'returned',
  'dispatched',
  'handling',
  'reworked',
  'handled',
  'checking',
];

/** Case states still being worked on: the running ones and suspended (not closed or voided). */
export const ACTIVE_CASE_STATES: readonly CaseState[] = [...RUNNING_CASE_STATES, 'suspended'];

/**
 * Who sees the duty overview (值班概况): the centre's shift, whose figures and open items are city-wide,
 * so city-wide command-centre staff (server: access/rules.ts feature `duty`; the renderer offers the
 * panel only to them).
 */
export const DUTY_VIEWERS: readonly Role[] = ['supervisor', 'dispatcher', 'commander', 'leader', 'admin'];

export function seesDutyOverview(user: { role: string; districtCode: string | null } | null): boolean {
  return !!user && user.districtCode === null && (DUTY_VIEWERS as readonly string[]).includes(user.role);
}
