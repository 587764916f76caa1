// The step clock shown on every case (green / yellow / red) and the escalation slips it
// triggers: 提醒 reminder, 催办 urge, 督办 supervision. Time is always passed in.
// Paused time is counted in the clock's own unit (a working-minute clock paused over a weekend
// loses no working minutes) and extends the deadline by exactly that much.
import type { ClockState } from '@contract/domain';
import {
  addMinutes,
  DEFAULT_CALENDAR,
  minutesBetween,
  type LimitUnit,
  type WorkingCalendar,
} from './calendar';
import { invalid } from './errors';
import type { ClockStep } from './timelimits';
import type { ClockAction } from './transitions';

export const ESCALATION_KINDS = ['remind', 'urge', 'supervise'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

export const ESCALATION_LABELS: Readonly<Record<EscalationKind, { zh: string; en: string }>> = {
  remind: { zh: '提醒单', en: 'reminder' },
  urge: { zh: '催办单', en: 'urge notice' },
  supervise: { zh: '督办单', en: 'supervision order' },
};

export interface EscalationPolicy {
  /** share of the limit used when the clock turns yellow and a reminder is sent (0.8) */
  remindRatio: number;
  /** share of the limit used when the case is overdue, red, and urged (1.0) */
  urgeRatio: number;
  /** supervision: at a share of the limit (1.5) or a number of minutes (clock unit) past the limit */
  supervise: { ratio: number } | { overdueMinutes: number };
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  remindRatio: 0.8,
  urgeRatio: 1,
  supervise: { ratio: 1.5 },
};

export interface StepClock {
  step: ClockStep;
  startedAt: Date;
  limitMinutes: number;
  unit: LimitUnit;
  /** minutes (clock unit) of completed suspensions, added to the deadline */
  pausedMinutes: number;
  /** set while the case is suspended: the clock stands still from this instant */
  suspendedAt: Date | null;
}

export interface ClockStatus {
  state: ClockState;
  usedRatio: number;
  usedMinutes: number;
  /** negative once overdue */
  remainingMinutes: number;
  /** when suspended: the deadline if the case resumed now */
  deadline: Date;
  paused: boolean;
}

/** A suspension interval; `to` null means still suspended. */
export interface PauseInterval {
  from: Date;
  to: Date | null;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

export function startStepClock(
  step: ClockStep,
  limit: { unit: LimitUnit; minutes: number },
  now: Date,
): StepClock {
  if (!Number.isFinite(limit.minutes) || limit.minutes <= 0) {
    throw invalid('时限必须大于零', `A time limit must be positive: ${limit.minutes}`);
  }
  return {
    step,
    startedAt: now,
    limitMinutes: limit.minutes,
    unit: limit.unit,
    pausedMinutes: 0,
    suspendedAt: null,
  };
}

export function pauseStepClock(clock: StepClock, now: Date): StepClock {
  return clock.suspendedAt ? clock : { ...clock, suspendedAt: now };
}

export function resumeStepClock(
  clock: StepClock,
  now: Date,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): StepClock {
  if (!clock.suspendedAt) return clock;
  const paused = Math.max(0, minutesBetween(clock.suspendedAt, now, clock.unit, cal));
  // whole minutes, like the Case.pausedMinutes column
  return { ...clock, suspendedAt: null, pausedMinutes: Math.round(clock.pausedMinutes + paused) };
}

/** Total paused whole minutes (clock unit) of suspension intervals, open ones counted up to now. */
export function pausedMinutesOf(
  intervals: readonly PauseInterval[],
  unit: LimitUnit,
  now: Date,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): number {
  const total = intervals.reduce(
    (sum, iv) => sum + Math.max(0, minutesBetween(iv.from, iv.to ?? now, unit, cal)),
    0,
  );
  return Math.round(total);
}

/** Minutes of the limit used by `now`, not counting suspensions. */
export function usedMinutes(clock: StepClock, now: Date, cal: WorkingCalendar = DEFAULT_CALENDAR): number {
  return round(exactUsed(clock, now, cal));
}

function exactUsed(clock: StepClock, now: Date, cal: WorkingCalendar): number {
  const until = clock.suspendedAt && clock.suspendedAt < now ? clock.suspendedAt : now;
  return Math.max(0, minutesBetween(clock.startedAt, until, clock.unit, cal) - clock.pausedMinutes);
}

function ongoingPause(clock: StepClock, now: Date, cal: WorkingCalendar): number {
  return clock.suspendedAt ? Math.max(0, minutesBetween(clock.suspendedAt, now, clock.unit, cal)) : 0;
}

/** The instant the limit runs out (plus `extraMinutes`), given the pauses so far. */
export function stepDeadline(
  clock: StepClock,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
  now: Date = clock.startedAt,
  extraMinutes = 0,
): Date {
  const total = clock.limitMinutes + extraMinutes + clock.pausedMinutes + ongoingPause(clock, now, cal);
  return addMinutes(clock.startedAt, total, clock.unit, cal);
}

function thresholds(clock: StepClock, policy: EscalationPolicy): Record<EscalationKind, number> {
  const { limitMinutes: limit } = clock;
  const supervise =
    'ratio' in policy.supervise ? limit * policy.supervise.ratio : limit + policy.supervise.overdueMinutes;
  return { remind: limit * policy.remindRatio, urge: limit * policy.urgeRatio, supervise };
}

export function clockStatus(
  clock: StepClock,
  now: Date,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): ClockStatus {
  const used = exactUsed(clock, now, cal);
  const ratio = used / clock.limitMinutes;
  const state: ClockState =
    ratio >= policy.urgeRatio ? 'red' : ratio >= policy.remindRatio ? 'yellow' : 'green';
  return {
    state,
    usedRatio: round(ratio),
    usedMinutes: round(used),
    remainingMinutes: round(clock.limitMinutes - used),
    deadline: stepDeadline(clock, cal, now),
    paused: clock.suspendedAt !== null,
  };
}

/**
 * Escalation slips that must be emitted now: every threshold reached and not yet emitted for
 * this step, in order (a case found long overdue gets reminder, urge and supervision at once).
 * Nothing while suspended. Idempotent: pass back what was emitted and nothing repeats.
 */
export function dueEscalations(
  clock: StepClock,
  alreadyEmitted: readonly EscalationKind[],
  now: Date,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): EscalationKind[] {
  if (clock.suspendedAt) return [];
  const used = exactUsed(clock, now, cal);
  const limits = thresholds(clock, policy);
  return ESCALATION_KINDS.filter((kind) => !alreadyEmitted.includes(kind) && used >= limits[kind]);
}

/** When the next slip falls due (for a scheduler), or null if all were emitted or the clock is paused. */
export function nextEscalationAt(
  clock: StepClock,
  alreadyEmitted: readonly EscalationKind[],
  cal: WorkingCalendar = DEFAULT_CALENDAR,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): { kind: EscalationKind; at: Date } | null {
  if (clock.suspendedAt) return null;
  const limits = thresholds(clock, policy);
  const kind = ESCALATION_KINDS.find((k) => !alreadyEmitted.includes(k));
  if (!kind) return null;
  return { kind, at: addMinutes(clock.startedAt, limits[kind] + clock.pausedMinutes, clock.unit, cal) };
}

/** The clock columns of the Case table. */
export interface ClockRecord {
  clockStep: ClockStep | null;
  stepStartedAt: Date | null;
  stepDeadline: Date | null;
  stepLimitMinutes: number | null;
  stepLimitUnit: LimitUnit | null;
  suspendedAt: Date | null;
  pausedMinutes: number;
}

export function toClockRecord(clock: StepClock | null, cal: WorkingCalendar = DEFAULT_CALENDAR): ClockRecord {
  if (!clock) {
    return {
      clockStep: null,
      stepStartedAt: null,
      stepDeadline: null,
      stepLimitMinutes: null,
      stepLimitUnit: null,
      suspendedAt: null,
      pausedMinutes: 0,
    };
  }
  return {
    clockStep: clock.step,
    stepStartedAt: clock.startedAt,
    stepDeadline: stepDeadline(clock, cal),
    stepLimitMinutes: clock.limitMinutes,
    stepLimitUnit: clock.unit,
    suspendedAt: clock.suspendedAt,
    pausedMinutes: clock.pausedMinutes,
  };
}

export function fromClockRecord(record: ClockRecord): StepClock | null {
  const { clockStep, stepStartedAt, stepLimitMinutes, stepLimitUnit } = record;
  if (!clockStep || !stepStartedAt || !stepLimitMinutes || !stepLimitUnit) return null;
  return {
    step: clockStep,
    startedAt: stepStartedAt,
    limitMinutes: stepLimitMinutes,
    unit: stepLimitUnit,
    pausedMinutes: record.pausedMinutes,
    suspendedAt: record.suspendedAt,
  };
}

/**
 * The step clock after a workflow command (CommandSuccess.clock). `limitFor` resolves the limit of
 * a newly started step (see resolveTimeLimit). Escalations emitted so far must be cleared whenever
 * `resetEscalations` is true (a new step, or the case is over).
 */
export function nextStepClock(
  current: StepClock | null,
  action: ClockAction,
  now: Date,
  limitFor: (step: ClockStep) => { unit: LimitUnit; minutes: number },
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): { clock: StepClock | null; resetEscalations: boolean } {
  if (action === 'keep') return { clock: current, resetEscalations: false };
  if (action === 'stop') return { clock: null, resetEscalations: true };
  if (action === 'pause') return { clock: current && pauseStepClock(current, now), resetEscalations: false };
  if (action === 'resume')
    return { clock: current && resumeStepClock(current, now, cal), resetEscalations: false };
  return { clock: startStepClock(action.start, limitFor(action.start), now), resetEscalations: true };
}
