// Departments for the administrator: name, kind (a competent department or a district / street
// territory), district and street, the categories it owns. A department that cases, users, parts or
// sensors refer to is deactivated, never deleted. Each change and its audit entry commit together; the
// in-memory reference (routing of new cases) is reloaded after each.
import type { AdminDepartment, AdminDepartmentCreate, AdminDepartmentPatch } from '@contract/admin';
import { expectVersion, recordChange, requireAdmin, versionsOf } from '../audit/admin-changes';
import type { Actor } from '../auth/sessions';
import type { ServerContext } from '../context';
import type { Tx } from '../db/client';
import { badRequest, conflict, notFound } from '../errors';

type Fields = Omit<AdminDepartmentCreate, 'id'>;

const WHAT = '管理部门 / manage departments';

export class AdminDepartments {
  constructor(
    private readonly ctx: ServerContext,
    private readonly reload: () => Promise<void>,
  ) {}

  async list(actor: Actor): Promise<AdminDepartment[]> {
    requireAdmin(actor, WHAT);
    return this.all();
  }

  private async all(): Promise<AdminDepartment[]> {
    const db = this.ctx.db;
    const [rows, owned, cases] = await Promise.all([
      db.department.findMany({ orderBy: [{ kind: 'asc' }, { id: 'asc' }] }),
      db.departmentCategory.findMany(),
      db.case.groupBy({ by: ['departmentId'], _count: { _all: true } }),
    ]);
    const versions = await versionsOf(
      db,
      'department',
      rows.map((r) => r.id),
    );
    const caseCount = new Map(cases.map((c) => [c.departmentId, c._count._all]));
    return rows.map((d) => ({
      id: d.id,
      name: d.name,
      nameEn: d.nameEn,
      kind: d.kind as AdminDepartment['kind'],
      districtCode: d.districtCode,
      streetCode: d.streetCode,
      active: d.active,
      categoryIds: owned.filter((o) => o.departmentId === d.id).map((o) => o.categoryId),
      caseCount: caseCount.get(d.id) ?? 0,
      version: versions.get(d.id) ?? 0,
    }));
  }

  private async one(id: string): Promise<AdminDepartment> {
    const found = (await this.all()).find((d) => d.id === id);
    if (!found) throw notFound(`department ${id}`);
    return found;
  }

  /** Kind, district, street and categories must fit together and exist. */
  private async validate(f: Fields): Promise<void> {
    const db = this.ctx.db;
    if (f.kind !== 'functional' && !f.districtCode)
      throw badRequest('属地单位必须指定区县 / A district or street department needs districtCode');
    if (f.kind === 'street' && !f.streetCode)
      throw badRequest('街道单位必须指定街道 / A street department needs streetCode');
    if (f.districtCode) {
      const d = await db.division.findUnique({ where: { code: f.districtCode } });
      if (d?.level !== 'district')
        throw badRequest(`区县代码 ${f.districtCode} 不存在 / Unknown district code ${f.districtCode}`);
    }
    if (f.streetCode) {
      const s = await db.division.findUnique({ where: { code: f.streetCode } });
      if (s?.level !== 'street' || s.parentCode !== f.districtCode)
        throw badRequest(
          `街道代码 ${f.streetCode} 不存在或不属于该区县 / Street ${f.streetCode} is unknown or not in district ${f.districtCode ?? '(none)'}`,
        );
    }
    if (f.categoryIds.length) {
      const known = await db.category.findMany({
        where: { id: { in: f.categoryIds } },
        select: { id: true },
      });
      const missing = f.categoryIds.filter((id) => !known.some((k) => k.id === id));
      if (missing.length)
        throw badRequest(`未知的类别：${missing.join(', ')} / Unknown categories: ${missing.join(', ')}`);
    }
  }

