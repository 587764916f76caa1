// The machine channels of the city besides reports: IoT readings with the alarm engine, alarm decisions,
// incidents, video status and AI detections, GPS. Created once per server node.
import type { ServerContext } from '../context';
import type { CaseService } from '../cases/service';
import { AlarmEngine } from '../alarms/engine';
import { AlarmLeases } from '../alarms/leases';
import { ReadingRouter } from '../alarms/router';
import { AlarmService } from '../alarms/service';
import { IncidentService } from '../incidents/records';
import { Admission } from './admission';
import { PositionTracker } from './positions';
import { VideoService } from './video';

export interface Iot {
  engine: AlarmEngine;
  alarms: AlarmService;
  incidents: IncidentService;
  video: VideoService;
  positions: PositionTracker;
  /** where readings enter: to this node's engine or to the node that evaluates the sensor */
  readings: ReadingRouter;
  /** how many readings this node takes on at once (INGEST_MAX_READINGS); the rest wait at the gateway */
  admission: Admission;
  /** With PostgreSQL, shares the sensors with the other nodes (docs/adr/0018); `url` is how they reach us. */
  joinCluster(url: string, ingestKey: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startIot(ctx: ServerContext, cases: CaseService): Promise<Iot> {
  const engine = new AlarmEngine(ctx);
  const positions = new PositionTracker(ctx);
  await Promise.all([engine.load(), positions.load()]);
  engine.start();
  positions.start();
  const readings = new ReadingRouter(ctx, engine);
  let leases: AlarmLeases | null = null;
  return {
    readings,
    admission: new Admission(ctx.config.ingestMaxReadings),
    async joinCluster(url, ingestKey) {
      if (ctx.config.database.provider !== 'postgresql') return;
      readings.ingestKey = ingestKey;
      leases = new AlarmLeases(ctx, engine, url, () => readings.drain());
      await leases.start();
      readings.leases = leases;
    },
    engine,
    alarms: new AlarmService(ctx, engine, cases),
    incidents: new IncidentService(ctx),
    video: new VideoService(ctx, cases),
    positions,
    async stop() {
      await leases?.stop();
      await engine.stop();
      await positions.stop();
    },
  };
}
