// Drills (演练) on the live server, for trainers (the trainer role and admin):
//   GET /api/drills                 the drills of the register (running, stopped, interrupted, purged)
//   POST /api/drills {scenarioId?}  a fresh drill database from the live reference data and a drill node on it
//   GET /api/drills/scenarios       the shipped scenario scripts
//   POST /api/drills/:id/scenario {action: pause|resume|speed, speed?}
//   POST /api/drills/:id/stop       stops the drill's node (its database file stays for the review)
//   GET /api/drills/:id/review(.csv) the after-action review (复盘), read from the drill's own database
//   DELETE /api/drills/:id          deletes an ended drill's database (409 while it runs); the row stays, purged
// The drill's own REST and stream are at the returned `url`; sign in there as in live.
import type { Router } from 'express';
import { z } from 'zod';
import { DRILL_SPEEDS } from '@contract/drills';
import type { ServerContext } from '../context';
import { readDrillReview } from '../drills/review';
import { reviewCsvLines } from '../drills/review-csv';
import { scenarios } from '../drills/runner';
import type { DrillManager } from '../drills/manager';
import { actorOf, requireActor } from './auth';
import { sendCsvLines } from './csv';
import { allow } from './access';
import { asyncHandler, parseOr400 } from './errors';

/** Who starts, controls, stops drills and reads their reviews. */
export const StartBody = z.object({ scenarioId: z.string().min(1).max(80).nullish() }).strict();
export const ControlBody = z
  .object({
    action: z.enum(['pause', 'resume', 'speed']),
    speed: z.union(DRILL_SPEEDS.map((s) => z.literal(s))).optional(),
  })
  .strict()
  .refine((b) => b.action !== 'speed' || b.speed !== undefined, {
    message: 'speed: give one of 1, 2, 5, 10, 60',
  });

export function mountDrills(ctx: ServerContext, drills: DrillManager) {
  return (router: Router) => {
    const auth = requireActor(ctx);
    const trainer = allow('drills');
    router.get('/drills', auth, trainer, (_req, res) => {
      res.json({ drills: drills.list() });
    });
    router.get('/drills/scenarios', auth, trainer, (_req, res) => {
      res.json({ scenarios: [...scenarios().values()] });
    });
    router.post('/drills/:id/scenario', auth, trainer, (req, res) => {
      const body = parseOr400(ControlBody, req.body ?? {}, 'scenario control');
      res.json(drills.control(String(req.params.id), body.action, body.speed));
    });
    router.post(
      '/drills',
      auth,
      trainer,
      asyncHandler(async (req, res) => {
        const body = parseOr400(StartBody, req.body ?? {}, 'drill');
        res.status(201).json(await drills.start(actorOf(req).username, body.scenarioId ?? null));
      }),
    );
    router.get(
      '/drills/:id/review.csv',
      auth,
      trainer,
      asyncHandler(async (req, res) => {
        const review = await readDrillReview(drills, String(req.params.id));
        sendCsvLines(res, `drill-review-${review.drill.id}`, true, reviewCsvLines(review));
      }),
    );
    router.get(
      '/drills/:id/review',
      auth,
      trainer,
      asyncHandler(async (req, res) => {
        res.json(await readDrillReview(drills, String(req.params.id)));
      }),
    );
    router.delete(
      '/drills/:id',
      auth,
      trainer,
      asyncHandler(async (req, res) => {
        res.json(await drills.purge(String(req.params.id)));
      }),
    );
    router.post(
      '/drills/:id/stop',
      auth,
      trainer,
      asyncHandler(async (req, res) => {
        res.json(await drills.stop(String(req.params.id)));
      }),
    );
  };
}
