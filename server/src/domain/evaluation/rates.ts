// 综合评价 rates from counts over a period (DOMAIN.md, docs/adr/0014). A rate whose denominator is zero
// is null (nothing to measure). Drill cases never reach these counts (the queries leave them out).
import type { EvaluationSettings } from '@contract/evaluation';

export interface EvaluationCounts {
  /** 应处置数: cases dispatched to a department */
  dueForHandling: number;
  /** 处置数 */
  handled: number;
  /** 按期处置数: handled without the handling step going overdue */
  handledInTime: number;
  /** 应结案数: opened cases that were not voided */
  dueForClosing: number;
  /** 结案数 (approved or closed as failed) */
  closed: number;
  /** 按期结案数: closed without any step going overdue */
  closedInTime: number;
  /** 返工数: cases sent back to handling at least once (a case reworked twice counts once) */
  reworked: number;
  /** 超期待处置数: dispatched, not handled, handling step overdue */
  overdueUnhandled: number;
  /** 缓办/延期数 */
  suspended: number;
  /** 立案数 (for the published preset's 立案数分值) */
  opened?: number;
}

export interface EvaluationRates {
  handlingRate: number | null; // 处置率
  handlingInTimeRate: number | null; // 按期处置率
  closingRate: number | null; // 结案率
  closingInTimeRate: number | null; // 按期结案率
  reworkRate: number | null; // 返工率
  overdueRate: number | null; // 超期待处置率
  suspensionRate: number | null; // 延期率
}

export function rate(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  return Math.min(1, Math.max(0, numerator / denominator));
}

export function evaluationRates(
  c: EvaluationCounts,
  denominator: EvaluationSettings['closingInTimeDenominator'] = 'dueMinusSuspended',
): EvaluationRates {
  const inTimeBase = denominator === 'due' ? c.dueForClosing : c.dueForClosing - c.suspended;
  return {
    handlingRate: rate(c.handled, c.dueForHandling),
    handlingInTimeRate: rate(c.handledInTime, c.dueForHandling),
    closingRate: rate(c.closed, c.dueForClosing),
    closingInTimeRate: rate(c.closedInTime, inTimeBase),
    reworkRate: rate(c.reworked, c.dueForClosing),
    overdueRate: rate(c.overdueUnhandled, c.dueForHandling),
    // 延期率: suspended ÷ due for handling (the rulebook we follow leaves it undefined)
    suspensionRate: rate(c.suspended, c.dueForHandling),
  };
}

export interface InspectorCounts {
  reports: number;
  validReports: number;
  /** problems in the inspector's cells opened from other channels: it should have reported them */
  missed: number;
  opened: number;
}

/** 有效上报率 = valid / reports; 漏报率 = missed / opened. */
export function inspectorRates(c: InspectorCounts): { validRate: number | null; missedRate: number | null } {
  return { validRate: rate(c.validReports, c.reports), missedRate: rate(c.missed, c.opened) };
}

export interface DispatcherCounts {
  dispatched: number;
  /** dispatched before the dispatch step went overdue */
  dispatchedInTime: number;
  /** dispatched and never returned by the department (回退 = wrong department) */
  dispatchedAccurately: number;
}

/** 按时派遣率 = in time / dispatched; 准确派遣率 = accurate / dispatched. */
export function dispatcherRates(c: DispatcherCounts): {
  onTimeRate: number | null;
  accurateRate: number | null;
} {
  return {
    onTimeRate: rate(c.dispatchedInTime, c.dispatched),
    accurateRate: rate(c.dispatchedAccurately, c.dispatched),
  };
}

export interface ShiftLeadCounts {
  opened: number;
  /** opened before the accept step went overdue */
  openedInTime: number;
  /** opened and not voided afterwards */
  openedAccurately: number;
}

/** 按时立案率 = in time / opened; 准确立案率 = accurate / opened. */
export function shiftLeadRates(c: ShiftLeadCounts): {
  onTimeRate: number | null;
  accurateRate: number | null;
} {
  return { onTimeRate: rate(c.openedInTime, c.opened), accurateRate: rate(c.openedAccurately, c.opened) };
}
