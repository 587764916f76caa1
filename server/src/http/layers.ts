// Map layers of the city for signed-in users (the renderer draws them):
//   GET /api/cameras?bbox=w,s,e,n&owner=&status=     GET /api/sensors?bbox=&type=&status=   GET /api/sensors/:id
//   GET /api/vehicles   GET /api/inspectors   GET /api/parts?bbox=&class=01|0101&limit=&offset=
//   GET /api/parts/columnar (all parts as parallel arrays, gzip)   GET /api/parts/:id
//   GET /api/grid?bbox=&districtCode= (GeoJSON)   GET /api/divisions?level= (GeoJSON)
import type { Request, Router } from 'express';
import { z } from 'zod';
import type { SensorView } from '@contract/city';
import { BboxQuery, CameraOwner, CameraStatus, type CameraView, type PartsColumnar } from '@contract/city';
import { SensorType } from '@contract/alarms';
import type { ServerContext } from '../context';
import { notFound } from '../errors';
import type { Iot } from '../ingest';
import { mayRead, type RecordKind } from '../access/rules';
import { actorOf, requireActor } from './auth';
import { asyncHandler, parseOr400 } from './errors';
import { CachedJson, sendJson } from './send';

const within = (b: [number, number, number, number] | undefined) =>
  b ? { lon: { gte: b[0], lte: b[2] }, lat: { gte: b[1], lte: b[3] } } : {};
const inBox = (b: [number, number, number, number] | undefined, lon: number, lat: number) =>
  !b || (lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]);

/** The access rule of live items (vehicles, sensors, inspectors): by the owning department. */
const sees = (req: Request, kind: RecordKind, departmentId: string | null) =>
  mayRead(kind, actorOf(req), { departmentId, districtCode: null });

