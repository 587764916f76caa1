// A data migration tested as it will run on a user's database: migrate a copy of the migrations folder up
// to (not including) the migration under test, write rows as an older server would have, then apply the
// migration with the real runner. SQLite through better-sqlite3, PostgreSQL through pg.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migratePostgres, migrateSqlite } from '../../server/src/db/migrate';
import { startPostgres } from './postgres';

/** A copy of a migrations folder with only the migrations before `name`. */
function folderBefore(folder: string, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migration-'));
  for (const entry of fs.readdirSync(folder))
    if (entry < name && fs.statSync(path.join(folder, entry)).isDirectory())
      fs.cpSync(path.join(folder, entry), path.join(dir, entry), { recursive: true });
  return dir;
}
const addMigration = (dir: string, folder: string, name: string) =>
  fs.cpSync(path.join(folder, name), path.join(dir, name), { recursive: true });

/** A fresh SQLite file migrated up to `name`, `write` run on it, then `name` applied: the file and what ran. */
export function sqliteAcross(name: string, write: (db: Database.Database) => void) {
  const folder = path.resolve('prisma/migrations');
  const dir = folderBefore(folder, name);
  const file = path.join(dir, 'db.sqlite');
  migrateSqlite(file, dir);
  const db = new Database(file);
  try {
    write(db);
  } finally {
    db.close();
  }
  addMigration(dir, folder, name);
  return { file, applied: migrateSqlite(file, dir).applied };
}

/**
 * The same on a throwaway PostgreSQL cluster, stopped when the test ends; null (with a diagnostic) where
 * PostgreSQL is not installed. The client stays open for the test's checks and is closed with the cluster.
 */
export async function postgresAcross(
  t: TestContext,
  name: string,
  write: (client: pg.Client) => Promise<void>,
): Promise<{ client: pg.Client; applied: string[] } | null> {
  const cluster = await startPostgres();
  if (!cluster) {
    t.diagnostic('PostgreSQL is not installed here: ran on SQLite only');
    return null;
  }
  cluster.createDatabase('migration');
  const url = cluster.url('migration');
  const folder = path.resolve('prisma/postgresql/migrations');
  const dir = folderBefore(folder, name);
  const client = new pg.Client({ connectionString: url });
  t.after(async () => {
    await client.end().catch(() => undefined);
    cluster.stop();
  });
  await migratePostgres(url, dir);
  await client.connect();
  await write(client);
  addMigration(dir, folder, name);
  return { client, applied: (await migratePostgres(url, dir)).applied };
}
