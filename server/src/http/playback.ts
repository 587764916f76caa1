// Playback (回放) of the archive, read-only, for signed-in users:
//   GET /api/playback/range                     the span the archive can show
//   GET /api/playback/state?at=ISO              the city at `at`: cases, alarms, incidents, units, vehicles
//                                               (`&form=frame`: the keyframe and the events after it, for
//                                               the client to fold, as the renderer asks)
//   GET /api/playback/events?from=ISO&to=ISO    the archived stream events of a period (scoped like the stream)
//   GET /api/playback/tracks?from=ISO&to=ISO[&team=ID][&vehicle=ID,ID]    the GPS fixes of a period, of
//       one team's vehicles and/or of chosen vehicles (an unknown team or vehicle is a 400)
// Access (access/rules.ts): the state and the tracks show the whole city, so `playbackCity` (city-wide
// leaders, commanders, supervisors, admins); the events are scoped like the stream (`playbackEvents`).
import type { Request, Router } from 'express';
import {
  PlaybackAtQuery,
  PlaybackPeriodQuery,
  PlaybackTracksQuery,
  type PlaybackEvents,
  type PlaybackTracks,
} from '@contract/playback';
import type { ServerContext } from '../context';
import { audienceOf } from '../stream/scope';
import { allow } from './access';
import type { RouteLimits } from './route-limits';
import type { PlaybackReader } from '../playback/reader';
import { actorOf, requireActor } from './auth';
import { asyncHandler, badRequest, parseOr400 } from './errors';
import type { Db } from '../db/client';
import { sendBytes, sendJson } from './send';

/** A period longer than this is refused (ask for it in parts). */
const MAX_PERIOD_MS = 32 * 86_400_000;

function period(req: Request): { fromMs: number; toMs: number } {
  const q = parseOr400(PlaybackPeriodQuery, req.query, 'playback period');
  const fromMs = Date.parse(q.from);
  const toMs = Date.parse(q.to);
  if (toMs - fromMs > MAX_PERIOD_MS) {
    throw badRequest('invalid playback period: at most 32 days at once; ask for it in parts');
  }
  return { fromMs, toMs };
}

/**
 * The vehicles a tracks query names: the team's (an unknown team is a 400), the chosen ones (an unknown
 * vehicle is a 400), both: those of the team among the chosen; neither: undefined (every vehicle).
 */
async function tracksVehicles(db: Db, q: PlaybackTracksQuery): Promise<string[] | undefined> {
  if (!q.team && !q.vehicle) return undefined;
  let ids: string[] | undefined;
  if (q.team) {
    const team = await db.team.findUnique({ where: { id: q.team }, select: { id: true } });
    if (!team)
      throw badRequest({
        zh: `无效的轨迹查询：没有编号为 ${q.team} 的队伍，请从 GET /api/vehicles 的 teams 中选择`,
        en: `invalid tracks query: team: no team with id "${q.team}"; pick one of the teams of GET /api/vehicles`,
      });
    ids = (await db.vehicle.findMany({ where: { teamId: team.id }, select: { id: true } })).map((v) => v.id);
  }
  if (q.vehicle) {
    const found = new Set(
      (await db.vehicle.findMany({ where: { id: { in: q.vehicle } }, select: { id: true } })).map(
        (v) => v.id,
      ),
    );
    const unknown = q.vehicle.filter((id) => !found.has(id));
    if (unknown.length)
      throw badRequest({
        zh: `无效的轨迹查询：没有这些车辆：${unknown.slice(0, 5).join('、')}`,
        en: `invalid tracks query: vehicle: no vehicle with id ${unknown.slice(0, 5).join(', ')}`,
      });
    ids = ids ? ids.filter((id) => found.has(id)) : [...found];
  }
  return ids;
}

export function mountPlayback(ctx: ServerContext, reader: PlaybackReader, limits: RouteLimits) {
  return (router: Router) => {
    const auth = requireActor(ctx);
    router.get(
      '/playback/range',
      auth,
      allow('playbackEvents'),
      asyncHandler(async (_req, res) => {
        res.json(await reader.range());
      }),
    );
    router.get(
      '/playback/state',
      auth,
      allow('playbackCity'),
      limits.limit('playback'),
      asyncHandler(async (req, res) => {
        const q = parseOr400(PlaybackAtQuery, req.query, 'playback time');
        const atMs = Date.parse(q.at);
        if (q.form === 'frame') sendBytes(req, res, Buffer.from(await reader.stateFrameAt(atMs)));
        else sendJson(req, res, await reader.stateAt(atMs));
      }),
    );
    router.get(
      '/playback/events',
      auth,
      allow('playbackEvents'),
      limits.limit('playback'),
      asyncHandler(async (req, res) => {
        const { fromMs, toMs } = period(req);
        const audience = audienceOf(actorOf(req));
        const found = await reader.events(fromMs, toMs, (row) => audience.allows(row));
        const body: PlaybackEvents = {
          from: new Date(fromMs).toISOString(),
          to: new Date(toMs).toISOString(),
          ...found,
        };
        sendJson(req, res, body);
      }),
    );
    router.get(
      '/playback/tracks',
      auth,
      allow('playbackCity'),
      limits.limit('playback'),
      asyncHandler(async (req, res) => {
        const q = parseOr400(PlaybackTracksQuery, req.query, 'tracks query');
        const fromMs = Date.parse(q.from);
        const toMs = Date.parse(q.to);
        const vehicleIds = await tracksVehicles(ctx.db, q);
        const body: PlaybackTracks = {
          from: new Date(fromMs).toISOString(),
          to: new Date(toMs).toISOString(),
          ...(await reader.tracks(fromMs, toMs, vehicleIds)),
          ...(q.team ? { team: q.team } : {}),
          keptDays: ctx.config.playback.gpsDays,
        };
        sendJson(req, res, body);
      }),
    );
  };
}
