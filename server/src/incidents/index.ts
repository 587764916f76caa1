// Emergency command on the server: units, commands, reads; started once per server node.
import type { ServerContext } from '../context';
import type { PositionTracker } from '../ingest/positions';
import { IncidentReads } from './reads';
import { IncidentCommands } from './service';
import { UnitStore } from './unit-store';

export interface Command {
  units: UnitStore;
  commands: IncidentCommands;
  reads: IncidentReads;
}

export async function startCommand(ctx: ServerContext, positions: PositionTracker): Promise<Command> {
  const units = new UnitStore(ctx, positions);
  const commands = new IncidentCommands(ctx, units);
  await commands.start(positions);
  return { units, commands, reads: new IncidentReads(ctx, units) };
}
