// The audit trail of what happens outside the case workflow (the workflow has its own CaseEvent
// history): sign-in, sign-out, failed sign-in, lockouts and their lifting, settings changes, alarm
// decisions and incident commands. Append-only (triggers reject UPDATE and DELETE); administrators read
// and export it (GET /api/admin/audit, /api/admin/audit.csv). Administration changes (admin.*) are in the
// same table with before/after, written by audit/admin-changes.ts in their change's transaction (ADR 0020).
import type { ServerContext } from '../context';

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.failed',
  'auth.locked',
  'auth.refused',
  'auth.unlocked',
  'settings.category',
  'settings.time-limit',
  'alarm.acknowledge',
  'alarm.confirm',
  'alarm.false',
  'incident.create',
  'incident.change',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditActor {
  userId: string;
  username: string;
  role: string;
}

export interface AuditInput {
  action: AuditAction;
  actor?: AuditActor | null;
  /** the account named when there is no signed-in actor (a failed sign-in) */
  username?: string;
  address?: string | null;
  target?: string | null;
  outcome?: 'ok' | 'denied' | 'failed';
  detail?: Record<string, unknown>;
}

/** Appends one entry. A failure to write is logged, never turned into a failed request. */
export async function audit(ctx: ServerContext, input: AuditInput): Promise<void> {
  try {
    await ctx.db.auditEntry.create({
      data: {
        at: ctx.clock.now(),
        action: input.action,
        actorId: input.actor?.userId ?? null,
        username: input.actor?.username ?? input.username?.slice(0, 64) ?? null,
        role: input.actor?.role ?? null,
        address: input.address ?? null,
        target: input.target ?? null,
        outcome: input.outcome ?? 'ok',
        detail: JSON.stringify(input.detail ?? {}).slice(0, 4000),
        drill: ctx.config.drill,
      },
    });
  } catch (err) {
    ctx.log.error('audit write failed', { action: input.action, err });
  }
}
