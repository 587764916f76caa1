// Pure alarm rules for one sensor: thresholds per level, debounce (N consecutive readings beyond a
// threshold before an alarm is raised), hysteresis (the condition ends only once the value is back past
// threshold -/+ clearMargin, for `clearAfter` readings), folding of repeats into the current alarm
// (count, last value, peak), escalation to a more severe level, and offline detection (no reading for
// offlineFactor x interval). No I/O, no clock: time is passed in. docs/adr/0005 explains the choices.

export type Direction = 'above' | 'below';

export interface Threshold {
  level: number; // 1 critical (red) .. 4 notice (blue)
  direction: Direction;
  value: number;
  clearMargin: number;
  debounce: number;
}

export interface RuleOptions {
  /** readings in the clear zone needed to end the condition */
  clearAfter: number;
  /** a sensor is offline after this many intervals without a reading */
  offlineFactor: number;
}

export const DEFAULT_RULES: RuleOptions = { clearAfter: 2, offlineFactor: 5 };

export interface SensorState {
  /** level of the current alarm condition, null when normal */
  level: number | null;
  threshold: Threshold | null;
  /** consecutive breaching readings while normal (debounce), and the level they point to */
  pendingCount: number;
  pendingLevel: number | null;
  /** consecutive breaching readings at a more severe level while in alarm */
  escalateCount: number;
  clearCount: number;
  /** readings folded into the current alarm, its last value and peak (worst) value */
  count: number;
  peak: number | null;
  lastValue: number | null;
  lastSeenMs: number | null;
  offline: boolean;
}

export type AlarmAction =
  | { type: 'raise'; level: number; threshold: Threshold; value: number; count: number; atMs: number }
  | {
      type: 'escalate';
      level: number;
      threshold: Threshold;
      value: number;
      peak: number;
      count: number;
      atMs: number;
    }
  | { type: 'fold'; value: number; peak: number; count: number; atMs: number }
  | { type: 'clear'; value: number; atMs: number }
  | { type: 'offline'; lastSeenMs: number; atMs: number }
  | { type: 'online'; atMs: number };

export function initialState(lastSeenMs: number | null = null): SensorState {
  return {
    level: null,
    threshold: null,
    pendingCount: 0,
    pendingLevel: null,
    escalateCount: 0,
    clearCount: 0,
    count: 0,
    peak: null,
    lastValue: null,
    lastSeenMs,
    offline: false,
  };
}

const breaches = (t: Threshold, v: number) => (t.direction === 'above' ? v >= t.value : v <= t.value);
const pastClear = (t: Threshold, v: number) =>
  t.direction === 'above' ? v < t.value - t.clearMargin : v > t.value + t.clearMargin;
/** the worse of two values for a threshold's direction */
const worse = (t: Threshold, a: number, b: number) =>
  t.direction === 'above' ? Math.max(a, b) : Math.min(a, b);

/** The most severe threshold the value breaches (lowest level number), or null. */
export function breached(thresholds: Threshold[], value: number): Threshold | null {
  let best: Threshold | null = null;
  for (const t of thresholds) if (breaches(t, value) && (!best || t.level < best.level)) best = t;
  return best;
}

