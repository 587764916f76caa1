// Prisma CLI configuration. The schema source is prisma/schema.prisma (SQLite);
// prisma/scripts/generate.ts derives the PostgreSQL schema from it and passes --schema.
//
// Offline machines: the CLI downloads its schema-engine binary before `generate`, although
// generate never runs it. With PRISMA_OFFLINE=1 we point PRISMA_SCHEMA_ENGINE_BINARY at a stub so
// that `prisma generate` works without network. Online machines never set it.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

if (process.env.PRISMA_OFFLINE === '1' && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.resolve('prisma/scripts/schema-engine-stub.sh');
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
