// The machine channels of the city besides reports: IoT readings with the alarm engine, alarm decisions,
// incidents, video status and AI detections, GPS. Created once per server node.
import type { ServerContext } from '../context';
import type { CaseService } from '../db/cases/service';
import { AlarmEngine } from './alarm-engine';
import { AlarmService } from './alarm-service';
import { IncidentService } from './incidents';
import { PositionTracker } from './positions';
import { VideoService } from './video';

export interface Iot {
  engine: AlarmEngine;
  alarms: AlarmService;
  incidents: IncidentService;
  video: VideoService;
  positions: PositionTracker;
  stop(): Promise<void>;
}

export async function startIot(ctx: ServerContext, cases: CaseService): Promise<Iot> {
  const engine = new AlarmEngine(ctx);
  const positions = new PositionTracker(ctx);
  await Promise.all([engine.load(), positions.load()]);
  engine.start();
  positions.start();
  return {
    engine,
    alarms: new AlarmService(ctx, engine, cases),
    incidents: new IncidentService(ctx),
    video: new VideoService(ctx, cases),
    positions,
    async stop() {
      await engine.stop();
      await positions.stop();
    },
  };
}
