// The city simulator drives the server only through its public HTTP APIs, never the database.
import type { RunningServer } from '../server';
import type { RunningSimulator } from './simulator';

export type { RunningSimulator } from './simulator';

export async function startSimulatorIfEnabled(server: RunningServer): Promise<RunningSimulator | null> {
  if (!server.ctx.config.simulator) return null;
  const { startSimulator } = await import('./simulator');
  return startSimulator({
    baseUrl: server.url,
    ingestKey: server.ingestKey,
    seed: server.ctx.config.seed,
    rate: server.ctx.config.simRate,
    log: server.ctx.log.child({ component: 'sim' }),
  });
}
