// Changed settings reach every node (docs/adr/0020). The node that makes an administration change
// reloads its in-memory copies at once; the other nodes of a PostgreSQL deployment notice the newest
// admin.* audit entry moving on (one indexed MAX query every few seconds) and reload theirs.
import type { ServerContext } from '../context';

export interface SettingsWatch {
  /** compares the newest administration change with the last one seen; reloads when it moved on */
  check(): Promise<boolean>;
  stop(): void;
}

export async function watchAdminChanges(
  ctx: ServerContext,
  reload: () => Promise<void>,
  everyMs = 5_000,
): Promise<SettingsWatch> {
  const newest = async () =>
    (
      await ctx.db.auditEntry.aggregate({
        where: { action: { startsWith: 'admin.' } },
        _max: { id: true },
      })
    )._max.id ?? 0;
  let seen = await newest();
  const check = async () => {
    const now = await newest();
    if (now === seen) return false;
    seen = now;
    await reload();
    return true;
  };
  const timer = setInterval(
    () => void check().catch((err: unknown) => ctx.log.error('settings reload failed', { err })),
    everyMs,
  );
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
