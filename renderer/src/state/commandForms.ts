// Which fields each workflow command asks for, and the request body built from what was typed.
// The required fields are the contract's rule (contract/rules.ts COMMAND_REQUIRED), which the server's
// transition table enforces too.
import type { CommandBody, CaseDetail } from '@contract/cases';
import type { CaseCommand, Urgency } from '@contract/domain';
import { COMMAND_REQUIRED } from '@contract/rules';

export type FormField =
  | 'reason'
  | 'note'
  | 'departmentId'
  | 'mergedIntoId'
  | 'extensionMinutes'
  | 'valid'
  | 'attachments'
  | 'urgency';

export type Tone = 'primary' | 'danger' | 'neutral';

export interface CommandForm {
  required: readonly FormField[];
  optional: readonly FormField[];
  tone: Tone;
}

/** The contract's required fields that a form asks for (`source` is the report channel, not typed). */
const requiredOf = (command: CaseCommand): FormField[] =>
  COMMAND_REQUIRED[command].filter(
    (f): f is FormField & (typeof COMMAND_REQUIRED)[CaseCommand][number] => f !== 'source',
  );

const form = (
  command: CaseCommand,
  optional: FormField[] = ['note'],
  tone: Tone = 'primary',
): CommandForm => ({
  required: requiredOf(command),
  optional,
  tone,
});

export const COMMAND_FORMS: Readonly<Record<CaseCommand, CommandForm>> = {
  report: form('report', [], 'neutral'),
  verify: form('verify'),
  verifyResult: form('verifyResult', ['note', 'attachments']),
  accept: form('accept'),
  open: form('open', ['urgency', 'note']),
  void: form('void', [], 'danger'),
  merge: form('merge', ['note'], 'danger'),
  dispatch: form('dispatch'),
  acceptTask: form('acceptTask'),
  return: form('return', [], 'danger'),
  handle: form('handle', ['attachments']),
  check: form('check'),
  recheckResult: form('recheckResult', ['note', 'attachments']),
  approve: form('approve'),
  rework: form('rework', [], 'danger'),
  closeFailed: form('closeFailed', [], 'danger'),
  redispatch: form('redispatch', ['note', 'reason']),
  suspend: form('suspend', [], 'neutral'),
  resume: form('resume', ['note'], 'neutral'),
  urge: form('urge', ['note'], 'neutral'),
  supervise: form('supervise', ['note'], 'neutral'),
  coordinate: form('coordinate', [], 'neutral'),
};

export function fieldsOf(command: CaseCommand): FormField[] {
  const { required, optional } = COMMAND_FORMS[command];
  return [...required, ...optional];
}

/** What the user typed; strings as in the inputs. */
export interface FormValues {
  reason: string;
  note: string;
  departmentId: string;
  mergedIntoId: string;
  /** hours, as typed */
  extensionHours: string;
  valid: '' | 'yes' | 'no';
  attachments: string[];
  urgency: '' | Urgency;
}

/** The values a form starts with: the suggested department, the duplicate to merge into. */
export function initialValues(command: CaseCommand, detail: CaseDetail): FormValues {
  const department =
    command === 'dispatch'
      ? (detail.suggestedDepartmentId ?? '')
      : command === 'redispatch' || command === 'coordinate'
        ? (detail.departmentId ?? detail.suggestedDepartmentId ?? '')
        : '';
  return {
    reason: '',
    note: '',
    departmentId: department,
    mergedIntoId: detail.duplicateOfId ?? detail.possibleDuplicates[0]?.id ?? '',
    extensionHours: command === 'suspend' ? '24' : '',
    valid: '',
    attachments: [],
    urgency: '',
  };
}

export type BuildResult = { ok: true; body: CommandBody } | { ok: false; missing: FormField[] };

const MAX_EXTENSION_HOURS = 24 * 60;

/** The body of POST /api/cases/:id/commands, or the required fields still missing. */
export function buildCommandBody(command: CaseCommand, values: FormValues, version: number): BuildResult {
  const fields = fieldsOf(command);
  const { required } = COMMAND_FORMS[command];
  const body: CommandBody = { command, version };
  const missing: FormField[] = [];
  const text = (field: 'reason' | 'note' | 'departmentId' | 'mergedIntoId') => {
    const value = values[field].trim();
    if (value) body[field] = value;
    else if (required.includes(field)) missing.push(field);
  };
  for (const field of fields) {
    switch (field) {
      case 'reason':
      case 'note':
      case 'departmentId':
      case 'mergedIntoId':
        text(field);
        break;
      case 'extensionMinutes': {
        const hours = Number(values.extensionHours);
        if (Number.isFinite(hours) && hours > 0 && hours <= MAX_EXTENSION_HOURS)
          body.extensionMinutes = Math.round(hours * 60);
        else missing.push(field);
        break;
      }
      case 'valid':
        if (values.valid === '') missing.push(field);
        else body.valid = values.valid === 'yes';
        break;
      case 'attachments': {
        const urls = values.attachments.map((a) => a.trim()).filter(Boolean);
        if (urls.length) body.attachments = urls;
        else if (required.includes(field)) missing.push(field);
        break;
      }
      case 'urgency':
        if (values.urgency) body.urgency = values.urgency;
        break;
    }
  }
  return missing.length ? { ok: false, missing } : { ok: true, body };
}
