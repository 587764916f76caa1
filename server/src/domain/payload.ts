// Payload checks of workflow commands: the fields the transition table requires, plus general
// limits (note length, attachments, extension range). Returns what to fix, or null.
import { SOURCES, URGENCIES } from '@contract/domain';
import { COMMAND_LABELS, type CaseSnapshot, type CommandInput, type PayloadField } from './commands';
import { msg, type LocalizedMessage } from './errors';
import { TRANSITIONS } from './transitions';

export const MAX_NOTE_LENGTH = 2000;
export const MAX_ATTACHMENTS = 20;
export const MAX_EXTENSION_MINUTES = 60 * 24 * 60; // 60 days

const FIELD_LABELS: Readonly<Record<PayloadField, LocalizedMessage>> = {
  note: { zh: '说明', en: 'a note' },
  reason: { zh: '理由', en: 'a reason' },
  departmentId: { zh: '责任单位', en: 'the department' },
  mergedIntoId: { zh: '合并到的案件', en: 'the case to merge into' },
  extensionMinutes: { zh: '延期时长', en: 'the extension' },
  valid: { zh: '核实结果', en: 'the result' },
  source: { zh: '上报渠道', en: 'the report channel' },
};

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** Checks the payload against the rule's required fields and general limits. */
export function validatePayload(input: CommandInput, snapshot: CaseSnapshot | null): LocalizedMessage | null {
  const command = COMMAND_LABELS[input.command];
  for (const field of TRANSITIONS[input.command].required) {
    const value = input[field];
    const missing = typeof value === 'string' ? blank(value) : value === undefined || value === null;
    if (missing) {
      const name = FIELD_LABELS[field];
      return msg(`「${command.zh}」必须填写${name.zh}`, `${command.en} requires ${name.en} (${field})`);
    }
  }
  for (const text of [input.note, input.reason]) {
    if (text !== undefined && text.length > MAX_NOTE_LENGTH) {
      return msg(
        `说明不能超过 ${MAX_NOTE_LENGTH} 字`,
        `Notes and reasons are limited to ${MAX_NOTE_LENGTH} characters`,
      );
    }
  }
  const attachments = input.attachments ?? [];
  if (
    !Array.isArray(attachments) ||
    attachments.length > MAX_ATTACHMENTS ||
    attachments.some((a) => blank(a))
  ) {
    return msg(`附件最多 ${MAX_ATTACHMENTS} 个且不能为空`, `Up to ${MAX_ATTACHMENTS} non-empty attachments`);
  }
  if (input.source !== undefined && !SOURCES.includes(input.source)) {
    return msg(`未知的上报渠道：${input.source}`, `Unknown report channel: ${input.source}`);
  }
  if (input.urgency !== undefined && !URGENCIES.includes(input.urgency)) {
    return msg(`未知的紧急程度：${input.urgency}`, `Unknown urgency: ${input.urgency}`);
  }
  if (input.valid !== undefined && typeof input.valid !== 'boolean') {
    return msg('核实结果必须是是或否', 'valid must be true or false');
  }
  const ext = input.extensionMinutes;
  if (ext !== undefined && (!Number.isInteger(ext) || ext <= 0 || ext > MAX_EXTENSION_MINUTES)) {
    return msg('延期时长必须是 1 分钟到 60 天之间的整数分钟', 'The extension must be 1 minute to 60 days');
  }
  if (input.mergedIntoId !== undefined && snapshot && input.mergedIntoId === snapshot.id) {
    return msg('案件不能合并到自身', 'A case cannot be merged into itself');
  }
  return null;
}
