// Helpers for a commander at an incident site (signed-in users):
//   GET /api/units/recommend?lon=&lat=&kind=repair|emergency|…&limit=10
//       vehicles ranked by travel time along the roads from their live GPS position
//   GET /api/cameras/near?lon=&lat=&radius=500
//       video points around the site, nearest first, and whether the site is in their field of view
import type { Router } from 'express';
import { z } from 'zod';
import { TeamKind } from '@contract/city';
import type { ServerContext } from '../context';
import { cityGeometry, toXY } from '../city/geometry';
import { distancesFrom, makeGraph, nearestNode } from '../city/geometry/routing';
import type { Iot } from '../ingest';
import { mayRead } from '../access/rules';
import { actorOf, requireActor } from './auth';
import { asyncHandler, parseOr400 } from './errors';

const SPEED_KMH: Record<string, number> = { sanitation: 20, enforcement: 35, repair: 40, emergency: 50 };
const Site = { lon: z.coerce.number().min(-180).max(180), lat: z.coerce.number().min(-90).max(90) };

export function mountCommand(ctx: ServerContext, iot: Iot) {
  let graph: ReturnType<typeof makeGraph> | null = null;
  return (router: Router) => {
    const auth = requireActor(ctx);
    router.get(
      '/units/recommend',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(
          z.object({
            ...Site,
            kind: TeamKind.optional(),
            limit: z.coerce.number().int().min(1).max(100).default(10),
          }),
          req.query,
          'unit query',
        );
        const geo = cityGeometry(ctx.config.seed);
        graph ??= makeGraph(geo.roads.nodes, geo.roads.edges);
        const g = graph;
        const [sx, sy] = toXY(q.lon, q.lat);
        const distance = distancesFrom(g, nearestNode(g, sx, sy));
        const vehicles = await ctx.db.vehicle.findMany({ where: q.kind ? { kind: q.kind } : {} });
        const actor = actorOf(req);
        const ranked = vehicles
          .filter((v) => mayRead('vehicle', actor, { departmentId: v.departmentId, districtCode: null }))
          .map((v) => {
            const p = iot.positions.latest.get(v.id);
            const [x, y] = toXY(p?.lon ?? v.lon, p?.lat ?? v.lat);
            const metres = distance[nearestNode(g, x, y)] ?? Infinity;
            const minutes = (metres / 1000 / (SPEED_KMH[v.kind] ?? 30)) * 60;
            return {
              id: v.id,
              plate: v.plate,
              kind: v.kind,
              teamId: v.teamId,
              departmentId: v.departmentId,
              lon: p?.lon ?? v.lon,
              lat: p?.lat ?? v.lat,
              live: !!p,
              roadMetres: Math.round(metres),
              minutes: Math.round(minutes * 10) / 10,
            };
          })
          .filter((v) => Number.isFinite(v.roadMetres))
          .sort((a, b) => a.minutes - b.minutes)
          .slice(0, q.limit);
        res.json({ units: ranked });
      }),
    );
    router.get(
      '/cameras/near',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(
          z.object({ ...Site, radius: z.coerce.number().min(10).max(5000).default(500) }),
          req.query,
          'camera query',
        );
        const dLat = q.radius / 111_000;
        const dLon = q.radius / (111_000 * Math.cos((q.lat * Math.PI) / 180));
        const rows = await ctx.db.camera.findMany({
          where: {
            lon: { gte: q.lon - dLon, lte: q.lon + dLon },
            lat: { gte: q.lat - dLat, lte: q.lat + dLat },
          },
        });
        const [sx, sy] = toXY(q.lon, q.lat);
        const cameras = rows
          .map((c) => {
            const [x, y] = toXY(c.lon, c.lat);
            const metres = Math.hypot(sx - x, sy - y);
            const bearing = ((Math.atan2(sx - x, sy - y) * 180) / Math.PI + 360) % 360;
            const off = Math.abs(((bearing - c.heading + 540) % 360) - 180);
            return {
              id: c.id,
              name: c.name,
              owner: c.owner,
              status: c.status,
              streamUrl: c.streamUrl,
              lon: c.lon,
              lat: c.lat,
              metres: Math.round(metres),
              bearing: Math.round(bearing),
              inView: off <= c.fov / 2 || c.ptz,
            };
          })
          .filter((c) => c.metres <= q.radius)
          .sort((a, b) => a.metres - b.metres);
        res.json({ cameras });
      }),
    );
  };
}
