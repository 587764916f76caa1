// Administration of security (administrators only):
//   GET  /api/admin/audit?action=&username=&from=&to=&before=&limit=   the audit trail, newest first
//   GET  /api/admin/audit.csv?…same filters                            the same as a CSV export (UTF-8 BOM)
//   POST /api/admin/lockouts/unlock {username?, address?}              lifts a sign-in lock
import type { Request, Router } from 'express';
import { z } from 'zod';
import { audit, AUDIT_ACTIONS } from '../audit/audit';
import type { LoginGuard } from '../auth/login-guard';
import type { ServerContext } from '../context';
import { allow } from './access';
import type { RouteLimits } from './route-limits';
import { actorOf, requireActor } from './auth';
import { csvCell, sendCsvLines } from './csv';
import { asyncHandler, parseOr400 } from './errors';

export const AuditQuery = z.object({
  action: z
    .union([
      z.enum(AUDIT_ACTIONS),
      // administration changes (docs/adr/0020), e.g. admin.department.update
      z.string().regex(/^admin\.[a-zA-Z]+\.(create|update|delete)$/, 'an audit action, e.g. auth.login'),
    ])
    .optional(),
  username: z.string().trim().min(1).max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** entries with a smaller id (paging backwards) */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
});

export const Unlock = z
  .object({
    username: z.string().trim().min(1).max(64).optional(),
    address: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
  .refine((b) => b.username || b.address, 'give a username, an address or both');

export function mountSecurityAdmin(ctx: ServerContext, guard: LoginGuard, limits: RouteLimits) {
  return (router: Router) => {
    const auth = [requireActor(ctx), allow('admin')];
    const query = async (req: Request) => {
      const q = parseOr400(AuditQuery, req.query, 'audit query');
      return ctx.db.auditEntry.findMany({
        where: {
          ...(q.action ? { action: q.action } : {}),
          ...(q.username ? { username: q.username } : {}),
          ...(q.from || q.to
            ? {
                at: {
                  ...(q.from ? { gte: new Date(q.from) } : {}),
                  ...(q.to ? { lte: new Date(q.to) } : {}),
                },
              }
            : {}),
          ...(q.before ? { id: { lt: q.before } } : {}),
        },
        orderBy: { id: 'desc' },
        take: q.limit,
      });
    };
    router.get(
      '/admin/audit',
      auth,
      asyncHandler(async (req, res) => {
        const rows = await query(req);
        res.json({
          entries: rows.map((r) => ({
            ...r,
            at: r.at.toISOString(),
            detail: JSON.parse(r.detail) as unknown,
            // administration changes (admin.*): the changed fields before and after (docs/adr/0020)
            before: r.before === null ? null : (JSON.parse(r.before) as unknown),
            after: r.after === null ? null : (JSON.parse(r.after) as unknown),
          })),
        });
      }),
    );
    router.get(
      '/admin/audit.csv',
      auth,
      limits.limit('export'),
      asyncHandler(async (req, res) => {
        const rows = await query(req);
        const columns = [
          'id',
          'at',
          'action',
          'outcome',
          'username',
          'role',
          'actorId',
          'address',
          'target',
          'detail',
          'drill',
          'actorName',
          'before',
          'after',
        ] as const;
        const lines = [columns.join(',')];
        for (const r of rows)
          lines.push(columns.map((c) => csvCell(c === 'at' ? r.at.toISOString() : r[c])).join(','));
        sendCsvLines(res, 'audit', ctx.config.drill, lines);
      }),
    );
    router.post(
      '/admin/lockouts/unlock',
      auth,
      asyncHandler(async (req, res) => {
        const actor = actorOf(req);
        const body = parseOr400(Unlock, req.body, 'unlock');
        await guard.unlock(body);
        await audit(ctx, {
          action: 'auth.unlocked',
          actor,
          address: req.ip,
          target: [body.username, body.address].filter(Boolean).join(' '),
          detail: body,
        });
        res.json({ unlocked: body });
      }),
    );
  };
}
