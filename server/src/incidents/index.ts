// Emergency command on the server: units, commands, reads; started once per server node.
import type { ServerContext } from '../context';
import type { PositionTracker } from '../ingest/positions';
import { LiveUnits } from './live-units';
import { IncidentReads } from './reads';
import { RoadRouter } from './router';
import { IncidentCommands } from './service';
import { UnitStore } from './unit-store';

export interface Command {
  units: UnitStore;
  commands: IncidentCommands;
  reads: IncidentReads;
  /** committed units for stream snapshots (topic `unit`) */
  live: LiveUnits;
}

export async function startCommand(ctx: ServerContext, positions: PositionTracker): Promise<Command> {
  const units = new UnitStore(ctx, positions);
  const router = new RoadRouter(ctx.config.seed);
  const live = new LiveUnits(ctx, units, router);
  const commands = new IncidentCommands(ctx, units, live);
  await commands.start(positions);
  return { units, commands, reads: new IncidentReads(ctx, units, router), live };
}
