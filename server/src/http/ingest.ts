// Machine ingest of reports from every channel (12345 gateway, video AI, IoT platform, the simulator):
// one report or a batch of up to 500, authenticated by the ingest key. Each report is validated on its
// own; a batch answers per item, so one bad report never drops the others.
import type { Router } from 'express';
import { z } from 'zod';
import { ReportBody } from '@contract/cases';
import { SYSTEM_ACTOR } from '../domain';
import type { ServerContext } from '../context';
import type { CaseService } from '../cases/service';
import { unauthorized } from '../errors';
import { sameKey } from '../ingest/key';
import { runBatch } from './batch';
import { asyncHandler, parseOr400 } from './errors';

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
          await runBatch(res, batch.reports, ReportBody, async (report) => {
            const c = await service.report(report, SYSTEM_ACTOR);
            return { id: c.id, caseNumber: c.caseNumber };
          });
          return;
        }
        const body = parseOr400(ReportBody, req.body, 'report');
        const c = await service.report(body, SYSTEM_ACTOR);
        res.status(201).json({ id: c.id, caseNumber: c.caseNumber, state: c.state });
      }),
    );
  };
}
