// Drill scenarios (演练脚本) as data: a timed list of injected events, and the pure rule of which steps are
// due as the scenario clock runs (paused, sped up). The server's runner injects them into the drill node
// over its ingest API, like the simulator.
import { z } from 'zod';
import { SensorType } from './alarms';
import { ReportBody } from './cases';

const Point = z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).strict();

export const DrillStep = z.discriminatedUnion('kind', [
  /** a report from a channel (12345 hotline, video AI, inspector …) */
  z.object({ atS: z.number().min(0), kind: z.literal('report'), report: ReportBody }).strict(),
  /** readings of the sensor of `sensorType` nearest to `near`, one per `everyS` seconds */
  z
    .object({
      atS: z.number().min(0),
      kind: z.literal('readings'),
      sensorType: SensorType,
      near: Point,
      values: z.array(z.number().finite()).min(1).max(100),
      everyS: z.number().min(1).max(600).default(10),
    })
    .strict(),
  /** the vehicle nearest to `near` stops there (a breakdown): fixes with speed 0 */
  z
    .object({
      atS: z.number().min(0),
      kind: z.literal('vehicle-stop'),
      near: Point,
      fixes: z.number().int().min(1).max(60).default(6),
    })
    .strict(),
]);
export type DrillStep = z.infer<typeof DrillStep>;

export const DrillScenario = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    description: z.string(),
    /** the description in Chinese, shown first (the English one is `description`) */
    descriptionZh: z.string().optional(),
    steps: z.array(DrillStep).min(1),
  })
  .strict()
  .refine((s) => s.steps.every((step, i) => i === 0 || step.atS >= (s.steps[i - 1] as DrillStep).atS), {
    message: 'steps are in time order (atS ascending)',
  });
export type DrillScenario = z.infer<typeof DrillScenario>;

export const DRILL_SPEEDS = [1, 2, 5, 10, 60] as const;

export interface ScenarioClock {
  status: 'playing' | 'paused' | 'finished' | 'stopped';
  speed: number;
  /** scenario seconds elapsed */
  elapsedS: number;
  /** steps fired so far (the next due is steps[fired]) */
  fired: number;
}

export const startClock = (): ScenarioClock => ({ status: 'playing', speed: 1, elapsedS: 0, fired: 0 });

/** The clock after `wallS` seconds of wall time, and the steps that became due. */
export function advanceClock(
  scenario: DrillScenario,
  clock: ScenarioClock,
  wallS: number,
): { clock: ScenarioClock; due: DrillStep[] } {
  if (clock.status !== 'playing') return { clock, due: [] };
  const elapsedS = clock.elapsedS + wallS * clock.speed;
  let fired = clock.fired;
  while (fired < scenario.steps.length && (scenario.steps[fired] as DrillStep).atS <= elapsedS) fired++;
  const due = scenario.steps.slice(clock.fired, fired);
  const status = fired === scenario.steps.length ? 'finished' : 'playing';
  return { clock: { ...clock, elapsedS, fired, status }, due };
}

// After-action review (复盘): GET /api/drills/:id/review (+ .csv) on the live server, read from the
// drill's own database. The figures are computed by server/src/domain/drill-review.ts.

export type DrillRecordKind = 'alarm' | 'case' | 'incident';
export type Milestone = 'dispatch' | 'arrival' | 'close';

/** A record of the drill database: injected by the scenario, or made by trainees; linked records. */
export interface DrillReviewRecord {
  kind: DrillRecordKind;
  id: string;
  /** what it reads as on the timeline (case number and category, alarm sensor and level …) */
  label: string;
  at: string;
  /** created by the scenario (sensor readings, a 12345 call), not by a trainee */
  injected: boolean;
  /** ids of records it is linked to (an alarm's case or incident, an incident's cases) */
  links: string[];
}

/** One command on a record: case workflow, alarm decision or incident command. */
export interface DrillReviewAction {
  at: string;
  kind: DrillRecordKind;
  recordId: string;
  command: string;
  toState: string | null;
  unitStatus: string | null;
  /** null: the scenario or the server itself */
  actorId: string | null;
  username: string | null;
  role: string;
  note: string;
}

export interface DrillStat {
  n: number;
  meanS: number | null;
  medianS: number | null;
  maxS: number | null;
}

export interface DrillReviewInject {
  id: string;
  recordIds: string[];
  label: string;
  at: string;
  firstActionAt: string | null;
  firstActionBy: string | null;
  dispatchAt: string | null;
  arrivalAt: string | null;
  closeAt: string | null;
  /** seconds from the inject */
  firstActionS: number | null;
  dispatchS: number | null;
  arrivalS: number | null;
  closeS: number | null;
  actions: number;
}

export interface DrillReviewTrainee {
  username: string;
  role: string;
  actions: number;
  injects: number;
  firstActionS: DrillStat;
  dispatchS: DrillStat;
}

export interface DrillReviewFigures {
  injects: DrillReviewInject[];
  trainees: DrillReviewTrainee[];
  total: {
    injects: number;
    answered: number;
    actions: number;
    firstActionS: DrillStat;
    dispatchS: DrillStat;
    arrivalS: DrillStat;
    closeS: DrillStat;
  };
}

/** A scenario step as the runner injected it (wall time `at`, scenario time `atS`). */
export interface DrillInjectedStep {
  atS: number;
  at: string;
  kind: DrillStep['kind'];
  ok: boolean;
  detail: string;
}

/**
 * A drill's state in the register: running; stopped; interrupted (its node died with the server while it
 * ran, still reviewable); purged (its database was deleted, by the retention sweep or a trainer).
 */
export const DRILL_STATUSES = ['running', 'stopped', 'interrupted', 'purged'] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];

export interface DrillReview {
  drill: {
    id: string;
    scenarioId: string | null;
    scenarioName: string | null;
    scenarioNameEn: string | null;
    status: Exclude<DrillStatus, 'purged'>;
    startedAt: string;
    stoppedAt: string | null;
    startedBy: string;
  };
  steps: DrillInjectedStep[];
  records: DrillReviewRecord[];
  actions: DrillReviewAction[];
  figures: DrillReviewFigures;
}

/** A drill as GET/POST /api/drills answer it (the server's DrillInfo). */
export const DrillInfoView = z.object({
  id: z.string(),
  scenarioId: z.string().nullable(),
  url: z.string(),
  startedAt: z.string(),
  startedBy: z.string(),
  status: z.enum(DRILL_STATUSES),
  stoppedAt: z.string().nullable(),
  /** when its database was deleted (status purged) */
  purgedAt: z.string().nullable().optional(),
  scenario: z
    .object({
      clock: z.object({
        status: z.enum(['playing', 'paused', 'finished', 'stopped']),
        speed: z.number(),
        elapsedS: z.number(),
        fired: z.number(),
      }),
      injected: z.array(
        z.object({ atS: z.number(), at: z.string(), kind: z.string(), ok: z.boolean(), detail: z.string() }),
      ),
    })
    .nullable(),
});
export type DrillInfoView = z.infer<typeof DrillInfoView>;
