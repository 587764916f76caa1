// Administration changes in the one audit table (docs/adr/0020): each change of users, departments,
// categories, time limits, the calendar, thresholds, run cards and evaluation settings is an AuditEntry
// with action admin.<entity>.<create|update|delete>, target "<entity>:<id>", the actor's name and the
// changed fields before and after, written in the same transaction as the change itself.
// A resource's version is the id of its newest audit entry (0 before any change): a write made on an
// older version is refused with 409, so two administrators never overwrite each other unseen.
import type { AdminChangeQuery, AdminChangeView, AdminEntity } from '@contract/admin';
import type { Actor } from '../auth/sessions';
import type { ServerContext } from '../context';
import type { Db, Tx } from '../db/client';
import { conflict, forbidden } from '../errors';

type AuditDb = Pick<Tx, 'auditEntry'>;

export type ChangeAction = 'create' | 'update' | 'delete';

export const targetOf = (entity: AdminEntity, id: string) => `${entity}:${id}`;

export function requireAdmin(actor: Actor, what = '修改系统设置 / change administration settings'): void {
  if (actor.role === 'admin') return;
  const [zh, en] = what.split(' / ');
  throw forbidden(`只有系统管理员可以${zh} / Only an administrator may ${en}`);
}

/** Appends one administration change; call inside the transaction that makes the change. */
export async function recordChange(
  tx: AuditDb,
  ctx: ServerContext,
  actor: Actor,
  change: { entity: AdminEntity; id: string; action: ChangeAction; before: object; after: object },
): Promise<number> {
  const row = await tx.auditEntry.create({
    data: {
      at: ctx.clock.now(),
      action: `admin.${change.entity}.${change.action}`,
      actorId: actor.userId,
      username: actor.username,
      actorName: actor.displayName,
      role: actor.role,
      target: targetOf(change.entity, change.id),
      before: JSON.stringify(change.before),
      after: JSON.stringify(change.after),
      drill: ctx.config.drill,
    },
    select: { id: true },
  });
  return row.id;
}

export async function versionOf(tx: AuditDb, entity: AdminEntity, id: string): Promise<number> {
  const row = await tx.auditEntry.findFirst({
    where: { target: targetOf(entity, id) },
    orderBy: { id: 'desc' },
    select: { id: true },
  });
  return row?.id ?? 0;
}

/** Versions of many resources of one entity in one query (missing: 0). */
export async function versionsOf(
  db: AuditDb,
  entity: AdminEntity,
  ids: string[],
): Promise<Map<string, number>> {
  const rows = await db.auditEntry.groupBy({
    by: ['target'],
    where: { target: { in: ids.map((id) => targetOf(entity, id)) } },
    _max: { id: true },
  });
  const out = new Map<string, number>();
  const prefix = `${entity}:`.length;
  for (const r of rows) if (r.target) out.set(r.target.slice(prefix), r._max.id ?? 0);
  return out;
}

/** 409 with the current version when the client edited an older one. */
export async function expectVersion(
  tx: AuditDb,
  entity: AdminEntity,
  id: string,
  version: number,
  current?: unknown,
): Promise<void> {
  const now = await versionOf(tx, entity, id);
  if (now !== version)
    throw conflict(
      `${id} 已被他人修改（当前版本 ${now}），请刷新后再改 / ${id} was changed by someone else (version ${now}, you edited ${version}): reload and apply your change again`,
      { version: now, current },
    );
}

/** Only the keys whose value differs, each side (absent = null): a readable before/after of a table. */
export function changedEntries(
  before: Record<string, string>,
  after: Record<string, string>,
): { before: Record<string, string | null>; after: Record<string, string | null> } {
  const out = { before: {} as Record<string, string | null>, after: {} as Record<string, string | null> };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[key] === after[key]) continue;
    out.before[key] = before[key] ?? null;
    out.after[key] = after[key] ?? null;
  }
  return out;
}

const parse = (text: string | null) => (text ? (JSON.parse(text) as Record<string, unknown>) : {});

/** The administration changes, newest first: the filtered view of the audit table behind /api/admin/changes. */
export async function listChanges(db: Db, query: AdminChangeQuery): Promise<AdminChangeView[]> {
  const rows = await db.auditEntry.findMany({
    where: {
      action: { startsWith: query.entity ? `admin.${query.entity}.` : 'admin.' },
      ...(query.entity && query.entityId ? { target: targetOf(query.entity, query.entityId) } : {}),
    },
    orderBy: { id: 'desc' },
    take: query.limit,
  });
  return rows.map((r) => {
    const [, entity = '', action = ''] = r.action.split('.');
    const target = r.target ?? '';
    return {
      id: r.id,
      at: r.at.toISOString(),
      actorName: r.actorName ?? r.username ?? '',
      entity,
      entityId: target.startsWith(`${entity}:`) ? target.slice(entity.length + 1) : target,
      action,
      before: parse(r.before),
      after: parse(r.after),
    };
  });
}
