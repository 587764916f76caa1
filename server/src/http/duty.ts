// The duty overview and shift hand-over (access/rules.ts: city-wide centre staff read, `duty`; the duty
// roles among them write and sign, `dutySign`):
//   GET  /api/duty                     this shift's figures, open items, who is on duty, last hand-overs
//   GET  /api/handovers?limit=         hand-overs, newest first
//   POST /api/handovers {notes}        the outgoing officer writes one (figures taken by the server)
//   POST /api/handovers/:id/accept {note?}  the incoming officer signs it, once
import type { Router } from 'express';
import { z } from 'zod';
import { HandoverAcceptBody, HandoverBody } from '@contract/duty';
import type { ServerContext } from '../context';
import { DutyService } from '../duty/service';
import { allow } from './access';
import { actorOf, requireActor } from './auth';
import { asyncHandler, parseOr400 } from './errors';

export const HandoverListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });

export function mountDuty(ctx: ServerContext) {
  const duty = new DutyService(ctx);
  return (router: Router) => {
    const auth = requireActor(ctx);
    router.get(
      '/duty',
      auth,
      allow('duty'),
      asyncHandler(async (_req, res) => {
        res.json(await duty.view());
      }),
    );
    router.get(
      '/handovers',
      auth,
      allow('duty'),
      asyncHandler(async (req, res) => {
        const q = parseOr400(HandoverListQuery, req.query, 'hand-over query');
        res.json({ handovers: await duty.list(q.limit) });
      }),
    );
    router.post(
      '/handovers',
      auth,
      allow('dutySign'),
      asyncHandler(async (req, res) => {
        const body = parseOr400(HandoverBody, req.body ?? {}, 'hand-over');
        res.status(201).json({ handover: await duty.create(body, actorOf(req)) });
      }),
    );
    router.post(
      '/handovers/:id/accept',
      auth,
      allow('dutySign'),
      asyncHandler(async (req, res) => {
        const body = parseOr400(HandoverAcceptBody, req.body ?? {}, 'hand-over signature');
        res.json({ handover: await duty.accept(String(req.params.id), body, actorOf(req)) });
      }),
    );
  };
}
