// Administration (admin only; everyone else 403):
//   GET   /api/admin/users?q=&role=&limit=     users and their roles
//   POST  /api/admin/users {username, displayName, role, departmentId?, districtCode?, password}
//   PATCH /api/admin/users/:id {displayName?, role?, departmentId?, districtCode?, active?, password?}
//   GET   /api/admin/changes?entity=&entityId=&limit=   administration changes, newest first: the admin.*
//                                               entries of the one audit table (docs/adr/0020)
import type { Router } from 'express';
import { AdminChangeQuery, AdminUserCreate, AdminUserPatch, AdminUserQuery } from '@contract/admin';
import { AdminUsers } from '../admin/users';
import type { ServerContext } from '../context';
import { allow } from './access';
import { actorOf, requireActor } from './auth';
import { asyncHandler, parseOr400 } from './errors';

export function mountAdmin(ctx: ServerContext) {
  const users = new AdminUsers(ctx);
  return (router: Router) => {
    // the service checks the role too; the route refuses before parsing anything
    const auth = [requireActor(ctx), allow('admin')];
    router.get(
      '/admin/users',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(AdminUserQuery, req.query, 'user query');
        res.json({ users: await users.list(q, actorOf(req)) });
      }),
    );
    router.post(
      '/admin/users',
      auth,
      asyncHandler(async (req, res) => {
        const body = parseOr400(AdminUserCreate, req.body ?? {}, 'user');
        res.status(201).json({ user: await users.create(body, actorOf(req)) });
      }),
    );
    router.patch(
      '/admin/users/:id',
      auth,
      asyncHandler(async (req, res) => {
        const patch = parseOr400(AdminUserPatch, req.body ?? {}, 'user change');
        res.json({ user: await users.update(String(req.params.id), patch, actorOf(req)) });
      }),
    );
    router.get(
      '/admin/changes',
      auth,
      asyncHandler(async (req, res) => {
        const q = parseOr400(AdminChangeQuery, req.query, 'change query');
        res.json({ changes: await users.auditTrail(actorOf(req), q) });
      }),
    );
  };
}
