// REST endpoints of the case workflow. Bodies and queries are validated with the contract's zod schemas.
import type { Router } from 'express';
import { CaseListQuery, CommandBody, ReportBody } from '@contract/cases';
import type { ServerContext } from '../context';
import { listCases } from '../cases/read';
import type { CaseService } from '../cases/service';
import { actorOf, requireActor } from './auth';
import { asyncHandler, parseOr400 } from './errors';

export function mountCases(ctx: ServerContext, service: CaseService) {
  return (router: Router) => {
    const auth = requireActor(ctx);
    router.get(
      '/cases',
      auth,
      asyncHandler(async (req, res) => {
        const query = parseOr400(CaseListQuery, req.query, 'query');
        res.json(await listCases(ctx.db, service.ref, query, actorOf(req), ctx.clock.now()));
      }),
    );
    router.post(
      '/cases',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(ReportBody, req.body, 'report');
        res.status(201).json(await service.report(body, actorOf(req)));
      }),
    );
    router.get(
      '/cases/:id',
      auth,
      asyncHandler(async (req, res) => {
        res.json(await service.detail(String(req.params.id), actorOf(req)));
      }),
    );
    router.post(
      '/cases/:id/commands',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(CommandBody, req.body, 'command');
        res.json(await service.command(String(req.params.id), body, actorOf(req)));
      }),
    );
  };
}
