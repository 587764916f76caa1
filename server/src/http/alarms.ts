// Alarms and incidents for the command hall (signed-in users; decisions by supervisor, dispatcher,
// commander):
//   GET  /api/alarms?status=open,acknowledged&level=&sensorType=&districtCode=&limit=
//   GET  /api/alarms/:id
//   POST /api/alarms/:id/acknowledge {version?, note?}
//   POST /api/alarms/:id/confirm     {version?, as: 'case' | 'incident', note?, categoryId?, severity?, title?}
//   POST /api/alarms/:id/false       {version?, note?}
//   GET  /api/incidents?status=active|closed, GET /api/incidents/:id
//   POST /api/incidents {title, categoryId, severity, lon, lat, …}, PATCH /api/incidents/:id {version, …}
import type { Router } from 'express';
import { z } from 'zod';
import { AlarmConfirmBody, AlarmListQuery, AlarmNoteBody } from '@contract/alarms';
import { IncidentBody, IncidentPatch } from '@contract/city';
import type { ServerContext } from '../context';
import { notFound } from '../errors';
import type { Iot } from '../ingest';
import { actorOf, requireActor } from './auth';
import { asyncHandler, parseOr400 } from './errors';

export function mountAlarms(ctx: ServerContext, iot: Iot) {
  return (router: Router) => {
    const auth = requireActor(ctx);
    router.get(
      '/alarms',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(AlarmListQuery, req.query, 'alarm query');
        const actor = actorOf(req);
        const rows = await ctx.db.alarm.findMany({
          where: {
            ...(q.status ? { status: { in: q.status } } : {}),
            ...(q.level ? { level: q.level } : {}),
            ...(q.sensorType ? { sensorType: q.sensorType } : {}),
            ...(q.districtCode ? { districtCode: q.districtCode } : {}),
            // A department's handlers see the alarms of their own devices only.
            ...(actor.role === 'handler' ? { departmentId: actor.departmentId ?? '-' } : {}),
          },
          orderBy: [{ level: 'asc' }, { firstSeenAt: 'desc' }],
          take: q.limit,
        });
        res.json({ alarms: rows.map((r) => iot.alarms.view(r)) });
      }),
    );
    router.get(
      '/alarms/:id',
      auth,
      asyncHandler(async (req, res) => {
        const row = await ctx.db.alarm.findUnique({ where: { id: String(req.params.id) } });
        if (!row) throw notFound(`alarm ${String(req.params.id)}`);
        const sensor = iot.engine.sensors.get(row.sensorId);
        res.json({
          alarm: iot.alarms.view(row),
          recent: (sensor?.recent ?? []).map(([at, value]) => ({ at: new Date(at).toISOString(), value })),
        });
      }),
    );
    router.post(
      '/alarms/:id/acknowledge',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(AlarmNoteBody, req.body ?? {}, 'acknowledgement');
        res.json({ alarm: await iot.alarms.acknowledge(String(req.params.id), body, actorOf(req)) });
      }),
    );
    router.post(
      '/alarms/:id/confirm',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(AlarmConfirmBody, req.body ?? {}, 'confirmation');
        res.json({ alarm: await iot.alarms.confirm(String(req.params.id), body, actorOf(req)) });
      }),
    );
    router.post(
      '/alarms/:id/false',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(AlarmNoteBody, req.body ?? {}, 'false-alarm decision');
        res.json({ alarm: await iot.alarms.markFalse(String(req.params.id), body, actorOf(req)) });
      }),
    );
    router.get(
      '/incidents',
      auth,
      asyncHandler(async (req, res) => {
        const { status } = parseOr400(
          z.object({ status: z.enum(['active', 'closed']).optional() }),
          req.query,
          'incident query',
        );
        res.json({ incidents: await iot.incidents.list(status) });
      }),
    );
    router.get(
      '/incidents/:id',
      auth,
      asyncHandler(async (req, res) => {
        res.json({ incident: await iot.incidents.get(String(req.params.id)) });
      }),
    );
    router.post(
      '/incidents',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(IncidentBody, req.body, 'incident');
        res.status(201).json({ incident: await iot.incidents.create(body, actorOf(req)) });
      }),
    );
    router.patch(
      '/incidents/:id',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(IncidentPatch, req.body, 'incident change');
        res.json({ incident: await iot.incidents.patch(String(req.params.id), body, actorOf(req)) });
      }),
    );
  };
}
