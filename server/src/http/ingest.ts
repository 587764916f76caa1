// Machine ingest of reports from every channel (12345 gateway, video AI, IoT platform, the simulator):
// one report or a batch of up to 500, authenticated by the ingest key. Each report is validated on its
// own; a batch answers per item, so one bad report never drops the others.
import type { Router } from 'express';
import { z } from 'zod';
import { ReportBody } from '@contract/cases';
import { SYSTEM_ACTOR } from '../domain';
import type { ServerContext } from '../context';
import type { CaseService } from '../db/cases/service';
import { AppError, unauthorized } from '../errors';
import { sameKey } from '../ingest/key';
import { asyncHandler, describeZodError, parseOr400 } from './errors';

const Batch = z
  .object({
    reports: z.array(z.unknown()).min(1, 'reports is empty').max(500, 'at most 500 reports per batch'),
  })
  .strict();

export function mountIngest(ctx: ServerContext, service: CaseService, ingestKey: string) {
  return (router: Router) => {
    router.use('/ingest', (req, _res, next) => {
      if (!sameKey(req.get('x-ingest-key') ?? undefined, ingestKey)) {
        next(unauthorized('缺少或错误的接入密钥 / Missing or wrong X-Ingest-Key header'));
        return;
      }
      next();
    });
    router.post(
      '/ingest/reports',
      asyncHandler(async (req, res) => {
        if (Array.isArray((req.body as { reports?: unknown })?.reports)) {
          const batch = parseOr400(Batch, req.body, 'batch');
          const results = [];
          for (const [index, raw] of batch.reports.entries()) {
            const parsed = ReportBody.safeParse(raw);
            if (!parsed.success) {
              results.push({ index, ok: false, status: 400, error: describeZodError(parsed.error) });
              continue;
            }
            try {
              const c = await service.report(parsed.data, SYSTEM_ACTOR);
              results.push({ index, ok: true, id: c.id, caseNumber: c.caseNumber });
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
              results.push({ index, ok: false, status: error.status, error: error.message });
            }
          }
          const accepted = results.filter((r) => r.ok).length;
          res
            .status(accepted === results.length ? 201 : 207)
            .json({ accepted, rejected: results.length - accepted, results });
          return;
        }
        const body = parseOr400(ReportBody, req.body, 'report');
        const c = await service.report(body, SYSTEM_ACTOR);
        res.status(201).json({ id: c.id, caseNumber: c.caseNumber, state: c.state });
      }),
    );
  };
}
