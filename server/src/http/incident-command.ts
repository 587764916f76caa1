// Emergency command over REST. Who may do what is decided in access/rules.ts (features `command`,
// `unitStatus`, `runCards`; an incident's routes follow the incident read and act rules, 404 / 403),
// then the lifecycle (server/src/domain/incidents/lifecycle.ts): a refused command answers 409 with what
// is allowed.
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
//   GET  /api/commanders                               commanders' names (who may read incidents)
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
import { unauthorized } from '../errors';
import { sameKey } from '../ingest/key';
import type { LiveUnits } from '../incidents/live-units';
import type { IncidentReads } from '../incidents/reads';
import type { IncidentCommands } from '../incidents/service';
import type { UnitStore } from '../incidents/unit-store';
import { mayRead, readFilter } from '../access/rules';
import { allow, incidentInScope } from './access';
import { actorOf, requireActor } from './auth';
import { asyncHandler, forbidden, parseOr400 } from './errors';

export interface IncidentCommandDeps {
  commands: IncidentCommands;
  reads: IncidentReads;
  units: UnitStore;
  live: LiveUnits;
}

export const UnitQuery = z.object({ status: z.string().max(200).optional() });
export const RunCardBody = z
  .object({ needs: z.array(RunCardNeed).max(12), version: z.number().int().min(0).optional() })
  .strict();
export const ResponseTimeQuery = z.object({
  days: z.coerce.number().int().min(1).max(366).default(30),
});

const id = (req: { params: Record<string, unknown> }) => String(req.params.id);

export function mountIncidentCommand(ctx: ServerContext, deps: IncidentCommandDeps, ingestKey: string) {
  const { commands, reads, units, live } = deps;
  return (router: Router) => {
    const auth = requireActor(ctx);
    const key: RequestHandler = (req, _res, next) =>
      next(
        sameKey(req.get('x-ingest-key') ?? undefined, ingestKey)
          ? undefined
          : unauthorized('X-Ingest-Key required'),
      );

    /** the incident named in the path, read in the viewer's scope (404 outside it) */
    const readable: RequestHandler = asyncHandler(async (req, _res, next) => {
      await incidentInScope(ctx, id(req), actorOf(req));
      next();
    });
    router.get(
      '/units',
      auth,
      allow('command'),
      asyncHandler(async (req, res) => {
        const q = parseOr400(UnitQuery, req.query, 'unit query');
        const status = q.status
          ? parseOr400(
              z.array(UnitStatus),
              q.status.split(',').map((s) => s.trim()),
              'status list',
            )
          : undefined;
        const now = ctx.clock.now();
        const located = await units.all({ status });
        // committed units are read like incidents (access/rules.ts `unit`, by their incident's district,
        // as the stream does); the others like the vehicles and inspectors whose positions everyone sees
        const district = await live.districts(located.map((l) => l.row));
        const viewer = actorOf(req);
        const visible = located.filter(({ row }) =>
          row.incidentId
            ? mayRead('unit', viewer, {
                departmentId: row.departmentId,
                districtCode: district.get(row.id) ?? null,
              })
            : mayRead(row.kind === 'inspector' ? 'inspector' : 'vehicle', viewer, {
                departmentId: row.departmentId,
                districtCode: null,
              }),
        );
        res.json({ units: visible.map((l) => units.view(l, now)) });
      }),
    );
    router.post(
      '/units/:id/status',
      auth,
      allow('unitStatus'),
      asyncHandler(async (req, res) => {
        const body = parseOr400(UnitStatusBody, req.body ?? {}, 'unit status');
        const row = await commands.unitStatus(id(req), body, actorOf(req));
        res.json({ unit: units.view(units.locate(row), ctx.clock.now()) });
      }),
    );
    router.get(
      '/incidents/:id/command',
      auth,
      readable,
      asyncHandler(async (req, res) => res.json({ incident: await reads.view(id(req), actorOf(req)) })),
    );
    router.get(
      '/incidents/:id/timeline',
      auth,
      readable,
      asyncHandler(async (req, res) => res.json({ events: await reads.timeline(id(req)) })),
    );
    router.get(
      '/incidents/:id/recommendations',
      auth,
      readable,
      asyncHandler(async (req, res) => res.json(await reads.recommend(id(req)))),
    );
    router.get(
      '/incidents/:id/routes',
      auth,
      readable,
      asyncHandler(async (req, res) => res.json({ routes: await reads.routes(id(req)) })),
    );
    router.post(
      '/incidents/:id/commands',
      auth,
      asyncHandler(async (req, res) => {
        await incidentInScope(ctx, id(req), actorOf(req), true);
        const body = parseOr400(IncidentCommandBody, req.body ?? {}, 'incident command');
        await commands.command(id(req), body, actorOf(req));
        res.json({ incident: await reads.view(id(req), actorOf(req)) });
      }),
    );
    router.get(
      '/run-cards',
      auth,
      allow('command'),
      asyncHandler(async (_req, res) => res.json({ edited: await reads.runCards() })),
    );
    router.put(
      '/run-cards/:type/:level',
      auth,
      allow('runCards'),
      asyncHandler(async (req, res) => {
        const actor = actorOf(req);
        const type = parseOr400(IncidentType, req.params.type, 'incident type');
        const level = parseOr400(z.coerce.number().pipe(IncidentLevel), req.params.level, 'level');
        const { needs, version } = parseOr400(RunCardBody, req.body ?? {}, 'run card');
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
      allow('command'),
      asyncHandler(async (req, res) => {
        const { days } = parseOr400(ResponseTimeQuery, req.query, 'response-time query');
        res.json(await reads.figures(new Date(ctx.clock.now().getTime() - days * 86_400_000)));
      }),
    );
    router.get(
      '/commanders',
      auth,
      asyncHandler(async (req, res) => {
        if (readFilter('incident', actorOf(req)).none)
          throw forbidden('无权查看应急指挥 / Your role does not see emergency command');
        const commanders = await ctx.db.user.findMany({
          where: { role: 'commander', active: true },
          select: { id: true, displayName: true },
          orderBy: { id: 'asc' },
        });
        res.json({ commanders });
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
