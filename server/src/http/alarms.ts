// Alarms and incidents for the command hall (signed-in users; decisions by supervisor, dispatcher,
// commander):
//   GET  /api/alarms?status=open,acknowledged&level=&sensorType=&districtCode=&limit=
//   GET  /api/alarms/:id
//   POST /api/alarms/:id/acknowledge {version?, note?}
//   POST /api/alarms/:id/confirm     {version?, as: 'case' | 'incident', note?, categoryId?, severity?, title?}
//   POST /api/alarms/:id/false       {version?, note?}
//   GET  /api/incidents?status=active|closed, GET /api/incidents/:id
//   POST /api/incidents {title, categoryId, severity, lon, lat, …}, PATCH /api/incidents/:id {version, …}
import type { Request, Router } from 'express';
import { z } from 'zod';
import { AlarmConfirmBody, AlarmListQuery, AlarmNoteBody } from '@contract/alarms';
import { IncidentBody, IncidentPatch } from '@contract/city';
import type { ServerContext } from '../context';
import { notFound } from '../errors';
import type { Iot } from '../ingest';
import { mayRead, readFilter, whereOf } from '../access/rules';
import { actorOf, requireActor } from './auth';
import { audit, type AuditAction } from '../audit/audit';
import { AppError } from '../errors';
import { asyncHandler, parseOr400 } from './errors';

/** Runs a decision or command and writes its audit entry: done, refused (403) or failed (other 4xx). */
async function audited<T>(
  ctx: ServerContext,
  req: Request,
  action: AuditAction,
  target: string,
  detail: Record<string, unknown>,
  run: () => Promise<T>,
): Promise<T> {
  const base = { action, actor: actorOf(req), address: req.ip, target, detail };
  try {
    const result = await run();
    await audit(ctx, base);
    return result;
  } catch (err) {
    if (err instanceof AppError && err.status < 500)
      await audit(ctx, {
        ...base,
        outcome: err.status === 403 ? 'denied' : 'failed',
        detail: { ...detail, error: err.code },
      });
    throw err;
  }
}

export function mountAlarms(ctx: ServerContext, iot: Iot) {
  return (router: Router) => {
    const auth = requireActor(ctx);
    router.get(
      '/alarms',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(AlarmListQuery, req.query, 'alarm query');
        const actor = actorOf(req);
        const scope = whereOf(readFilter('alarm', actor));
        if (!scope) return res.json({ alarms: [] });
        const rows = await ctx.db.alarm.findMany({
          where: {
            ...scope,
            ...(q.status ? { status: { in: q.status } } : {}),
            ...(q.level ? { level: q.level } : {}),
            ...(q.sensorType ? { sensorType: q.sensorType } : {}),
            ...(q.districtCode ? { districtCode: q.districtCode } : {}),
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
        if (!row || !mayRead('alarm', actorOf(req), row)) throw notFound(`alarm ${String(req.params.id)}`);
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
        const id = String(req.params.id);
        res.json({
          alarm: await audited(ctx, req, 'alarm.acknowledge', id, { note: body.note }, () =>
            iot.alarms.acknowledge(id, body, actorOf(req)),
          ),
        });
      }),
    );
    router.post(
      '/alarms/:id/confirm',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(AlarmConfirmBody, req.body ?? {}, 'confirmation');
        const id = String(req.params.id);
        res.json({
          alarm: await audited(ctx, req, 'alarm.confirm', id, { as: body.as, note: body.note }, () =>
            iot.alarms.confirm(id, body, actorOf(req)),
          ),
        });
      }),
    );
    router.post(
      '/alarms/:id/false',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(AlarmNoteBody, req.body ?? {}, 'false-alarm decision');
        const id = String(req.params.id);
        res.json({
          alarm: await audited(ctx, req, 'alarm.false', id, { note: body.note }, () =>
            iot.alarms.markFalse(id, body, actorOf(req)),
          ),
        });
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
        res.json({ incidents: await iot.incidents.list(status, actorOf(req)) });
      }),
    );
    router.get(
      '/incidents/:id',
      auth,
      asyncHandler(async (req, res) => {
        res.json({ incident: await iot.incidents.get(String(req.params.id), actorOf(req)) });
      }),
    );
    router.post(
      '/incidents',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(IncidentBody, req.body, 'incident');
        const incident = await audited(ctx, req, 'incident.create', body.title, { ...body }, () =>
          iot.incidents.create(body, actorOf(req)),
        );
        res.status(201).json({ incident });
      }),
    );
    router.patch(
      '/incidents/:id',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(IncidentPatch, req.body, 'incident change');
        const id = String(req.params.id);
        res.json({
          incident: await audited(ctx, req, 'incident.change', id, { ...body }, () =>
            iot.incidents.patch(id, body, actorOf(req)),
          ),
        });
      }),
    );
  };
}
