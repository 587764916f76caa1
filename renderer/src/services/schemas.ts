// Shapes of the REST answers the renderer reads that have no schema in the shared contract yet
// (login, reference data). Validated at the edge like everything that crosses the network.
import { z } from 'zod';
import { CategoryKind, Role } from '@contract/domain';

export const SessionUserSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  departmentId: z.string().nullable(),
  districtCode: z.string().nullable(),
});

export const LoginResult = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  user: SessionUserSchema,
});
export type LoginResult = z.infer<typeof LoginResult>;

export const MeResult = z.object({ user: SessionUserSchema });

export const ReferenceResult = z.object({
  categories: z.array(
    z.object({
      id: z.string(),
      kind: CategoryKind,
      code: z.string(),
      majorCode: z.string(),
      name: z.string(),
      nameEn: z.string().default(''),
      isMajor: z.boolean(),
      active: z.boolean().default(true),
    }),
  ),
  departments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().default(''),
      kind: z.string(),
      districtCode: z.string().nullable(),
      streetCode: z.string().nullable(),
      active: z.boolean().default(true),
    }),
  ),
  divisions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string().default(''),
      level: z.string(),
      parentCode: z.string().nullable(),
    }),
  ),
});

export const CasePage = z.object({ total: z.number().int().nonnegative(), items: z.array(z.unknown()) });
