// Applies pending Prisma Migrate migrations (SQL files in Prisma's folder layout) without the Prisma
// schema engine, which cannot be downloaded offline. It keeps Prisma's own `_prisma_migrations` table
// (checksum = sha256 of migration.sql) so `prisma migrate status/deploy` agree with it on machines
// that have the engine. One transaction per migration; a failed migration stops everything after it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from './url';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migration: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function migrationsFolder(provider: DatabaseTarget['provider'], root = process.cwd()): string {
  return path.join(root, provider === 'sqlite' ? 'prisma/migrations' : 'prisma/postgresql/migrations');
}

export function loadMigrations(folder: string): Migration[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(folder, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(folder, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL,
    "checksum" TEXT NOT NULL,
    "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL,
    "logs" TEXT,
    "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

function checkHistory(migrations: Migration[], rows: AppliedRow[]): Set<string> {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  const done = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        `migration ${row.migration_name} failed earlier; fix the database and mark it rolled back before starting again`,
        row.migration_name,
      );
    }
    const local = byName.get(row.migration_name);
    if (local && local.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${row.migration_name} was edited after it was applied (checksum differs)`,
        row.migration_name,
      );
    }
    done.add(row.migration_name);
  }
  return done;
}

export function migrateSqlite(file: string, folder: string): MigrationReport {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(SQLITE_TABLE);
    const migrations = loadMigrations(folder);
    const done = checkHistory(
      migrations,
      db.prepare('SELECT * FROM "_prisma_migrations"').all() as AppliedRow[],
    );
    const applied: string[] = [];
    for (const m of migrations.filter((x) => !done.has(x.name))) {
      const id = crypto.randomUUID();
      const now = new Date().toISOString();
      try {
        db.transaction(() => {
          db.exec(m.sql);
          db.prepare(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES (?, ?, ?, ?, ?, 1)`,
          ).run(id, m.checksum, new Date().toISOString(), m.name, now);
        })();
      } catch (error) {
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at) VALUES (?, ?, ?, ?, ?)`,
        ).run(id, m.checksum, m.name, String(error), now);
        throw new MigrationError(`migration ${m.name} failed: ${String(error)}`, m.name);
      }
      applied.push(m.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    db.close();
  }
}

export async function migratePostgres(url: string, folder: string): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One node migrates at a time when several start together.
    await client.query('SELECT pg_advisory_lock(724213)');
    await client.query(PG_TABLE);
    const migrations = loadMigrations(folder);
    const rows = (await client.query<AppliedRow>('SELECT * FROM "_prisma_migrations"')).rows;
    const done = checkHistory(migrations, rows);
    const applied: string[] = [];
    for (const m of migrations.filter((x) => !done.has(x.name))) {
      const id = crypto.randomUUID();
      try {
        await client.query('BEGIN');
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [id, m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs) VALUES ($1, $2, $3, $4)`,
          [id, m.checksum, m.name, String(error)],
        );
        throw new MigrationError(`migration ${m.name} failed: ${String(error)}`, m.name);
      }
      applied.push(m.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query('SELECT pg_advisory_unlock(724213)').catch(() => undefined);
    await client.end();
  }
}

export async function migrate(target: DatabaseTarget, root = process.cwd()): Promise<MigrationReport> {
  const folder = migrationsFolder(target.provider, root);
  return target.provider === 'sqlite'
    ? migrateSqlite(target.file, folder)
    : migratePostgres(target.url, folder);
}
