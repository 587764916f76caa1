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
