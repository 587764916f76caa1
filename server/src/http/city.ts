// The demo city's road network for the map and for routing (public, like the base map):
//   GET /api/city/roads                          GeoJSON LineStrings: one per road segment (graph edge)
//   GET /api/city/route?from=lon,lat&to=lon,lat  shortest path along the roads, metres and minutes
import type { Router } from 'express';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { cityGeometry, toLonLat, toXY } from '../city/geometry';
import { makeGraph, nearestNode, shortestPath } from '../city/geometry/routing';
import { badRequest } from '../errors';
import { asyncHandler, parseOr400 } from './errors';
import { CachedJson } from './send';

const Point = z
  .string()
  .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'a point is lon,lat in degrees')
  .transform((s) => s.split(',').map(Number) as [number, number]);

export function mountCityGeometry(ctx: ServerContext) {
  const geo = () => cityGeometry(ctx.config.seed);
  let graph: ReturnType<typeof makeGraph> | null = null;
  const roads = new CachedJson(async () => {
    const { nodes, edges, roads: lines } = geo().roads;
    const byId = new Map(lines.map((r) => [r.id, r]));
    return {
      type: 'FeatureCollection',
      features: edges.map((e) => {
        const a = nodes[e.a] as { x: number; y: number };
        const b = nodes[e.b] as { x: number; y: number };
        const road = byId.get(e.road);
        return {
          type: 'Feature',
          id: e.id,
          geometry: { type: 'LineString', coordinates: [toLonLat(a.x, a.y), toLonLat(b.x, b.y)] },
          properties: {
            id: e.id,
            a: e.a,
            b: e.b,
            name: road?.name ?? '',
            cls: e.cls,
            widthM: road?.width ?? 0,
            lengthM: e.length,
            bridge: e.bridge,
          },
        };
      }),
    };
  });
  return (router: Router) => {
    router.get(
      '/city/roads',
      asyncHandler(async (req, res) => roads.send(req, res)),
    );
    router.get('/city/route', (req, res) => {
      const q = parseOr400(
        z.object({ from: Point, to: Point, speedKmh: z.coerce.number().min(1).max(150).default(30) }),
        req.query,
        'route query',
      );
      graph ??= makeGraph(geo().roads.nodes, geo().roads.edges);
      const [fx, fy] = toXY(...q.from);
      const [tx, ty] = toXY(...q.to);
      const path = shortestPath(graph, nearestNode(graph, fx, fy), nearestNode(graph, tx, ty));
      if (!path) throw badRequest('no road connects these points');
      const metres = Math.round(path.length);
      res.json({
        lengthM: metres,
        minutes: Math.round((metres / 1000 / q.speedKmh) * 60 * 10) / 10,
        geometry: {
          type: 'LineString',
          coordinates: path.nodes.map((n) => toLonLat(graph!.nodes[n]!.x, graph!.nodes[n]!.y)),
        },
      });
    });
  };
}
