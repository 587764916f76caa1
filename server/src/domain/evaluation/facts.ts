// What one case contributes to the evaluation, folded from its audit trail (CaseEvent rows, oldest
// first). The database keeps the same facts per case in CaseMetric (triggers on CaseEvent, docs/adr/0014);
// this fold is the reference the tests and the bench baseline compare it with.
import type { EvaluationCounts } from './rates';

export interface FactEvent {
  command: string;
  actorId: string | null;
  /** the JSON data of the event (escalations carry {"step": …}) */
  step?: string | null;
}

export interface CaseFacts {
  opened: boolean;
  openedLate: boolean;
  openerId: string | null;
  dispatched: boolean;
  dispatchedLate: boolean;
  dispatcherId: string | null;
  returned: number;
  handled: boolean;
  handledLate: boolean;
  closed: boolean;
  /** any step went overdue (an urge slip of the clock) */
  late: boolean;
  reworks: number;
  suspended: boolean;
  voided: boolean;
}

export const emptyFacts = (): CaseFacts => ({
  opened: false,
  openedLate: false,
  openerId: null,
  dispatched: false,
  dispatchedLate: false,
  dispatcherId: null,
  returned: 0,
  handled: false,
  handledLate: false,
  closed: false,
  late: false,
  reworks: 0,
  suspended: false,
  voided: false,
});

/** One event folded in (the trigger does the same per inserted CaseEvent row). */
export function foldFact(f: CaseFacts, e: FactEvent): CaseFacts {
  const next = { ...f };
  switch (e.command) {
    case 'open':
      next.opened = true;
      next.openerId ??= e.actorId;
      break;
    case 'dispatch':
    case 'redispatch':
      next.dispatched = true;
      next.dispatcherId ??= e.actorId;
      break;
    case 'return':
      next.returned += 1;
      break;
    case 'handle':
      next.handled = true;
      break;
    case 'approve':
    case 'closeFailed':
      next.closed = true;
      break;
    case 'rework':
      next.reworks += 1;
      break;
    case 'suspend':
      next.suspended = true;
      break;
    case 'void':
      next.voided = true;
      break;
    case 'urge':
      // only the clock's slips name a step; a person's urge is not a missed deadline
      if (e.step) {
        next.late = true;
        if (e.step === 'accept') next.openedLate = true;
        if (e.step === 'dispatch') next.dispatchedLate = true;
        if (e.step === 'handle') next.handledLate = true;
      }
      break;
  }
  return next;
}

export const factsOf = (events: readonly FactEvent[]): CaseFacts => events.reduce(foldFact, emptyFacts());

export interface CountedCase {
  facts: CaseFacts;
  drill: boolean;
}

/** The counts of a set of cases (drill cases never count). */
export function countCases(cases: Iterable<CountedCase>): EvaluationCounts & { opened: number } {
  const c = {
    dueForHandling: 0,
    handled: 0,
    handledInTime: 0,
    dueForClosing: 0,
    closed: 0,
    closedInTime: 0,
    reworked: 0,
    overdueUnhandled: 0,
    suspended: 0,
    opened: 0,
  };
  for (const { facts: f, drill } of cases) {
    if (drill) continue;
    if (f.opened) c.opened += 1;
    if (f.opened && !f.voided) c.dueForClosing += 1;
    if (f.closed) c.closed += 1;
    if (f.closed && !f.late) c.closedInTime += 1;
    if (f.reworks > 0) c.reworked += 1;
    if (f.suspended) c.suspended += 1;
    if (f.dispatched) {
      c.dueForHandling += 1;
      if (f.handled) c.handled += 1;
      if (f.handled && !f.handledLate) c.handledInTime += 1;
      if (!f.handled && f.handledLate && !f.voided) c.overdueUnhandled += 1;
    }
  }
  return c;
}
