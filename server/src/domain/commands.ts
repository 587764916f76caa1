// The commands of the case workflow (闭环), the people who issue them, and the case as the
// workflow sees it. Plain data, no I/O.
import { CASE_COMMANDS } from '@contract/domain';
import type { CaseState, CategoryKind, Role, Source, Urgency } from '@contract/domain';

export const COMMANDS = CASE_COMMANDS;
export type Command = (typeof COMMANDS)[number];

// The labels live in the shared contract so the renderer shows the same words.
export { COMMAND_LABELS, STATE_LABELS } from '@contract/labels';

/** Jobs of the server itself (ingest, auto-dispatch, escalation sweep) act as 'system'. */
export type ActorRole = Role | 'system';

/** Who issues a command; the shape of the session (contract/socket.ts SessionInfo). */
export interface Actor {
  userId: string;
  role: ActorRole;
  /** the handler's own department */
  departmentId: string | null;
  /** set for district-level staff: they see and act only within this district */
  districtCode: string | null;
}

export const SYSTEM_ACTOR: Actor = {
  userId: 'system',
  role: 'system',
  departmentId: null,
  districtCode: null,
};

export type CaseOutcome = 'approved' | 'failed';

/** The fields of a case the workflow reads (a subset of the Case row). */
export interface CaseSnapshot {
  id: string;
  state: CaseState;
  source: Source;
  kind: CategoryKind;
  categoryId: string;
  urgency: Urgency;
  districtCode: string | null;
  streetCode: string | null;
  /** the responsible department once dispatched */
  departmentId: string | null;
  /** the state a suspended case resumes to */
  resumeState: CaseState | null;
  outcome: CaseOutcome | null;
  reworkCount: number;
  reporterId: string | null;
  mergedIntoId: string | null;
}

/** A command with its payload; which fields are required depends on the command. */
export interface CommandInput {
  command: Command;
  note?: string;
  /** mandatory for void, return, rework, closeFailed, suspend */
  reason?: string;
  /** photo / file URLs */
  attachments?: string[];
  /** target of dispatch, redispatch, coordinate */
  departmentId?: string;
  /** the case a duplicate is merged into */
  mergedIntoId?: string;
  /** suspend: the requested extension (natural minutes until planned resumption) */
  extensionMinutes?: number;
  /** verifyResult / recheckResult: is the problem real (verify) or solved (re-check)? */
  valid?: boolean;
  /** report: the channel */
  source?: Source;
  /** open: urgency decided on opening (defaults to the reported one) */
  urgency?: Urgency;
  /** verify, check: the inspector asked to go on site */
  assigneeId?: string;
  /** dispatch: the routing rule that suggested the department */
  routingReason?: string;
}

// Which payload fields a command requires is a rule of the shared contract.
export { PAYLOAD_FIELDS, type PayloadField } from '@contract/rules';

export function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}
