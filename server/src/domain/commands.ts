// The commands of the case workflow (闭环), the people who issue them, and the case as the
// workflow sees it. Plain data, no I/O.
import { CASE_COMMANDS } from '@contract/domain';
import type { CaseState, CategoryKind, Role, Source, Urgency } from '@contract/domain';

export const COMMANDS = CASE_COMMANDS;
export type Command = (typeof COMMANDS)[number];

export const COMMAND_LABELS: Readonly<Record<Command, { zh: string; en: string }>> = {
  report: { zh: '上报', en: 'report' },
  verify: { zh: '派发核实', en: 'order verification' },
  verifyResult: { zh: '核实反馈', en: 'verification result' },
  accept: { zh: '受理', en: 'accept' },
  open: { zh: '立案', en: 'open case' },
  void: { zh: '作废', en: 'void' },
  merge: { zh: '合并重复案件', en: 'merge duplicate' },
  dispatch: { zh: '派遣', en: 'dispatch' },
  acceptTask: { zh: '签收', en: 'accept task' },
  return: { zh: '回退', en: 'return' },
  handle: { zh: '处置反馈', en: 'report handling' },
  check: { zh: '派发核查', en: 'order check' },
  recheckResult: { zh: '核查反馈', en: 're-check result' },
  approve: { zh: '准予结案', en: 'approve and close' },
  rework: { zh: '返工（再次处置）', en: 'rework' },
  closeFailed: { zh: '不合格办结', en: 'close as failed' },
  redispatch: { zh: '重新派遣', en: 'dispatch again' },
  suspend: { zh: '缓办/延期', en: 'suspend' },
  resume: { zh: '恢复办理', en: 'resume' },
  urge: { zh: '催办', en: 'urge' },
  supervise: { zh: '督办', en: 'supervise' },
  coordinate: { zh: '协调派遣', en: 'coordinate' },
};

export const STATE_LABELS: Readonly<Record<CaseState, { zh: string; en: string }>> = {
  reported: { zh: '上报', en: 'reported' },
  verifying: { zh: '核实中', en: 'verifying' },
  accepted: { zh: '已受理', en: 'accepted' },
  opened: { zh: '已立案', en: 'opened' },
  dispatched: { zh: '已派遣', en: 'dispatched' },
  handling: { zh: '处置中', en: 'handling' },
  handled: { zh: '已处置反馈', en: 'handled' },
  checking: { zh: '核查中', en: 'checking' },
  closed: { zh: '已结案', en: 'closed' },
  voided: { zh: '已作废', en: 'voided' },
  returned: { zh: '已回退', en: 'returned' },
  reworked: { zh: '返工', en: 'reworked' },
  suspended: { zh: '缓办', en: 'suspended' },
};

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

export function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value);
}
