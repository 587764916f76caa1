// One Prisma client type for the code: the SQLite-generated client. The PostgreSQL client is generated
// from the same schema source, so its model API is the same; it is cast to this type once, here.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import type { DatabaseTarget } from './url';

export type Db = InstanceType<typeof SqliteClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export async function createDb(target: DatabaseTarget): Promise<Db> {
  if (target.provider === 'sqlite') {
    const db = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: target.file, timeout: 10_000 }) });
    // WAL is set by the migrator and persists in the file; NORMAL sync is durable with WAL.
    await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
    return db;
  }
  const { PrismaClient: PgClient } = await import('./generated/postgresql/client');
  const pg = new PgClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }) });
  return pg as unknown as Db;
}

/** A read-only client for a SQLite file another process or node wrote (a stopped drill's database). */
export function openSqliteReadOnly(file: string): Db {
  return new SqliteClient({
    adapter: new PrismaBetterSqlite3({ url: file, readonly: true, fileMustExist: true, timeout: 10_000 }),
  });
}