export function mountLayers(ctx: ServerContext, iot: Iot) {
  const columnar = new CachedJson(async (): Promise<PartsColumnar> => {
    const rows = await ctx.db.part.findMany({
      select: { id: true, categoryId: true, lon: true, lat: true, status: true },
      orderBy: { id: 'asc' },
    });
    const categories = [...new Set(rows.map((r) => r.categoryId))].sort();
    const index = new Map(categories.map((c, i) => [c, i]));
    const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
    return {
      count: rows.length,
      categories,
      id: rows.map((r) => r.id),
      cat: rows.map((r) => index.get(r.categoryId) as number),
      lon: rows.map((r) => r6(r.lon)),
      lat: rows.map((r) => r6(r.lat)),
      abnormal: rows.map((r) => (r.status === 'normal' ? 0 : 1)),
    };
  });
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
        const rows = await ctx.db.camera.findMany({
          where: {
            ...within(q.bbox),
            ...(q.owner ? { owner: q.owner } : {}),
            ...(q.status ? { status: q.status } : {}),
          },
          orderBy: { id: 'asc' },
        });
        const cameras: CameraView[] = rows.map(({ gridCellId: _g, ...c }) => ({
          ...c,
          owner: c.owner as CameraView['owner'],
          deviceType: c.deviceType as CameraView['deviceType'],
          status: c.status as CameraView['status'],
          statusAt: c.statusAt?.toISOString() ?? null,
        }));
        sendJson(req, res, { cameras });
      }),
    );
    const sensorView = (id: string): SensorView | null => {
      const s = iot.engine.sensors.get(id);
      if (!s) return null;
      const { info, state } = s;
      return {
        id: info.id,
        type: info.type,
        name: info.name,
        lon: info.lon,
        lat: info.lat,
        districtCode: info.districtCode,
        partId: info.partId,
        ownerDepartmentId: info.ownerDepartmentId,
        intervalS: info.intervalS,
        status: state.offline ? 'offline' : state.level !== null ? 'alarm' : 'normal',
        unit: iot.engine.units.get(info.type) ?? '',
        lastValue: state.lastValue,
        lastSeenAt: state.lastSeenMs !== null ? new Date(state.lastSeenMs).toISOString() : null,
        alarmLevel: state.level,
      };
    };
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
        const sensors = [...iot.engine.sensors.keys()]
          .map(sensorView)
          .filter(
            (s): s is SensorView =>
              !!s &&
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
        const sensor = sensorView(id);
        if (!sensor || !sees(req, 'sensor', sensor.ownerDepartmentId)) throw notFound(`sensor ${id}`);
        const live = iot.engine.sensors.get(id);
        res.json({
          sensor,
          thresholds: iot.engine.thresholdsOf(sensor),
          recent: (live?.recent ?? []).map(([at, value]) => ({ at: new Date(at).toISOString(), value })),
        });
      }),
    );
    router.get(
      '/vehicles',
      auth,
      asyncHandler(async (req, res) => {
        const [rows, teams] = await Promise.all([
          ctx.db.vehicle.findMany({ orderBy: { id: 'asc' } }),
          ctx.db.team.findMany({ orderBy: { id: 'asc' } }),
        ]);
        const vehicles = rows
          .filter((v) => sees(req, 'vehicle', v.departmentId))
          .map((v) => {
            const p = iot.positions.latest.get(v.id);
            return {
              ...v,
              ...(p ? { lon: p.lon, lat: p.lat, heading: p.heading, speedKmh: p.speedKmh } : {}),
              lastSeenAt: p ? new Date(p.atMs).toISOString() : (v.lastSeenAt?.toISOString() ?? null),
            };
          });
        const teamIds = new Set(vehicles.map((v) => v.teamId));
        const visibleTeams = actorOf(req).role === 'handler' ? teams.filter((t) => teamIds.has(t.id)) : teams;
        sendJson(req, res, { vehicles, teams: visibleTeams });
      }),
    );
    router.get(
      '/inspectors',
      auth,
      asyncHandler(async (req, res) => {
        const [users, cells] = await Promise.all([
          ctx.db.user.findMany({
            where: { role: 'inspector' },
            select: { id: true, username: true, displayName: true, districtCode: true },
            orderBy: { username: 'asc' },
          }),
          ctx.db.gridCell.groupBy({ by: ['inspectorId'], _count: { _all: true } }),
        ]);
        const count = new Map(cells.map((c) => [c.inspectorId, c._count._all]));
        const inspectors = users
          .filter(() => sees(req, 'inspector', null))
          .map((u) => {
            const p = iot.positions.latest.get(u.id);
            return {
              ...u,
              gridCells: count.get(u.id) ?? 0,
              lon: p?.lon ?? null,
              lat: p?.lat ?? null,
              lastSeenAt: p ? new Date(p.atMs).toISOString() : null,
            };
          });
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
        const where = {
          ...within(q.bbox),
          ...(q.class
            ? { categoryId: q.class.length === 2 ? { startsWith: `part-${q.class}` } : `part-${q.class}` }
            : {}),
        };
        const [total, parts] = await Promise.all([
          ctx.db.part.count({ where }),
          ctx.db.part.findMany({ where, orderBy: { id: 'asc' }, skip: q.offset, take: q.limit }),
        ]);
        sendJson(req, res, { total, offset: q.offset, parts });
      }),
    );
    router.get(
      '/parts/:id',
      auth,
      asyncHandler(async (req, res) => {
        const part = await ctx.db.part.findUnique({ where: { id: String(req.params.id) } });
        if (!part) throw notFound(`part ${String(req.params.id)}`);
        const sensors = [...iot.engine.sensors.values()]
          .filter((s) => s.info.partId === part.id && sees(req, 'sensor', s.info.ownerDepartmentId))
          .map((s) => sensorView(s.info.id));
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
        const b = q.bbox;
        const cells = await ctx.db.gridCell.findMany({
          where: {
            ...(b
              ? { maxLon: { gte: b[0] }, minLon: { lte: b[2] }, maxLat: { gte: b[1] }, minLat: { lte: b[3] } }
              : {}),
            ...(q.districtCode ? { districtCode: q.districtCode } : {}),
          },
          orderBy: { id: 'asc' },
        });
        sendJson(req, res, {
          type: 'FeatureCollection',
          features: cells.map((c) => ({
            type: 'Feature',
            id: c.id,
            geometry: { type: 'Polygon', coordinates: JSON.parse(c.polygon) as unknown },
            properties: {
              id: c.id,
              communityCode: c.communityCode,
              streetCode: c.streetCode,
              districtCode: c.districtCode,
              inspectorId: c.inspectorId,
            },
          })),
        });
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
        const rows = await ctx.db.division.findMany({
          where: q.level ? { level: q.level } : {},
          orderBy: { code: 'asc' },
        });
        sendJson(req, res, {
          type: 'FeatureCollection',
          features: rows.map((d) => ({
            type: 'Feature',
            id: d.code,
            geometry: d.polygon ? { type: 'Polygon', coordinates: JSON.parse(d.polygon) as unknown } : null,
            properties: {
              code: d.code,
              name: d.name,
              nameEn: d.nameEn,
              level: d.level,
              parentCode: d.parentCode,
            },
          })),
        });
      }),
    );
  };
}