  private async writeCategories(tx: Tx, id: string, categoryIds: string[]) {
    await tx.departmentCategory.deleteMany({ where: { departmentId: id } });
    if (categoryIds.length)
      await tx.departmentCategory.createMany({
        data: [...new Set(categoryIds)].map((categoryId) => ({ departmentId: id, categoryId })),
      });
  }

  async create(body: AdminDepartmentCreate, actor: Actor): Promise<AdminDepartment> {
    requireAdmin(actor, WHAT);
    const { id, categoryIds, ...fields } = body;
    await this.validate(body);
    if (await this.ctx.db.department.findUnique({ where: { id } }))
      throw conflict(`部门编号 ${id} 已存在 / Department id ${id} is taken`);
    await this.ctx.db.$transaction(async (tx) => {
      await tx.department.create({ data: { id, ...fields } });
      await this.writeCategories(tx, id, categoryIds);
      await recordChange(tx, this.ctx, actor, {
        entity: 'department',
        id,
        action: 'create',
        before: {},
        after: body,
      });
    });
    await this.reload();
    return this.one(id);
  }

  async update(id: string, patch: AdminDepartmentPatch, actor: Actor): Promise<AdminDepartment> {
    requireAdmin(actor, WHAT);
    const current = await this.one(id);
    const { version, ...changes } = patch;
    const next: Fields = {
      name: changes.name ?? current.name,
      nameEn: changes.nameEn ?? current.nameEn,
      kind: changes.kind ?? current.kind,
      districtCode: changes.districtCode !== undefined ? changes.districtCode : current.districtCode,
      streetCode: changes.streetCode !== undefined ? changes.streetCode : current.streetCode,
      categoryIds: changes.categoryIds ?? current.categoryIds,
    };
    await this.validate(next);
    const before: Record<string, unknown> = {};
    for (const key of Object.keys(changes)) before[key] = current[key as keyof AdminDepartment];
    await this.ctx.db.$transaction(async (tx) => {
      await expectVersion(tx, 'department', id, version, current);
      const { categoryIds, ...columns } = changes;
      if (Object.keys(columns).length) await tx.department.update({ where: { id }, data: columns });
      if (categoryIds) await this.writeCategories(tx, id, categoryIds);
      await recordChange(tx, this.ctx, actor, {
        entity: 'department',
        id,
        action: 'update',
        before,
        after: changes,
      });
    });
    await this.reload();
    return this.one(id);
  }

  /** Deletes a department nothing refers to; one with cases, users, parts or sensors: 409, deactivate it. */
  async remove(id: string, version: number, actor: Actor): Promise<{ deleted: string }> {
    requireAdmin(actor, WHAT);
    const current = await this.one(id);
    const db = this.ctx.db;
    const [cases, users, parts, sensors] = await Promise.all([
      db.case.count({ where: { OR: [{ departmentId: id }, { suggestedDepartmentId: id }] } }),
      db.user.count({ where: { departmentId: id } }),
      db.part.count({ where: { ownerDepartmentId: id } }),
      db.sensor.count({ where: { ownerDepartmentId: id } }),
    ]);
    if (cases + users + parts + sensors > 0)
      throw conflict(
        `部门 ${id} 仍被引用（案件 ${cases}、用户 ${users}、部件 ${parts}、传感器 ${sensors}），请改为停用 / Department ${id} is still referred to (${cases} cases, ${users} users, ${parts} parts, ${sensors} sensors): deactivate it instead (PATCH {active: false})`,
        { cases, users, parts, sensors },
      );
    await db.$transaction(async (tx) => {
      await expectVersion(tx, 'department', id, version, current);
      await tx.departmentCategory.deleteMany({ where: { departmentId: id } });
      await tx.department.delete({ where: { id } });
      const { version: _v, caseCount: _c, ...shown } = current;
      await recordChange(tx, this.ctx, actor, {
        entity: 'department',
        id,
        action: 'delete',
        before: shown,
        after: {},
      });
    });
    await this.reload();
    return { deleted: id };
  }
}
