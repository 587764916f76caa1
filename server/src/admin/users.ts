// Users and roles for the administrator: list, create, change (role, department, district, name,
// active, password). Each change is checked against the reference data (a handler needs an active
// department, an inspector a district) and written with its audit entry (admin.user.*) in one transaction.
import crypto from 'node:crypto';
import type {
  AdminChangeQuery,
  AdminChangeView,
  AdminUser,
  AdminUserCreate,
  AdminUserPatch,
  AdminUserQuery,
} from '@contract/admin';
import type { Role } from '@contract/domain';
import { listChanges, recordChange } from '../audit/admin-changes';
import type { Actor } from '../auth/sessions';
import { hashPassword } from '../auth/password';
import type { ServerContext } from '../context';
import { badRequest, conflict, forbidden, notFound } from '../errors';

type UserRow = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentId: string | null;
  districtCode: string | null;
  active: boolean;
  createdAt: Date;
};

const toView = (u: UserRow): AdminUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role as Role,
  departmentId: u.departmentId,
  districtCode: u.districtCode,
  active: u.active,
  createdAt: u.createdAt.toISOString(),
});

/** What is shown of a user in the audit (never the password hash). */
const audited = (u: Partial<UserRow> & { password?: string }) => {
  const { password, ...rest } = u;
  return password === undefined ? rest : { ...rest, password: '(changed)' };
};

export class AdminUsers {
  constructor(private readonly ctx: ServerContext) {}

  private check(actor: Actor): void {
    if (actor.role !== 'admin')
      throw forbidden('只有系统管理员可以管理用户 / Only administrators manage users');
  }

  async list(query: AdminUserQuery, actor: Actor): Promise<AdminUser[]> {
    this.check(actor);
    const rows = await this.ctx.db.user.findMany({
      where: {
        ...(query.role ? { role: query.role } : {}),
        ...(query.q
          ? { OR: [{ username: { contains: query.q } }, { displayName: { contains: query.q } }] }
          : {}),
      },
      orderBy: [{ role: 'asc' }, { username: 'asc' }],
      take: query.limit,
    });
    return rows.map(toView);
  }

  /** Role, department and district must fit together and exist. */
  private async validate(role: Role, departmentId: string | null, districtCode: string | null) {
    if (role === 'handler' && !departmentId)
      throw badRequest('处置人员必须属于一个部门 / A handler needs a department (departmentId)');
    if (role === 'inspector' && !districtCode)
      throw badRequest('网格员必须属于一个区县 / An inspector needs a district (districtCode)');
    if (departmentId) {
      const dept = await this.ctx.db.department.findUnique({ where: { id: departmentId } });
      if (!dept?.active)
        throw badRequest(`部门 ${departmentId} 不存在或已停用 / Unknown or inactive department`);
    }
    if (districtCode) {
      const division = await this.ctx.db.division.findUnique({ where: { code: districtCode } });
      if (division?.level !== 'district')
        throw badRequest(`区县代码 ${districtCode} 不存在 / Unknown district code`);
    }
  }

  private async audit(
    tx: Parameters<typeof recordChange>[0],
    actor: Actor,
    entityId: string,
    action: 'create' | 'update',
    before: object,
    after: object,
  ) {
    await recordChange(tx, this.ctx, actor, { entity: 'user', id: entityId, action, before, after });
  }

  async create(body: AdminUserCreate, actor: Actor): Promise<AdminUser> {
    this.check(actor);
    const departmentId = body.departmentId ?? null;
    const districtCode = body.districtCode ?? null;
    await this.validate(body.role, departmentId, districtCode);
    if (await this.ctx.db.user.findUnique({ where: { username: body.username } }))
      throw conflict(`用户名 ${body.username} 已存在 / The username is taken`);
    const data = {
      id: `u-${crypto.randomUUID()}`,
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      departmentId,
      districtCode,
      passwordHash: hashPassword(body.password),
      createdAt: this.ctx.clock.now(),
    };
    const row = await this.ctx.db.$transaction(async (tx) => {
      const created = await tx.user.create({ data });
      const { passwordHash: _hash, ...shown } = data;
      await this.audit(tx, actor, created.id, 'create', {}, audited({ ...shown, password: '' }));
      return created;
    });
    return toView(row);
  }

  async update(id: string, patch: AdminUserPatch, actor: Actor): Promise<AdminUser> {
    this.check(actor);
    const current = await this.ctx.db.user.findUnique({ where: { id } });
    if (!current) throw notFound(`user ${id}`);
    if (id === actor.userId && (patch.active === false || (patch.role && patch.role !== 'admin')))
      throw badRequest(
        '不能停用自己或取消自己的管理员角色 / You cannot deactivate yourself or drop your own admin role',
      );
    const role = (patch.role ?? current.role) as Role;
    const departmentId = patch.departmentId !== undefined ? patch.departmentId : current.departmentId;
    const districtCode = patch.districtCode !== undefined ? patch.districtCode : current.districtCode;
    await this.validate(role, departmentId, districtCode);
    const { password, ...fields } = patch;
    const before: Record<string, unknown> = {};
    for (const key of Object.keys(fields)) before[key] = current[key as keyof typeof current];
    const row = await this.ctx.db.$transaction(async (tx) => {
      const updated = await tx.user.update({
        where: { id },
        data: { ...fields, ...(password ? { passwordHash: hashPassword(password) } : {}) },
      });
      // A deactivated user's sessions end now.
      if (patch.active === false) await tx.session.deleteMany({ where: { userId: id } });
      await this.audit(tx, actor, id, 'update', before, audited(patch));
      return updated;
    });
    return toView(row);
  }

  async auditTrail(actor: Actor, query: AdminChangeQuery): Promise<AdminChangeView[]> {
    this.check(actor);
    return listChanges(this.ctx.db, query);
  }
}
