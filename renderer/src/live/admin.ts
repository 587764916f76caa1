// The administrator's client: users and roles, and the audit of changes.
import { AdminChangeView, AdminUser, type AdminUserCreate, type AdminUserPatch } from '@contract/admin';
import type { Role } from '@contract/domain';
import { z } from 'zod';
import type { ApiClient } from './api';

const Users = z.object({ users: z.array(AdminUser) });
const One = z.object({ user: AdminUser });
const Changes = z.object({ changes: z.array(AdminChangeView) });

export interface AdminClient {
  users(q: string, role: Role | null): Promise<AdminUser[]>;
  create(body: AdminUserCreate): Promise<AdminUser>;
  update(id: string, patch: AdminUserPatch): Promise<AdminUser>;
  audit(): Promise<AdminChangeView[]>;
}

export function createAdminClient(api: ApiClient): AdminClient {
  return {
    async users(q, role) {
      const params = new URLSearchParams({ limit: '300' });
      if (q.trim()) params.set('q', q.trim());
      if (role) params.set('role', role);
      return (await api.get(`/admin/users?${params.toString()}`, Users)).users;
    },
    create: async (body) => (await api.post('/admin/users', body, One)).user,
    update: async (id, patch) => (await api.patch(`/admin/users/${encodeURIComponent(id)}`, patch, One)).user,
    audit: async () => (await api.get('/admin/changes?limit=30', Changes)).changes,
  };
}
