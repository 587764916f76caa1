// The workflow's follow-ups: what the rules add to a person's command before and after it is applied.
// - A dispatch that names no department goes to the department routing suggested (with its reason).
// - Opening a case of a category that dispatches automatically (e.g. 12345 categories with one owner)
//   is followed at once, in the same transaction, by the system's dispatch to the suggested department.
// Pure: the case service applies both and writes every resulting transition together.
import type { CommandInput } from './commands';

/** Routing's suggestion as stored on the case when it was reported (domain/routing.ts). */
export interface Suggestion {
  suggestedDepartmentId: string | null;
  routingReason: string;
}

/** The command as the workflow should apply it: a dispatch without a department takes the suggestion. */
export function withSuggestedDepartment(input: CommandInput, suggestion: Suggestion): CommandInput {
  if (input.command !== 'dispatch' || input.departmentId || !suggestion.suggestedDepartmentId) return input;
  return {
    ...input,
    departmentId: suggestion.suggestedDepartmentId,
    routingReason: suggestion.routingReason,
  };
}

/** The system's command that follows a successful one, if any (applied as SYSTEM_ACTOR). */
export function followUpOf(
  applied: CommandInput,
  category: { autoDispatch: boolean },
  after: Suggestion,
): CommandInput | null {
  if (applied.command !== 'open' || !category.autoDispatch || !after.suggestedDepartmentId) return null;
  return {
    command: 'dispatch',
    departmentId: after.suggestedDepartmentId,
    routingReason: after.routingReason,
  };
}

/** The note and data the automatic dispatch's event carries, so the timeline says why it happened. */
export function followUpNote(after: Suggestion): { note: string; data: { automatic: true } } {
  return { note: `自动派遣：${after.routingReason} / automatic dispatch`, data: { automatic: true } };
}
