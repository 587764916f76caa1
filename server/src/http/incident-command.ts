// Emergency command over REST (signed-in users; commands by commander and dispatcher, see
// server/src/domain/incidents/lifecycle.ts). Every refused command answers 409 with what is allowed.
//   GET  /api/units?status=available,en_route          units with status, time in status, fix age
//   POST /api/units/:id/status {status, version?, note?}  a unit's status by hand
//   GET  /api/incidents/:id/command                    the drawer: roster with ETAs, segments, allowed commands
//   GET  /api/incidents/:id/timeline                   every event with time and person
//   GET  /api/incidents/:id/recommendations            units for what the run card still needs, by road ETA
//   GET  /api/incidents/:id/routes                     road routes of the units on their way
//   POST /api/incidents/:id/commands {command, …}      assign (unitIds, all or none), release, unitStatus,
//                                                      note, setLevel, handOver, link, control, close, cancel
//   GET  /api/run-cards, PUT /api/run-cards/:type/:level {needs, version?}   (PUT: admin, audited)
//   GET  /api/response-times?days=30                   90th percentiles by type and district, with targets
// Simulator (X-Ingest-Key): GET /api/ingest/dispatch/orders, POST /api/ingest/units/:id/status {status}
import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import {
  IncidentCommandBody,
  IncidentLevel,
  IncidentType,
  RunCardNeed,
  UnitStatus,
  UnitStatusBody,
} from '@contract/incidents';
import { expectVersion, recordChange } from '../audit/admin-changes';
import type { ServerContext } from '../context';
import { runCardFor } from '../domain/incidents';
import { forbidden, unauthorized } from '../errors';
import { sameKey } from '../ingest/key';
import type { IncidentReads } from '../incidents/reads';
import type { IncidentCommands } from '../incidents/service';
import type { UnitStore } from '../incidents/unit-store';
import { actorOf, requireActor } from './auth';
import { asyncHandler, parseOr400 } from './errors';

export interface IncidentCommandDeps {
  commands: IncidentCommands;
  reads: IncidentReads;
  units: UnitStore;
}

const id = (req: { params: Record<string, unknown> }) => String(req.params.id);

export function mountIncidentCommand(ctx: ServerContext, deps: IncidentCommandDeps, ingestKey: string) {
  const { commands, reads, units } = deps;
  return (router: Router) => {
    const auth = requireActor(ctx);
    const key: RequestHandler = (req, _res, next) =>
      next(
        sameKey(req.get('x-ingest-key') ?? undefined, ingestKey)
          ? undefined
          : unauthorized('X-Ingest-Key required'),
      );

    router.get(
      '/units',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(z.object({ status: z.string().max(200).optional() }), req.query, 'unit query');
        const status = q.status
          ? parseOr400(
              z.array(UnitStatus),
              q.status.split(',').map((s) => s.trim()),
              'status list',
            )
          : undefined;
        const now = ctx.clock.now();
        res.json({ units: (await units.all({ status })).map((l) => units.view(l, now)) });
      }),
    );
    router.post(
      '/units/:id/status',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(UnitStatusBody, req.body ?? {}, 'unit status');
        const row = await commands.unitStatus(id(req), body, actorOf(req));
        res.json({ unit: units.view(units.locate(row), ctx.clock.now()) });
      }),
    );
    router.get(
      '/incidents/:id/command',
      auth,
      asyncHandler(async (req, res) => res.json({ incident: await reads.view(id(req), actorOf(req)) })),
    );
    router.get(
      '/incidents/:id/timeline',
      auth,
      asyncHandler(async (req, res) => res.json({ events: await reads.timeline(id(req)) })),
    );
    router.get(
      '/incidents/:id/recommendations',
      auth,
      asyncHandler(async (req, res) => res.json(await reads.recommend(id(req)))),
    );
    router.get(
      '/incidents/:id/routes',
      auth,
      asyncHandler(async (req, res) => res.json({ routes: await reads.routes(id(req)) })),
    );
    router.post(
      '/incidents/:id/commands',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(IncidentCommandBody, req.body ?? {}, 'incident command');
        await commands.command(id(req), body, actorOf(req));
        res.json({ incident: await reads.view(id(req), actorOf(req)) });
      }),
    );
    router.get(
      '/run-cards',
      auth,
      asyncHandler(async (_req, res) => res.json({ edited: await reads.runCards() })),
    );
    router.put(
      '/run-cards/:type/:level',
      auth,
      asyncHandler(async (req, res) => {
        const actor = actorOf(req);
        if (actor.role !== 'admin')
          throw forbidden('只有系统管理员可以编辑出动方案 / Only administrators edit run cards');
        const type = parseOr400(IncidentType, req.params.type, 'incident type');
        const level = parseOr400(z.coerce.number().pipe(IncidentLevel), req.params.level, 'level');
        const { needs, version } = parseOr400(
          z
            .object({ needs: z.array(RunCardNeed).max(12), version: z.number().int().min(0).optional() })
            .strict(),
          req.body ?? {},
          'run card',
        );
        const data = { needs: JSON.stringify(needs), updatedBy: actor.userId, updatedAt: ctx.clock.now() };
        const key = `${type}:${level}`;
        const before = runCardFor(type, level, await reads.runCards()).needs;
        // The change and its audit entry commit together; a stale `version` (docs/adr/0020) is a 409.
        await ctx.db.$transaction(async (tx) => {
          if (version !== undefined) await expectVersion(tx, 'runCard', key, version, { needs: before });
          await tx.runCardRow.upsert({
            where: { incidentType_level: { incidentType: type, level } },
            create: { incidentType: type, level, ...data },
            update: data,
          });
          await recordChange(tx, ctx, actor, {
            entity: 'runCard',
            id: key,
            action: 'update',
            before: { needs: before },
            after: { needs },
          });
        });
        res.json({ runCard: { type, level, needs } });
      }),
    );
    router.get(
      '/response-times',
      auth,
      asyncHandler(async (req, res) => {
        const { days } = parseOr400(
          z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
          req.query,
          'response-time query',
        );
        res.json(await reads.figures(new Date(ctx.clock.now().getTime() - days * 86_400_000)));
      }),
    );
    router.get(
      '/ingest/dispatch/orders',
      key,
      asyncHandler(async (_req, res) => res.json({ orders: await reads.orders() })),
    );
    router.post(
      '/ingest/units/:id/status',
      key,
      asyncHandler(async (req, res) => {
        const body = parseOr400(UnitStatusBody, req.body ?? {}, 'unit status');
        const row = await commands.unitStatus(id(req), body, null);
        res.json({ unit: units.view(units.locate(row), ctx.clock.now()) });
      }),
    );
  };
}
