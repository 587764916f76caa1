// The PostgreSQL schema is derived from the SQLite one, never kept by hand.
import fs from 'node:fs';
import path from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

export const SQLITE_SCHEMA = path.resolve('prisma/schema.prisma');
export const POSTGRES_SCHEMA = path.resolve('prisma/postgresql/schema.prisma');

export function migrationsDir(provider: Provider): string {
  return path.resolve(provider === 'sqlite' ? 'prisma/migrations' : 'prisma/postgresql/migrations');
}

/** Rewrite the SQLite schema for PostgreSQL: provider and generator output change, models stay. */
export function derivePostgresSchema(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(
      'output       = "../server/src/db/generated/sqlite"',
      'output       = "../../server/src/db/generated/postgresql"',
    );
  if (out === sqliteSchema || !out.includes('generated/postgresql')) {
    throw new Error('prisma/schema.prisma no longer has the expected datasource/generator lines');
  }
  return `// GENERATED from prisma/schema.prisma by prisma/scripts/schemas.ts. Do not edit.\n${out}`;
}

export function writePostgresSchema(): string {
  const derived = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, 'utf8'));
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, derived);
  return POSTGRES_SCHEMA;
}

export function schemaPath(provider: Provider): string {
  return provider === 'sqlite' ? SQLITE_SCHEMA : POSTGRES_SCHEMA;
}
