// Machine ingest of the city's devices, authenticated by the ingest key (X-Ingest-Key):
//   POST /api/ingest/readings        {readings: [{sensorId, value, at?}]}   up to 5,000, alarm evaluation
//   POST /api/ingest/cameras/status  {items: [{cameraId, status, at?}]}
//   POST /api/ingest/detections      {detections: [DetectionBody]} (or one DetectionBody)
//   POST /api/ingest/positions       {positions: [{id, lon, lat, heading?, speedKmh?, at?}]}
//   GET  /api/ingest/devices         the device registry a gateway (or the simulator) feeds
//   GET  /api/ingest/tickets/:ref    results back to the 12345 hotline: the case of a ticket (externalRef)
// Bad items of a batch are answered per item (207); a malformed batch is a 400 that says what to fix.
// A node busy with INGEST_MAX_READINGS readings answers 503 with Retry-After (ingest/admission.ts).
import type { RequestHandler, Router } from 'express';
import { ReadingBatch } from '@contract/alarms';
import { CameraStatusBatch, DetectionBatch, DetectionBody, PositionBatch } from '@contract/city';
import type { ServerContext } from '../context';
import { notFound, unauthorized } from '../errors';
import type { Iot } from '../ingest';
import { sameKey } from '../ingest/key';
import { FORWARDED_HEADER } from '../alarms/router';
import { runBatch } from './batch';
import { asyncHandler, parseOr400, sendError } from './errors';

/** seconds a gateway waits before it sends a refused batch again */
const RETRY_AFTER_S = 1;

export function mountIotIngest(ctx: ServerContext, iot: Iot, ingestKey: string) {
  return (router: Router) => {
    const key: RequestHandler = (req, _res, next) => {
      if (!sameKey(req.get('x-ingest-key') ?? undefined, ingestKey)) {
        next(unauthorized('缺少或错误的接入密钥 / Missing or wrong X-Ingest-Key header'));
        return;
      }
      next();
    };
    router.post(
      '/ingest/readings',
      key,
      asyncHandler(async (req, res) => {
        const batch = parseOr400(ReadingBatch, req.body, 'reading batch');
        const forwarded = req.get(FORWARDED_HEADER) === '1';
        const release = iot.admission.enter(batch.readings.length, forwarded);
        if (!release) {
          // Sent here, not thrown: a full node is expected under load, not an error to log with a stack.
          res.set('Retry-After', String(RETRY_AFTER_S));
          sendError(res, {
            status: 503,
            code: 'overloaded',
            message: {
              zh: `本节点正在处理的读数已达上限（${iot.admission.limit} 条），请 ${RETRY_AFTER_S} 秒后重发`,
              en: `this node is busy with its limit of ${iot.admission.limit} readings: send the batch again in ${RETRY_AFTER_S} s`,
            },
            details: { retryAfterS: RETRY_AFTER_S },
            internal: false,
          });
          return;
        }
        try {
          const result = await iot.readings.ingest(batch.readings, forwarded);
          res.status(result.rejected.length ? 207 : 200).json(result);
        } finally {
          release();
        }
      }),
    );
    router.post(
      '/ingest/cameras/status',
      key,
      asyncHandler(async (req, res) => {
        const result = await iot.video.status(parseOr400(CameraStatusBatch, req.body, 'camera status batch'));
        res.status(result.rejected.length ? 207 : 200).json(result);
      }),
    );
    router.post(
      '/ingest/detections',
      key,
      asyncHandler(async (req, res) => {
        const body = req.body as { detections?: unknown };
        if (!Array.isArray(body?.detections)) {
          const one = await iot.video.detect(parseOr400(DetectionBody, req.body, 'detection'));
          res.status(201).json(one);
          return;
        }
        const batch = parseOr400(DetectionBatch, req.body, 'detection batch');
        await runBatch(res, batch.detections, DetectionBody, async (d) => ({
          ...(await iot.video.detect(d)),
        }));
      }),
    );
    router.post(
      '/ingest/positions',
      key,
      asyncHandler(async (req, res) => {
        const result = iot.positions.ingest(parseOr400(PositionBatch, req.body, 'position batch'));
        res.status(result.rejected.length ? 207 : 200).json(result);
      }),
    );
    router.get(
      '/ingest/tickets/:ref',
      key,
      asyncHandler(async (req, res) => {
        const ref = String(req.params.ref);
        const c = await ctx.db.case.findFirst({
          where: { externalRef: ref },
          orderBy: { reportedAt: 'desc' },
        });
        if (!c) throw notFound(`ticket ${ref}`);
        const last = await ctx.db.caseEvent.findFirst({ where: { caseId: c.id }, orderBy: { id: 'desc' } });
        res.json({
          ticket: ref,
          caseNumber: c.caseNumber,
          state: c.state,
          status: c.state === 'closed' || c.state === 'voided' ? 'closed' : 'open',
          outcome: c.outcome,
          departmentId: c.departmentId,
          lastNote: last?.note ?? '',
          updatedAt: c.updatedAt.toISOString(),
          closedAt: c.closedAt?.toISOString() ?? null,
        });
      }),
    );
    router.get(
      '/ingest/devices',
      key,
      asyncHandler(async (_req, res) => {
        const [cameras, vehicles, inspectors] = await Promise.all([
          ctx.db.camera.findMany({
            select: { id: true, lon: true, lat: true, heading: true, owner: true },
            orderBy: { id: 'asc' },
          }),
          ctx.db.vehicle.findMany({
            select: { id: true, kind: true, lon: true, lat: true },
            orderBy: { id: 'asc' },
          }),
          ctx.db.gridCell.groupBy({
            by: ['inspectorId'],
            _avg: { centerLon: true, centerLat: true },
            orderBy: { inspectorId: 'asc' },
          }),
        ]);
        const sensors = [...iot.engine.sensors.values()]
          .map((s) => ({ id: s.info.id, type: s.info.type, intervalS: s.info.intervalS }))
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        res.json({
          sensors,
          cameras,
          vehicles,
          inspectors: inspectors
            .filter((g) => g.inspectorId)
            .map((g) => ({ id: g.inspectorId, lon: g._avg.centerLon, lat: g._avg.centerLat })),
        });
      }),
    );
  };
}