/** Applies one reading. Readings older than the last one seen are ignored (no actions). */
export function evaluateReading(
  state: SensorState,
  thresholds: Threshold[],
  value: number,
  atMs: number,
  options: RuleOptions = DEFAULT_RULES,
): { state: SensorState; actions: AlarmAction[] } {
  if (state.lastSeenMs !== null && atMs < state.lastSeenMs) return { state, actions: [] };
  const actions: AlarmAction[] = [];
  const next: SensorState = { ...state, lastValue: value, lastSeenMs: atMs };
  if (state.offline) {
    next.offline = false;
    actions.push({ type: 'online', atMs });
  }
  const hit = breached(thresholds, value);
  if (next.level === null || !next.threshold) {
    if (!hit) {
      next.pendingCount = 0;
      next.pendingLevel = null;
      return { state: next, actions };
    }
    next.pendingCount += 1;
    next.pendingLevel = Math.min(next.pendingLevel ?? hit.level, hit.level);
    if (next.pendingCount < hit.debounce) return { state: next, actions };
    Object.assign(next, {
      level: hit.level,
      threshold: hit,
      count: next.pendingCount,
      peak: value,
      pendingCount: 0,
      pendingLevel: null,
      escalateCount: 0,
      clearCount: 0,
    });
    actions.push({ type: 'raise', level: hit.level, threshold: hit, value, count: next.count, atMs });
    return { state: next, actions };
  }
  const current = next.threshold;
  if (hit) {
    next.count += 1;
    next.clearCount = 0;
    next.peak = worse(current, next.peak ?? value, value);
    if (hit.level < next.level) {
      next.escalateCount += 1;
      if (next.escalateCount >= hit.debounce) {
        next.level = hit.level;
        next.threshold = hit;
        next.escalateCount = 0;
        actions.push({
          type: 'escalate',
          level: hit.level,
          threshold: hit,
          value,
          peak: next.peak,
          count: next.count,
          atMs,
        });
        return { state: next, actions };
      }
    } else next.escalateCount = 0;
    actions.push({ type: 'fold', value, peak: next.peak, count: next.count, atMs });
    return { state: next, actions };
  }
  next.escalateCount = 0;
  // Not breaching any more: the condition ends only past every threshold's clear margin (hysteresis).
  const clear = thresholds.every((t) => t.direction !== current.direction || pastClear(t, value));
  next.clearCount = clear ? next.clearCount + 1 : 0;
  if (clear && next.clearCount >= options.clearAfter) {
    Object.assign(next, { level: null, threshold: null, count: 0, peak: null, clearCount: 0 });
    actions.push({ type: 'clear', value, atMs });
  }
  return { state: next, actions };
}

/** A sensor that has reported before goes offline after offlineFactor x interval without a reading. */
export function checkOffline(
  state: SensorState,
  nowMs: number,
  intervalS: number,
  options: RuleOptions = DEFAULT_RULES,
): { state: SensorState; action: AlarmAction | null } {
  if (state.offline || state.lastSeenMs === null) return { state, action: null };
  if (nowMs - state.lastSeenMs <= options.offlineFactor * intervalS * 1000) return { state, action: null };
  return {
    state: { ...state, offline: true },
    action: { type: 'offline', lastSeenMs: state.lastSeenMs, atMs: nowMs },
  };
}

/** Why a reading beyond a threshold raised no alarm (the answer of the ingest endpoint says so). */
export type Hold =
  | { reason: 'debounce'; level: number; more: number; direction: Direction }
  | { reason: 'active'; level: number; direction: Direction };

/**
 * The rule that holds a breaching reading back, read from the state after it was evaluated: the
 * debounce still counting (`more` consecutive readings needed), or an alarm already running for the
 * sensor (the reading folds into it). Null when the reading breaches nothing or raised/escalated.
 */
export function holdOf(
  after: SensorState,
  thresholds: Threshold[],
  value: number,
  actions: readonly AlarmAction[],
): Hold | null {
  const hit = breached(thresholds, value);
  if (!hit || actions.some((a) => a.type === 'raise' || a.type === 'escalate')) return null;
  if (after.level === null)
    return {
      reason: 'debounce',
      level: hit.level,
      more: Math.max(1, hit.debounce - after.pendingCount),
      direction: hit.direction,
    };
  return { reason: 'active', level: after.level, direction: hit.direction };
}

/** The hold in both languages, e.g. "还需连续 2 次超限读数才会告警 / 2 more consecutive readings …". */
export function holdMessage(hold: Hold): string {
  const zhBeyond = hold.direction === 'below' ? '低于下限' : '超限';
  const enBeyond = hold.direction === 'below' ? 'below the limit' : 'beyond the limit';
  if (hold.reason === 'debounce')
    return `还需连续 ${hold.more} 次${zhBeyond}读数才会告警 / ${hold.more} more consecutive readings ${enBeyond} are needed to raise an alarm`;
  return `该设备已有进行中的告警，读数已计入 / The sensor already has an alarm running: the reading was added to it`;
}
