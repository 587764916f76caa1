// Replay of a drill (回放, the review's 回放 / Replay) from the drill's own playback archive, for trainers:
//   GET /api/drills/:id/playback/range | state?at= | events?from=&to= | tracks?from=&to=
// The same answers as /api/playback/* (http/playback.ts), read from the drill node's database (running) or
// its kept database (ended; 410 once deleted). Read-only; the live archive is never involved.
import type { Request, Router } from 'express';
import {
  PlaybackAtQuery,
  PlaybackPeriodQuery,
  type PlaybackEvents,
  type PlaybackTracks,
} from '@contract/playback';
import type { ServerContext } from '../context';
import type { DrillManager } from '../drills/manager';
import { audienceOf } from '../stream/scope';
import { allow } from './access';
import { actorOf, requireActor } from './auth';
import { asyncHandler, badRequest, parseOr400 } from './errors';
import type { RouteLimits } from './route-limits';
import { sendJson } from './send';

const MAX_PERIOD_MS = 32 * 86_400_000;

function period(req: Request): { fromMs: number; toMs: number; from: string; to: string } {
  const q = parseOr400(PlaybackPeriodQuery, req.query, 'playback period');
  const fromMs = Date.parse(q.from);
  const toMs = Date.parse(q.to);
  if (toMs - fromMs > MAX_PERIOD_MS) {
    throw badRequest('invalid playback period: at most 32 days at once; ask for it in parts');
  }
  return { fromMs, toMs, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
}

export function mountDrillPlayback(ctx: ServerContext, drills: DrillManager, limits: RouteLimits) {
  return (router: Router) => {
    const guard = [requireActor(ctx), allow('drills')];
    const archive = (req: Request) => drills.archive(String(req.params.id));
    router.get(
      '/drills/:id/playback/range',
      ...guard,
      asyncHandler(async (req, res) => {
        res.json(await (await archive(req)).range());
      }),
    );
    router.get(
      '/drills/:id/playback/state',
      ...guard,
      limits.limit('playback'),
      asyncHandler(async (req, res) => {
        const q = parseOr400(PlaybackAtQuery, req.query, 'playback time');
        sendJson(req, res, await (await archive(req)).stateAt(Date.parse(q.at)));
      }),
    );
    router.get(
      '/drills/:id/playback/events',
      ...guard,
      limits.limit('playback'),
      asyncHandler(async (req, res) => {
        const { fromMs, toMs, from, to } = period(req);
        const audience = audienceOf(actorOf(req));
        const found = await (await archive(req)).events(fromMs, toMs, (row) => audience.allows(row));
        const body: PlaybackEvents = { from, to, ...found };
        sendJson(req, res, body);
      }),
    );
    router.get(
      '/drills/:id/playback/tracks',
      ...guard,
      limits.limit('playback'),
      asyncHandler(async (req, res) => {
        const { fromMs, toMs, from, to } = period(req);
        const body: PlaybackTracks = { from, to, ...(await (await archive(req)).tracks(fromMs, toMs)) };
        sendJson(req, res, body);
      }),
    );
  };
}
