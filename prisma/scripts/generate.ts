// Generates both Prisma clients (SQLite and PostgreSQL) from the one schema source.
// On a machine without the Prisma schema-engine binary (offline), PRISMA_OFFLINE=1 is switched on for
// this command only: `prisma generate` never runs the engine, it only checks that it exists.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writePostgresSchema } from './schemas';

function engineInstalled(): boolean {
  const dir = path.resolve('node_modules/@prisma/engines');
  try {
    return fs.readdirSync(dir).some((f) => f.startsWith('schema-engine'));
  } catch {
    return false;
  }
}

export function generateClients(log: (line: string) => void = console.log): void {
  const env = { ...process.env };
  if (!env.PRISMA_OFFLINE && !env.PRISMA_SCHEMA_ENGINE_BINARY && !engineInstalled()) {
    env.PRISMA_OFFLINE = '1';
    log('prisma: schema-engine binary not installed; generating with PRISMA_OFFLINE=1');
  }
  const pg = writePostgresSchema();
  for (const schema of ['prisma/schema.prisma', path.relative(process.cwd(), pg)]) {
    const r = spawnSync(
      process.execPath,
      ['node_modules/prisma/build/index.js', 'generate', '--schema', schema],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) {
      throw new Error(`prisma generate --schema ${schema} failed:\n${r.stdout}\n${r.stderr}`);
    }
    log(`prisma: generated client for ${schema}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generateClients();
}
