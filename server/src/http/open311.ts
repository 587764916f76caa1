// Open311 GeoReport v2 (public, no key): https://wiki.open311.org/GeoReport_v2
//   GET  /open311/v2/services.json            the event and part subclasses people may report
//   POST /open311/v2/requests.json            form or JSON: service_code, lat, long, address_string,
//                                             description, media_url -> a `public` report
//   GET  /open311/v2/requests.json            ?service_request_id=a,b&service_code=&status=open,closed
//                                             &start_date=&end_date= (public-channel requests, newest first)
//   GET  /open311/v2/requests/{id}.json       one request (id = case number)
// Every call also as .xml (the spec's default format). Errors are the spec's [{code, description}]
// (<errors><error>…) with the HTTP status.
import express, { type ErrorRequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { ServerContext } from '../context';
import type { CaseService } from '../cases/service';
import { SYSTEM_ACTOR } from '../domain';
import { asyncHandler, classifyError, describeZodError } from './errors';
import { sendOpen311 } from './open311-xml';

const CLOSED = new Set(['closed', 'voided']);
const STATE_NOTES: Record<string, string> = {
  reported: '已受理上报，等待核实 / Received',
  verifying: '核实中 / Being verified',
  accepted: '已受理 / Accepted',
  opened: '已立案 / Case opened',
  dispatched: '已派遣 / Dispatched',
  handling: '处置中 / Being handled',
  handled: '已处置，待核查 / Handled, awaiting check',
  checking: '核查中 / Being checked',
  closed: '已结案 / Closed',
  voided: '已作废 / Not a valid problem',
  returned: '重新派遣中 / Being re-dispatched',
  reworked: '返工处置中 / Reworked',
  suspended: '缓办 / Suspended',
};

const num = (name: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
    z
      .number({ error: `${name} is required (a number)` })
      .min(min, `${name} out of range`)
      .max(max, `${name} out of range`),
  );

const PostRequest = z
  .object({
    service_code: z.string({ error: 'service_code is required' }).trim().min(1).max(40),
    lat: num('lat', -90, 90),
    long: num('long', -180, 180),
    address_string: z.string().trim().max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    media_url: z
      .string()
      .trim()
      .max(2000)
      .regex(/^https?:\/\//, 'media_url must be an http(s) URL')
      .optional(),
    jurisdiction_id: z.string().max(100).optional(),
    api_key: z.string().max(200).optional(),
  })
  .loose();

const ListQuery = z.object({
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(40).optional(),
  status: z
    .string()
    .regex(/^(open|closed)(,(open|closed))?$/, 'status is open, closed or open,closed')
    .optional(),
  start_date: z.iso
    .datetime({ offset: true, error: 'start_date must be ISO 8601 (w3c) with offset' })
    .optional(),
  end_date: z.iso.datetime({ offset: true, error: 'end_date must be ISO 8601 (w3c) with offset' }).optional(),
  jurisdiction_id: z.string().max(100).optional(),
});

class Open311Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** 2026-11-23T10:00:00+08:00: the city's local time, as the spec's examples show. */
function local(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

export function open311Router(ctx: ServerContext, cases: CaseService): Router {
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }), express.urlencoded({ extended: false, limit: '64kb' }));
  const recent = new Map<string, number[]>();
  const limited = (ip: string) => {
    const now = ctx.clock.now().getTime();
    const times = (recent.get(ip) ?? []).filter((t) => now - t < 60_000);
    times.push(now);
    recent.set(ip, times);
    if (recent.size > 10_000) recent.clear();
    return times.length > 30;
  };

  router.get(['/v2/services.json', '/v2/services.xml'], (req, res) => {
    const services = [...cases.ref.categories.values()]
      .filter((c) => !c.isMajor && c.active)
      .map((c) => ({
        service_code: c.id,
        service_name: c.name,
        description: `${c.kind === 'part' ? '部件' : '事件'} ${c.code} ${c.name} / ${c.nameEn}`,
        metadata: false,
        type: 'realtime',
        keywords: [c.kind, c.code, c.nameEn].join(','),
        group: cases.ref.categories.get(`${c.kind}-${c.majorCode}`)?.name ?? '',
      }));
    sendOpen311(req, res, 200, 'services', services);
  });

  router.post(
    ['/v2/requests.json', '/v2/requests.xml'],
    asyncHandler(async (req, res) => {
      if (limited(req.ip ?? ''))
        throw new Open311Error(429, 'too many requests from this address: try again in a minute');
      const parsed = PostRequest.safeParse(req.body ?? {});
      if (!parsed.success) throw new Open311Error(400, describeZodError(parsed.error));
      const body = parsed.data;
      const category = cases.ref.categories.get(body.service_code);
      if (!category || category.isMajor || !category.active) {
        throw new Open311Error(404, `service_code ${body.service_code} not found: see services.json`);
      }
      const created = await cases.report(
        {
          source: 'public',
          categoryId: category.id,
          lon: body.long,
          lat: body.lat,
          address: body.address_string ?? '',
          description: body.description || category.name,
          photos: body.media_url ? [body.media_url] : [],
        },
        SYSTEM_ACTOR,
      );
      sendOpen311(req, res, 201, 'requests', [
        {
          service_request_id: created.caseNumber,
          service_notice: `已收到您的反映，案件编号 ${created.caseNumber} / Received: your request number is ${created.caseNumber}`,
          account_id: null,
        },
      ]);
    }),
  );

  const toRequest = async (rows: Array<Awaited<ReturnType<typeof ctx.db.case.findMany>>[number]>) =>
    rows.map((c) => {
      const category = cases.ref.categories.get(c.categoryId);
      const dept = cases.ref.departments.get(c.departmentId ?? c.suggestedDepartmentId ?? '');
      const photos = JSON.parse(c.photos) as string[];
      return {
        service_request_id: c.caseNumber,
        status: CLOSED.has(c.state) ? 'closed' : 'open',
        status_notes: STATE_NOTES[c.state] ?? c.state,
        service_name: category?.name ?? c.categoryId,
        service_code: c.categoryId,
        description: c.description,
        agency_responsible: dept?.name ?? null,
        service_notice: null,
        requested_datetime: local(c.reportedAt),
        updated_datetime: local(c.updatedAt),
        expected_datetime: c.overallDeadline ? local(c.overallDeadline) : null,
        address: c.address,
        address_id: null,
        zipcode: null,
        lat: c.lat,
        long: c.lon,
        media_url: photos[0] ?? null,
      };
    });

  router.get(
    ['/v2/requests.json', '/v2/requests.xml'],
    asyncHandler(async (req, res) => {
      const parsed = ListQuery.safeParse(req.query);
      if (!parsed.success) throw new Open311Error(400, describeZodError(parsed.error));
      const q = parsed.data;
      const ids = q.service_request_id
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const statuses = q.status?.split(',');
      const end = q.end_date ? new Date(q.end_date) : ctx.clock.now();
      const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - 90 * 86_400_000);
      const rows = await ctx.db.case.findMany({
        where: {
          source: 'public',
          ...(ids ? { caseNumber: { in: ids } } : { reportedAt: { gte: start, lte: end } }),
          ...(q.service_code ? { categoryId: q.service_code } : {}),
          ...(statuses?.length === 1
            ? statuses[0] === 'closed'
              ? { state: { in: [...CLOSED] } }
              : { state: { notIn: [...CLOSED] } }
            : {}),
        },
        orderBy: { reportedAt: 'desc' },
        take: 1000,
      });
      sendOpen311(req, res, 200, 'requests', await toRequest(rows));
    }),
  );

  router.get(
    ['/v2/requests/:id.json', '/v2/requests/:id.xml'],
    asyncHandler(async (req, res) => {
      const id = String(req.params.id);
      const row = await ctx.db.case.findFirst({ where: { caseNumber: id, source: 'public' } });
      if (!row) throw new Open311Error(404, `service request ${id} not found`);
      sendOpen311(req, res, 200, 'requests', await toRequest([row]));
    }),
  );

  router.use((req, _res, next) =>
    next(new Open311Error(404, `no such Open311 endpoint: ${req.method} ${req.path} (.json or .xml)`)),
  );
  const errors: ErrorRequestHandler = (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    let status: number;
    let description: string;
    if (err instanceof Open311Error) {
      status = err.status;
      description = err.message;
    } else {
      // parsers, URL decoding, our own AppErrors: the same classification as the REST API
      const error = classifyError(err);
      status = error.status;
      description = error.message.en;
      if (error.internal) ctx.log.error('open311 error', { method: req.method, path: req.path, err });
    }
    sendOpen311(req, res, status, 'errors', [{ code: status, description }]);
  };
  router.use(errors);
  return router;
}
