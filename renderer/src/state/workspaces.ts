// Which workspace each role gets and what its tabs hold. Plain data: the queue service turns a tab into
// REST queries, the queue updaters use the same definition to decide whether a changed case belongs.
import type { CaseState, Role, Source } from '@contract/domain';
import { ACTIVE_CASE_STATES, RUNNING_CASE_STATES } from '@contract/rules';

export type ClockColour = 'green' | 'yellow' | 'red';
export type SortKey = '-reportedAt' | 'reportedAt' | 'deadline' | 'urgency';
export const SORT_KEYS: readonly SortKey[] = ['deadline', '-reportedAt', 'reportedAt', 'urgency'];

export type CaseTabId =
  | 'intake'
  | 'checking'
  | 'dispatch'
  | 'inProgress'
  | 'overdue'
  | 'tasks'
  | 'feedback'
  | 'fieldwork'
  | 'alarmCases';
export type TabId = CaseTabId | 'alarms' | 'overview' | 'adminUsers' | 'drills';

export interface CaseTab {
  id: CaseTabId;
  kind: 'cases';
  states: readonly CaseState[];
  /** only cases whose clock shows one of these colours (the overdue board) */
  clocks?: readonly ClockColour[];
  /** only cases from these report channels (the commander's cases confirmed from alarms) */
  sources?: readonly Source[];
  sort: SortKey;
}

export type Tab =
  | CaseTab
  | { id: 'alarms'; kind: 'alarms' }
  | { id: 'overview'; kind: 'overview' }
  | { id: 'adminUsers'; kind: 'admin' }
  | { id: 'drills'; kind: 'drills' };

/** States in which a case is still being worked on (not closed, voided): contract/rules.ts. */
export const ACTIVE_STATES: readonly CaseState[] = ACTIVE_CASE_STATES;

/** States whose step clock runs (the overdue boards): contract/rules.ts. */
const RUNNING_STATES = RUNNING_CASE_STATES;

export const TABS: Readonly<Record<TabId, Tab>> = {
  intake: { id: 'intake', kind: 'cases', states: ['reported', 'verifying', 'accepted'], sort: '-reportedAt' },
  checking: { id: 'checking', kind: 'cases', states: ['handled', 'checking'], sort: 'deadline' },
  dispatch: { id: 'dispatch', kind: 'cases', states: ['opened', 'returned'], sort: 'deadline' },
  inProgress: {
    id: 'inProgress',
    kind: 'cases',
    states: ['dispatched', 'handling', 'reworked', 'suspended'],
    sort: 'deadline',
  },
  overdue: {
    id: 'overdue',
    kind: 'cases',
    states: RUNNING_STATES,
    clocks: ['red', 'yellow'],
    sort: 'deadline',
  },
  tasks: { id: 'tasks', kind: 'cases', states: ['dispatched', 'handling', 'reworked'], sort: 'deadline' },
  feedback: {
    id: 'feedback',
    kind: 'cases',
    states: ['handled', 'checking', 'suspended'],
    sort: '-reportedAt',
  },
  fieldwork: { id: 'fieldwork', kind: 'cases', states: ['verifying', 'checking'], sort: 'deadline' },
  alarmCases: {
    id: 'alarmCases',
    kind: 'cases',
    states: ACTIVE_STATES,
    sources: ['sensor'],
    sort: '-reportedAt',
  },
  alarms: { id: 'alarms', kind: 'alarms' },
  overview: { id: 'overview', kind: 'overview' },
  adminUsers: { id: 'adminUsers', kind: 'admin' },
  drills: { id: 'drills', kind: 'drills' },
};

/** The tabs of each role's workspace, the first one opens after sign-in. */
export const WORKSPACE_TABS: Readonly<Record<Role, readonly TabId[]>> = {
  supervisor: ['intake', 'checking'],
  dispatcher: ['dispatch', 'inProgress', 'overdue'],
  handler: ['tasks', 'feedback'],
  inspector: ['fieldwork'],
  commander: ['alarms', 'alarmCases', 'overdue'],
  leader: ['overview'],
  admin: ['overview', 'adminUsers', 'drills'],
  trainer: ['drills'],
};

export function tabsFor(role: Role): readonly TabId[] {
  return WORKSPACE_TABS[role];
}

export function caseTab(id: TabId): CaseTab | null {
  const tab = TABS[id];
  return tab.kind === 'cases' ? tab : null;
}
