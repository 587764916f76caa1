// 综合评价: rates from counts over a period, the department score and its grade (DOMAIN.md).
// A rate whose denominator is zero is null (nothing to measure); a department with nothing due
// for handling has no score.

export interface EvaluationCounts {
  /** 应处置数: cases due for handling in the period */
  dueForHandling: number;
  /** 处置数 */
  handled: number;
  /** 按期处置数 */
  handledInTime: number;
  /** 应结案数 */
  dueForClosing: number;
  /** 结案数 */
  closed: number;
  /** 按期结案数 */
  closedInTime: number;
  /** 返工数 */
  reworked: number;
  /** 超期未处置数 */
  overdueUnhandled: number;
  /** 缓办/延期数 */
  suspended: number;
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

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

export interface DepartmentEvaluation {
  rates: EvaluationRates;
  /** 0–100, two decimals; null when nothing was due */
  score: number | null;
  grade: Grade | null;
}

function rate(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  return Math.min(1, Math.max(0, numerator / denominator));
}

export function evaluationRates(c: EvaluationCounts): EvaluationRates {
  return {
    handlingRate: rate(c.handled, c.dueForHandling),
    handlingInTimeRate: rate(c.handledInTime, c.dueForHandling),
    closingRate: rate(c.closed, c.dueForClosing),
    closingInTimeRate: rate(c.closedInTime, c.dueForClosing - c.suspended),
    reworkRate: rate(c.reworked, c.dueForClosing),
    overdueRate: rate(c.overdueUnhandled, c.dueForHandling),
    // 延期率 is not defined in the rulebook we follow: suspended / due for handling
    suspensionRate: rate(c.suspended, c.dueForHandling),
  };
}

/** A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else E. */
export function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 75) return 'B';
  if (score >= 60) return 'C';
  if (score >= 40) return 'D';
  return 'E';
}

/** 处置率×30 + 按期处置率×20 + (1−返工率)×20 + (1−超期待处置率)×20 + (1−延期率)×10. */
export function evaluateDepartment(c: EvaluationCounts): DepartmentEvaluation {
  const rates = evaluationRates(c);
  if (rates.handlingRate === null) return { rates, score: null, grade: null };
  const raw =
    rates.handlingRate * 30 +
    (rates.handlingInTimeRate ?? 0) * 20 +
    (1 - (rates.reworkRate ?? 0)) * 20 +
    (1 - (rates.overdueRate ?? 0)) * 20 +
    (1 - (rates.suspensionRate ?? 0)) * 10;
  const score = Math.round(raw * 100) / 100;
  return { rates, score, grade: gradeOf(score) };
}

export interface InspectorCounts {
  reports: number;
  validReports: number;
  /** problems found by others in the inspector's grid that it should have reported */
  missed: number;
  opened: number;
}

/** 有效上报率 = valid / reports; 漏报率 = missed / opened. */
export function inspectorRates(c: InspectorCounts): { validRate: number | null; missedRate: number | null } {
  return { validRate: rate(c.validReports, c.reports), missedRate: rate(c.missed, c.opened) };
}
