// Administration on the wire (admin only): users and roles, and the audit of every change.
import { z } from 'zod';
import { Role } from './domain';

export const AdminUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  departmentId: z.string().nullable(),
  districtCode: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUserQuery = z.object({
  q: z.string().trim().max(64).optional(),
  role: Role.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type AdminUserQuery = z.infer<typeof AdminUserQuery>;

const DistrictCode = z.string().regex(/^\d{6}$/, 'districtCode is a 6-digit division code');

/** POST /api/admin/users */
export const AdminUserCreate = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'username: 3–64 lower-case letters, digits, . _ -'),
    displayName: z.string().trim().min(1, 'displayName is empty').max(64),
    role: Role,
    departmentId: z.string().trim().max(64).nullable().optional(),
    districtCode: DistrictCode.nullable().optional(),
    password: z.string().min(8, 'password: at least 8 characters').max(200),
  })
  .strict();
export type AdminUserCreate = z.infer<typeof AdminUserCreate>;

/** PATCH /api/admin/users/:id: only the fields given change */
export const AdminUserPatch = z
  .object({
    displayName: z.string().trim().min(1).max(64).optional(),
    role: Role.optional(),
    departmentId: z.string().trim().max(64).nullable().optional(),
    districtCode: DistrictCode.nullable().optional(),
    active: z.boolean().optional(),
    password: z.string().min(8, 'password: at least 8 characters').max(200).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');
export type AdminUserPatch = z.infer<typeof AdminUserPatch>;

export const AdminChangeView = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});
export type AdminChangeView = z.infer<typeof AdminChangeView>;
