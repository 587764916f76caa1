// Shared set-up of the stream benchmarks: a server node on a free port with a fresh database, and one
// real case summary (about 1 KB of JSON) to use as the payload of every streamed event.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseSummary } from '@contract/cases';
import { loadConfig } from '../server/src/config';
import { SYSTEM_ACTOR } from '../server/src/domain';
import { createLogger } from '../server/src/log';
import { startServer } from '../server/src/server';

export async function startStreamBenchServer(name: string, env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  const config = loadConfig({
    PORT: '0',
    SIM: '0',
    OPEN: '0',
    DATA_DIR: dir,
    LOG_LEVEL: 'error',
    NODE_ID: 'bench',
    ...env,
  });
  const server = await startServer(config, { log: createLogger('error') });
  const sample = await server.cases.report(
    {
      source: 'hotline',
      categoryId: 'event-0103',
      lon: 119.16,
      lat: 34.61,
      address: '朝阳路 12 号',
      description: '路边有暴露垃圾，影响通行',
      photos: [],
    },
    SYSTEM_ACTOR,
  );
  const { events: _e, allowedCommands: _a, possibleDuplicates: _p, photos: _ph, ...summary } = sample;
  return { dir, server, ctx: server.ctx, summary: summary as CaseSummary };
}
