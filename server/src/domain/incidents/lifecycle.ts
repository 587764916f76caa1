// The incident lifecycle as a table, like the case workflow's (transitions.ts): for each command the
// states it may be issued in, the state it leads to, the roles that may issue it and the fields it
// needs. applyIncidentCommand() interprets it; a refused command names the commands allowed now.
//
// Decisions:
// - The first assignment moves a reported incident to `dispatched`; later ones keep the state.
// - `responding` and `on_scene` follow the units (deriveIncidentState): the first unit en route makes
//   the incident responding, the first unit on scene makes it on scene. The state only moves forward.
// - `under_control` and `closed` are the commander's word; closing needs a summary, cancelling a reason.
// - Dispatchers assign, release, note and link; only commanders change the level, hand over and close.
import type { IncidentLevel, IncidentState, UnitStatus } from '@contract/incidents';
import { INCIDENT_COMMANDS, INCIDENT_STATE_LABELS } from '@contract/incidents';
import { formatMessage, msg, type LocalizedMessage } from '../errors';

export { INCIDENT_COMMANDS };
export type IncidentCommand = (typeof INCIDENT_COMMANDS)[number];

export type IncidentRole = 'commander' | 'dispatcher' | 'system';
export type IncidentField =
  'unitId' | 'status' | 'note' | 'level' | 'commanderId' | 'links' | 'summary' | 'reason';

export interface IncidentRule {
  from: readonly IncidentState[];
  /** 'same' keeps the state; 'derive' lets the units decide (deriveIncidentState) */
  to: IncidentState | 'same' | 'derive';
  roles: readonly IncidentRole[];
  required: readonly IncidentField[];
}

export const ACTIVE_STATES: readonly IncidentState[] = [
  'reported',
  'dispatched',
  'responding',
  'on_scene',
  'under_control',
];
const WORKING: readonly IncidentState[] = ['dispatched', 'responding', 'on_scene', 'under_control'];
const BOTH: readonly IncidentRole[] = ['commander', 'dispatcher'];

export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentCommand, IncidentRule>> = {
  assign: { from: ACTIVE_STATES, to: 'derive', roles: BOTH, required: ['unitId'] },
  release: { from: WORKING, to: 'same', roles: BOTH, required: ['unitId'] },
  unitStatus: { from: WORKING, to: 'derive', roles: [...BOTH, 'system'], required: ['unitId', 'status'] },
  note: { from: ACTIVE_STATES, to: 'same', roles: [...BOTH, 'system'], required: ['note'] },
  setLevel: { from: ACTIVE_STATES, to: 'same', roles: ['commander'], required: ['level'] },
  handOver: { from: ACTIVE_STATES, to: 'same', roles: ['commander'], required: ['commanderId'] },
  link: { from: ACTIVE_STATES, to: 'same', roles: [...BOTH, 'system'], required: ['links'] },
  control: { from: ['on_scene'], to: 'under_control', roles: ['commander'], required: [] },
  close: { from: ['on_scene', 'under_control'], to: 'closed', roles: ['commander'], required: ['summary'] },
  cancel: {
    from: ['reported', 'dispatched', 'responding'],
    to: 'cancelled',
    roles: ['commander'],
    required: ['reason'],
  },
};

export const INCIDENT_COMMAND_LABELS: Readonly<Record<IncidentCommand, LocalizedMessage>> = {
  assign: msg('调派', 'Assign'),
  release: msg('撤回', 'Release'),
  unitStatus: msg('单元状态', 'Unit status'),
  note: msg('记录', 'Note'),
  setLevel: msg('调整等级', 'Change level'),
  handOver: msg('移交指挥', 'Hand over'),
  link: msg('关联', 'Link'),
  control: msg('已控制', 'Under control'),
  close: msg('结束', 'Close'),
  cancel: msg('撤销', 'Cancel'),
};

const ORDER: Readonly<Record<IncidentState, number>> = {
  reported: 0,
  dispatched: 1,
  responding: 2,
  on_scene: 3,
  under_control: 4,
  closed: 5,
  cancelled: 5,
};

/** The incident's state after its units changed: only ever forward, never past on_scene. */
export function deriveIncidentState(
  state: IncidentState,
  units: readonly UnitStatus[],
  assigned: boolean,
): IncidentState {
  let next: IncidentState = state;
  if (assigned && ORDER[next] < ORDER.dispatched) next = 'dispatched';
  if (units.includes('en_route') && ORDER[next] < ORDER.responding) next = 'responding';
  if (units.includes('on_scene') && ORDER[next] < ORDER.on_scene) next = 'on_scene';
  return next;
}

export interface IncidentActor {
  userId: string | null;
  role: string;
}

export interface IncidentCommandInput {
  command: IncidentCommand;
  unitId?: string;
  status?: UnitStatus;
  note?: string;
  level?: IncidentLevel;
  commanderId?: string;
  links?: { caseIds?: string[]; alarmIds?: string[]; cameraIds?: string[] };
  summary?: string;
  reason?: string;
}

export type IncidentCommandResult =
  | { ok: true; to: IncidentState | 'same' | 'derive' }
  | { ok: false; kind: 'illegal_state'; allowed: IncidentCommand[]; message: string }
  | { ok: false; kind: 'forbidden' | 'invalid'; message: string };

/** Commands this actor may issue on an incident in `state`. */
export function allowedIncidentCommands(state: IncidentState, role: string): IncidentCommand[] {
  return INCIDENT_COMMANDS.filter((c) => {
    const rule = INCIDENT_TRANSITIONS[c];
    return rule.from.includes(state) && (rule.roles as readonly string[]).includes(role);
  });
}

function present(input: IncidentCommandInput, field: IncidentField): boolean {
  const value = input[field];
  if (field === 'links') {
    const l = input.links;
    return !!l && [l.caseIds, l.alarmIds, l.cameraIds].some((a) => (a?.length ?? 0) > 0);
  }
  return typeof value === 'string' ? value.trim().length > 0 : value !== undefined && value !== null;
}

/** Checks role, state and fields; the caller then applies the change and appends the event. */
export function checkIncidentCommand(
  state: IncidentState,
  actor: IncidentActor,
  input: IncidentCommandInput,
): IncidentCommandResult {
  const rule = INCIDENT_TRANSITIONS[input.command];
  const label = INCIDENT_COMMAND_LABELS[input.command];
  if (!(rule.roles as readonly string[]).includes(actor.role)) {
    return {
      ok: false,
      kind: 'forbidden',
      message: formatMessage(msg(`无权执行「${label.zh}」`, `Your role may not ${label.en.toLowerCase()}`)),
    };
  }
  if (!rule.from.includes(state)) {
    const allowed = allowedIncidentCommands(state, actor.role);
    const s = INCIDENT_STATE_LABELS[state];
    return {
      ok: false,
      kind: 'illegal_state',
      allowed,
      message: formatMessage(
        msg(
          `事件处于「${s.zh}」，不能${label.zh}；可执行：${allowed.map((c) => INCIDENT_COMMAND_LABELS[c].zh).join('、') || '无'}`,
          `The incident is ${s.en.toLowerCase()}: cannot ${label.en.toLowerCase()}; allowed: ${allowed.join(', ') || 'none'}`,
        ),
      ),
    };
  }
  const missing = rule.required.filter((f) => !present(input, f));
  if (missing.length) {
    return {
      ok: false,
      kind: 'invalid',
      message: formatMessage(msg(`缺少字段：${missing.join('、')}`, `Missing fields: ${missing.join(', ')}`)),
    };
  }
  return { ok: true, to: rule.to };
}
