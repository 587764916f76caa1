// The city simulator drives the server only through its public HTTP APIs, never the database.
import type { RunningServer } from '../server';
import type { RunningSimulator } from './simulator';

export type { RunningSimulator } from './simulator';

export async function startSimulatorIfEnabled(server: RunningServer): Promise<RunningSimulator | null> {
  if (!server.ctx.config.simulator) return null;
  const { startSimulator } = await import('./simulator');
  const running = await startSimulator({
    baseUrl: server.url,
    ingestKey: server.ingestKey,
    seed: server.ctx.config.seed,
    rate: server.ctx.config.simRate,
    log: server.ctx.log.child({ component: 'sim' }),
  });
  // The demo staff works the cases too (SIM_STAFF=0 leaves them all to the people at the wall).
  if (process.env.SIM_STAFF === '0') return running;
  const { startStaff } = await import('./staff-runner');
  const staff = startStaff({
    baseUrl: server.url,
    seed: server.ctx.config.seed,
    rate: server.ctx.config.simRate,
    log: server.ctx.log.child({ component: 'sim-staff' }),
    password: process.env.DEMO_PASSWORD || 'demo123',
  });
  return {
    async stop() {
      staff.stop();
      await running.stop();
    },
  };
}
