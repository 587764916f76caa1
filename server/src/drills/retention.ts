// Old drill databases are deleted (docs/adr/0024): DRILL_RETENTION_DAYS after a drill ended (its stop, or
// its start when it was interrupted) its database goes — the SQLite drill's folder under DATA_DIR/drills/,
// or the PostgreSQL drill database — and its register row is marked purged. The same deletion serves a
// trainer's DELETE /api/drills/:id.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../db/url';
import { DRILL_ID, type DrillStatus } from './register';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Ended {
  status: DrillStatus;
  startedAt: string;
  stoppedAt: string | null;
}

/** Drills whose database is due for deletion at `now`: ended more than `days` ago, not running, not purged. */
export function dueForPurge<T extends Ended>(drills: readonly T[], now: Date, days: number): T[] {
  const cut = now.getTime() - days * DAY_MS;
  return drills.filter(
    (d) =>
      (d.status === 'stopped' || d.status === 'interrupted') && Date.parse(d.stoppedAt ?? d.startedAt) < cut,
  );
}

/**
 * Deletes a drill's database. SQLite: the drill's folder (its file, WAL, uploads, ingest key), which must
 * be DATA_DIR/drills/<id>. PostgreSQL: DROP DATABASE on the live server, closing the review's sessions.
 */
export async function deleteDrillDatabase(
  id: string,
  target: DatabaseTarget,
  live: DatabaseTarget,
  dataDir: string,
): Promise<void> {
  if (!DRILL_ID.test(id)) throw new Error(`not a drill id: ${id}`);
  if (target.provider === 'sqlite') {
    const dir = path.join(dataDir, 'drills', id);
    if (path.dirname(target.file) !== dir) throw new Error(`drill ${id}: database outside ${dir}`);
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  if (live.provider !== 'postgresql') throw new Error(`drill ${id}: a PostgreSQL drill on a SQLite server`);
  const name = decodeURIComponent(new URL(target.url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name) || !name.endsWith(id.replace(/-/g, '_')))
    throw new Error(`drill ${id}: unexpected database name ${name}`);
  const client = new pg.Client({ connectionString: live.url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); // name checked above
  } finally {
    await client.end();
  }
}
