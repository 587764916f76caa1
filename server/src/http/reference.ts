// Reference data for the client (categories, departments, divisions) and admin edits of the category
// tree and time limits. Admin-only writes; every write reloads the in-memory reference.
import type { Router } from 'express';
import { z } from 'zod';
import { Urgency } from '@contract/domain';
import type { ServerContext } from '../context';
import type { CaseService } from '../cases/service';
import { loadReference } from '../db/reference';
import { forbidden, notFound } from '../errors';
import { actorOf, requireActor } from './auth';
import { asyncHandler, parseOr400 } from './errors';
import { AdminCategoryPatch } from '@contract/admin';
import { expectVersion, recordChange } from '../audit/admin-changes';

const TimeLimitPut = z
  .object({
    categoryId: z.string().max(40).nullable(),
    urgency: Urgency,
    step: z.enum(['accept', 'dispatch', 'handle', 'check', 'overall', 'onsite']),
    unit: z.enum(['working_minutes', 'natural_minutes']),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 365),
  })
  .strict();

export function mountReference(ctx: ServerContext, service: CaseService) {
  return (router: Router) => {
    const auth = requireActor(ctx);
    router.get(
      '/reference',
      auth,
      asyncHandler(async (_req, res) => {
        const divisions = await ctx.db.division.findMany({
          where: { level: { in: ['city', 'district', 'street'] } },
        });
        res.json({
          categories: [...service.ref.categories.values()],
          departments: [...service.ref.departments.values()].map(({ categoryIds, ...d }) => ({
            ...d,
            categoryCount: categoryIds.length,
          })),
          divisions,
        });
      }),
    );
    const adminOnly = (role: string) => {
      if (role !== 'admin')
        throw forbidden('仅系统管理员可修改基础数据 / Only an administrator may change reference data');
    };
    router.patch(
      '/admin/categories/:id',
      auth,
      asyncHandler(async (req, res) => {
        adminOnly(actorOf(req).role);
        const { version, ...patch } = parseOr400(AdminCategoryPatch, req.body, 'category change');
        const id = String(req.params.id);
        const existing = await ctx.db.category.findUnique({ where: { id } });
        if (!existing) throw notFound(`category ${id}`);
        const before: Record<string, unknown> = {};
        for (const key of Object.keys(patch)) before[key] = existing[key as keyof typeof existing];
        // The change and its audit entry (admin.category.update, docs/adr/0020) commit together.
        const updated = await ctx.db.$transaction(async (tx) => {
          if (version !== undefined) await expectVersion(tx, 'category', id, version, existing);
          const row = await tx.category.update({ where: { id }, data: patch });
          await recordChange(tx, ctx, actorOf(req), {
            entity: 'category',
            id,
            action: 'update',
            before,
            after: patch,
          });
          return row;
        });
        service.ref = await loadReference(ctx.db);
        ctx.log.info('category changed', { id, by: actorOf(req).userId, patch });
        res.json(updated);
      }),
    );
    router.put(
      '/admin/time-limits',
      auth,
      asyncHandler(async (req, res) => {
        adminOnly(actorOf(req).role);
        const body = parseOr400(TimeLimitPut, req.body, 'time limit');
        if (body.categoryId && !service.ref.categories.has(body.categoryId))
          throw notFound(`category ${body.categoryId}`);
        const id = `${body.categoryId ?? 'default'}:${body.urgency}:${body.step}`;
        const previous = await ctx.db.timeLimit.findUnique({ where: { id } });
        const row = await ctx.db.$transaction(async (tx) => {
          const saved = await tx.timeLimit.upsert({ where: { id }, create: { id, ...body }, update: body });
          await recordChange(tx, ctx, actorOf(req), {
            entity: 'timeLimit',
            id: body.categoryId ?? 'default',
            action: previous ? 'update' : 'create',
            before: previous ? { [id]: { unit: previous.unit, minutes: previous.minutes } } : {},
            after: { [id]: { unit: body.unit, minutes: body.minutes } },
          });
          return saved;
        });
        service.ref = await loadReference(ctx.db);
        res.json(row);
      }),
    );
  };
}
