// Map layers of the city for signed-in users (the renderer draws them):
//   GET /api/cameras?bbox=w,s,e,n&owner=&status=     GET /api/sensors?bbox=&type=&status=   GET /api/sensors/:id
//   GET /api/vehicles   GET /api/inspectors   GET /api/parts?bbox=&class=01|0101&limit=&offset=
//   GET /api/parts/columnar (all parts as parallel arrays, gzip)   GET /api/parts/:id
//   GET /api/grid?bbox=&districtCode= (GeoJSON)   GET /api/divisions?level= (GeoJSON)
import type { Request, Router } from 'express';
import { z } from 'zod';
import { BboxQuery, CameraOwner, CameraStatus } from '@contract/city';
import { SensorType } from '@contract/alarms';
import type { ServerContext } from '../context';
import { notFound } from '../errors';
import type { Iot } from '../ingest';
import { mayRead, type RecordKind } from '../access/rules';
import { recentReadings, sensorView, sensorViews, sensorViewsOfPart } from '../alarms/sensor-views';
import { MapReads } from '../city/map-reads';
import { actorOf, requireActor } from './auth';
import { asyncHandler, parseOr400 } from './errors';
import { CachedJson, sendJson } from './send';

const inBox = (b: [number, number, number, number] | undefined, lon: number, lat: number) =>
  !b || (lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]);

/** The access rule of live items (vehicles, sensors, inspectors): by the owning department. */
const sees = (req: Request, kind: RecordKind, departmentId: string | null) =>
  mayRead(kind, actorOf(req), { departmentId, districtCode: null });

export function mountLayers(ctx: ServerContext, iot: Iot) {
  const reads = new MapReads(ctx.db, iot.positions.latest);
  const columnar = new CachedJson(() => reads.partsColumnar());
  return (router: Router) => {
    const auth = requireActor(ctx);
    router.get(
      '/cameras',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(
          z.object({
            bbox: BboxQuery.optional(),
            owner: CameraOwner.optional(),
            status: CameraStatus.optional(),
          }),
          req.query,
          'camera query',
        );
        const cameras = await reads.cameras(q);
        sendJson(req, res, { cameras });
      }),
    );
    router.get(
      '/sensors',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(
          z.object({
            bbox: BboxQuery.optional(),
            type: SensorType.optional(),
            status: z.enum(['normal', 'alarm', 'offline']).optional(),
          }),
          req.query,
          'sensor query',
        );
        const sensors = sensorViews(iot.engine).filter(
          (s) =>
            sees(req, 'sensor', s.ownerDepartmentId) &&
            inBox(q.bbox, s.lon, s.lat) &&
            (!q.type || s.type === q.type) &&
            (!q.status || s.status === q.status),
        );
        sendJson(req, res, { sensors });
      }),
    );
    router.get(
      '/sensors/:id',
      auth,
      asyncHandler(async (req, res) => {
        const id = String(req.params.id);
        const sensor = sensorView(iot.engine, id);
        if (!sensor || !sees(req, 'sensor', sensor.ownerDepartmentId)) throw notFound(`sensor ${id}`);
        res.json({
          sensor,
          thresholds: iot.engine.thresholdsOf(sensor),
          recent: recentReadings(iot.engine, id),
        });
      }),
    );
    router.get(
      '/vehicles',
      auth,
      asyncHandler(async (req, res) => {
        const all = await reads.vehicles();
        const vehicles = all.vehicles.filter((v) => sees(req, 'vehicle', v.departmentId));
        const teamIds = new Set(vehicles.map((v) => v.teamId));
        const visibleTeams =
          actorOf(req).role === 'handler' ? all.teams.filter((t) => teamIds.has(t.id)) : all.teams;
        sendJson(req, res, { vehicles, teams: visibleTeams });
      }),
    );
    router.get(
      '/inspectors',
      auth,
      asyncHandler(async (req, res) => {
        const inspectors = (await reads.inspectors()).filter(() => sees(req, 'inspector', null));
        sendJson(req, res, { inspectors });
      }),
    );
    router.get(
      '/parts/columnar',
      auth,
      asyncHandler(async (req, res) => columnar.send(req, res)),
    );
    router.get(
      '/parts',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(
          z.object({
            bbox: BboxQuery.optional(),
            class: z
              .string()
              .regex(/^\d{2}(\d{2})?$/, 'class is a 2-digit major class or a 4-digit subclass')
              .optional(),
            limit: z.coerce.number().int().min(1).max(10_000).default(2000),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          req.query,
          'part query',
        );
        const page = await reads.parts({
          bbox: q.bbox,
          partClass: q.class,
          limit: q.limit,
          offset: q.offset,
        });
        sendJson(req, res, page);
      }),
    );
    router.get(
      '/parts/:id',
      auth,
      asyncHandler(async (req, res) => {
        const part = await reads.part(String(req.params.id));
        if (!part) throw notFound(`part ${String(req.params.id)}`);
        const sensors = sensorViewsOfPart(iot.engine, part.id).filter((s) =>
          sees(req, 'sensor', s.ownerDepartmentId),
        );
        res.json({ part, sensors });
      }),
    );
    router.get(
      '/grid',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(
          z.object({
            bbox: BboxQuery.optional(),
            districtCode: z
              .string()
              .regex(/^\d{6}$/)
              .optional(),
          }),
          req.query,
          'grid query',
        );
        sendJson(req, res, await reads.grid(q));
      }),
    );
    router.get(
      '/divisions',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(
          z.object({ level: z.enum(['city', 'district', 'street', 'community']).optional() }),
          req.query,
          'division query',
        );
        sendJson(req, res, await reads.divisions(q.level));
      }),
    );
  };
}
