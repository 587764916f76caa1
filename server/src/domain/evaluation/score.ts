// The composite score of a department (or district, street …) from its rates and the settings in force,
// its grade, and the ranking against the previous period.
import { DOMAIN_PRESET, INVERTED_METRICS, type EvaluationSettings, type Grade } from '@contract/evaluation';
import { evaluationRates, type EvaluationCounts, type EvaluationRates } from './rates';

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type { Grade };

export interface DepartmentEvaluation {
  rates: EvaluationRates;
  /** 0–100, two decimals; null when nothing was due for handling */
  score: number | null;
  grade: Grade | null;
}

/** A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else E (or the bands of the settings). */
export function gradeOf(score: number, bands: EvaluationSettings['bands'] = DOMAIN_PRESET.bands): Grade {
  if (score >= bands.A) return 'A';
  if (score >= bands.B) return 'B';
  if (score >= bands.C) return 'C';
  if (score >= bands.D) return 'D';
  return 'E';
}

export interface ScoreContext {
  /** the most 立案数 among the rows compared (立案数分值 = opened ÷ this) */
  maxOpened: number;
}

/**
 * Σ weight × metric. A missing rate counts as 0 (an inverted one as 1 − 0): a department with nothing
 * reworked loses nothing. No score when nothing was due for handling.
 */
export function evaluateDepartment(
  c: EvaluationCounts,
  settings: EvaluationSettings = DOMAIN_PRESET,
  context: ScoreContext = { maxOpened: c.opened ?? 0 },
): DepartmentEvaluation {
  const rates = evaluationRates(c, settings.closingInTimeDenominator);
  if (rates.handlingRate === null) return { rates, score: null, grade: null };
  let raw = 0;
  for (const { metric, weight } of settings.weights) {
    const value =
      metric === 'openedScore'
        ? context.maxOpened > 0
          ? (c.opened ?? 0) / context.maxOpened
          : 0
        : (rates[metric] ?? 0);
    raw += weight * (INVERTED_METRICS.has(metric) ? 1 - value : value);
  }
  const score = Math.round(raw * 100) / 100;
  return { rates, score, grade: gradeOf(score, settings.bands) };
}

export interface Ranked {
  key: string;
  score: number | null;
}

/** Competition ranking (1, 2, 2, 4) by score, highest first; rows without a score have no rank. */
export function rankByScore(rows: readonly Ranked[]): Map<string, number> {
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const ranks = new Map<string, number>();
  scored.forEach((r, i) => {
    const prev = scored[i - 1];
    ranks.set(r.key, prev && prev.score === r.score ? (ranks.get(prev.key) ?? i + 1) : i + 1);
  });
  return ranks;
}

/** The arrow next to a ranking: up when the rank number fell (better), down when it rose. */
export function rankChange(rank: number | null, previousRank: number | null): 'up' | 'down' | 'same' | 'new' {
  if (rank === null || previousRank === null) return 'new';
  if (rank < previousRank) return 'up';
  if (rank > previousRank) return 'down';
  return 'same';
}
