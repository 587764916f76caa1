// Names of the domain's closed vocabularies in the interface language (contract/labels.ts).
import type { CaseCommand, CaseState, Source, Urgency } from '@contract/domain';
import {
  COMMAND_LABELS,
  ESCALATION_LABELS,
  ROLE_LABELS,
  SOURCE_LABELS,
  STATE_LABELS,
  URGENCY_LABELS,
  type Label,
} from '@contract/labels';
import type { Lang } from '../state/ui';
import { translate } from './translate';

function pick(label: Label, lang: Lang): string {
  if (lang === 'zh') return label.zh;
  return label.en.charAt(0).toUpperCase() + label.en.slice(1);
}

export const commandLabel = (command: CaseCommand, lang: Lang): string => pick(COMMAND_LABELS[command], lang);
export const stateLabel = (state: CaseState, lang: Lang): string => pick(STATE_LABELS[state], lang);
export const sourceLabel = (source: Source, lang: Lang): string => pick(SOURCE_LABELS[source], lang);
export const urgencyLabel = (urgency: Urgency, lang: Lang): string => pick(URGENCY_LABELS[urgency], lang);

/** Roles of people, plus the server itself ('system'); unknown codes are shown as they are. */
export function roleLabel(role: string, lang: Lang): string {
  if (role === 'system') return translate(lang, 'role.system');
  const label = (ROLE_LABELS as Record<string, Label | undefined>)[role];
  return label ? pick(label, lang) : role;
}

/** A state code from the timeline, which may be any string. */
export function stateLabelOf(state: string | null, lang: Lang): string {
  if (state === null) return '';
  const label = (STATE_LABELS as Record<string, Label | undefined>)[state];
  return label ? pick(label, lang) : state;
}

/** A timeline entry's command; the clock sweep's slips (role 'system') have their own names. */
export function commandLabelOf(command: string, lang: Lang, role?: string): string {
  const escalation = (ESCALATION_LABELS as Record<string, Label | undefined>)[command];
  if (escalation && (role === 'system' || !(command in COMMAND_LABELS))) return pick(escalation, lang);
  const label = (COMMAND_LABELS as Record<string, Label | undefined>)[command];
  return label ? pick(label, lang) : command;
}
