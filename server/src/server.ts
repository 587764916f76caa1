// Builds and starts one server node: migrations, seed on first start, Express + Socket.IO on one port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from './config';
import { systemClock, type Clock, type ServerContext } from './context';
import { createDb } from './db/client';
import { migrate } from './db/migrate';
import { openLimitPool } from './db/limit-table';
import { seedIfEmpty } from './city';
import { DEMO_CITY } from './city/city';
import { CaseService } from './cases/service';
import { startScheduler } from './cases/scheduler';
import { createCaseStore } from './cases/create-store';
import { loadReference } from './db/reference';
import { createApp } from './http/app';
import { mountAuth } from './http/auth';
import { mountAdmin } from './http/admin';
import { mountAdminSettings, settingsReloader } from './http/admin-settings';
import { watchAdminChanges, type SettingsWatch } from './admin/settings-watch';
import { mountSecurityAdmin } from './http/security-admin';
import { LoginGuard } from './auth/login-guard';
import { RouteLimits } from './http/route-limits';
import { mountCases } from './http/cases';
import { mountReference } from './http/reference';
import { mountIngest } from './http/ingest';
import { mountOpenApi } from './http/openapi';
import { mountAlarms } from './http/alarms';
import { mountSnapshots } from './http/assets';
import { withCityRoutes } from './http/city-routes';
import { mountIotIngest } from './http/iot-ingest';
import { mountLayers } from './http/layers';
import { mountCityGeometry } from './http/city';
import { mountCommand } from './http/command';
import { mountEvaluation } from './http/evaluation';
import { mountDuty } from './http/duty';
import { mountPhotos } from './http/photos';
import { PhotoStore } from './photos/store';
import { startIot, type Iot } from './ingest';
import { mountIncidentCommand } from './http/incident-command';
import { startCommand, type Command } from './incidents';
import { loadIngestKey } from './ingest/key';
import { LiveBus } from './stream/bus';
import { useIotSnapshots, useUnitSnapshots } from './stream/snapshot-sources';
import { startLive, type IoServer, type LiveLayer } from './stream/socket';
import { createLogger, type Logger } from './log';
import { mountPlayback } from './http/playback';
import { startPlayback, type Playback } from './playback';
import { mountDrills } from './http/drills';
import { mountDrillPlayback } from './http/drill-playback';
import { DrillManager } from './drills/manager';

export interface RunningServer {
  url: string;
  port: number;
  ctx: ServerContext;
  io: IoServer;
  live: LiveLayer;
  cases: CaseService;
  iot: Iot;
  command: Command;
  playback: Playback;
  drills: DrillManager;
  ingestKey: string;
  /** the Express applications answering HTTP (the root-level city routes, then the API and renderer) */
  apps: Express[];
  /** reloads this node's settings when another node changed them (docs/adr/0020) */
  settingsWatch: SettingsWatch;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  log?: Logger;
}

const version = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel, { node: config.nodeId });
  fs.mkdirSync(config.dataDir, { recursive: true });

  const report = await migrate(config.database);
  log.info('database ready', {
    provider: config.database.provider,
    where: config.database.provider === 'sqlite' ? config.database.file : redact(config.database.url),
    applied: report.applied,
  });

  const db = await createDb(config.database);
  const ctx: ServerContext = {
    config,
    db,
    log,
    clock: options.clock ?? systemClock,
    version,
    city: DEMO_CITY,
    bus: new LiveBus(),
  };
  const seeded = await seedIfEmpty(ctx);
  if (seeded) log.info('demo data seeded', seeded);

  const caseStore = createCaseStore(config.database);
  const cases = new CaseService(ctx, await loadReference(db), caseStore);
  const stopScheduler = startScheduler(ctx, cases);
  const ingestKey = loadIngestKey(config.dataDir);
  const photos = new PhotoStore(path.join(config.dataDir, 'uploads'));
  cases.attachmentSigner = (url) => photos.sign(url, ctx.clock.now().getTime());
  const iot = await startIot(ctx, cases);
  const settingsWatch = await watchAdminChanges(ctx, settingsReloader(ctx, cases, iot));
  const limitPool = openLimitPool(config.database);
  const loginGuard = new LoginGuard(config.login, limitPool);
  const routeLimits = new RouteLimits(config.routeLimits, limitPool);
  const command = await startCommand(ctx, iot.positions);
  const playback = await startPlayback(ctx, iot.positions);
  const drills = new DrillManager(ctx, (drillConfig) =>
    startServer(drillConfig, { clock: ctx.clock, log: log.child({ drill: drillConfig.nodeId }) }),
  );
  await drills.restore(); // the register: ended drills listed again, old drill databases swept
  const app = createApp(ctx, [
    mountIncidentCommand(ctx, command, ingestKey),
    mountAuth(ctx, loginGuard),
    mountCases(ctx, cases),
    mountReference(ctx, cases),
    mountIngest(ctx, cases, ingestKey),
    mountOpenApi(version),
    mountIotIngest(ctx, iot, ingestKey),
    mountAlarms(ctx, iot),
    mountLayers(ctx, iot),
    mountSnapshots(),
    mountCityGeometry(ctx),
    mountCommand(ctx, iot),
    mountEvaluation(ctx, routeLimits),
    mountSecurityAdmin(ctx, loginGuard, routeLimits),
    mountDuty(ctx),
    mountPhotos(ctx, photos),
    mountAdmin(ctx),
    mountAdminSettings(ctx, cases, iot, command),
    mountPlayback(ctx, playback.reader, routeLimits),
    mountDrills(ctx, drills),
    mountDrillPlayback(ctx, drills, routeLimits),
  ]);
  const root = withCityRoutes(app, ctx, cases);
  const httpServer = http.createServer(root);
  const live = await startLive(httpServer, ctx, cases);
  useIotSnapshots(live.snapshots, ctx, iot);
  useUnitSnapshots(live.snapshots, command.live);
  const io = live.io;

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  await iot.joinCluster(config.nodeUrl ?? url, ingestKey);

  let closed = false;
  return {
    url,
    port,
    ctx,
    io,
    live,
    cases,
    iot,
    command,
    playback,
    drills,
    ingestKey,
    apps: [root, app],
    settingsWatch,
    async close() {
      if (closed) return;
      closed = true;
      await drills.stopAll();
      stopScheduler();
      settingsWatch.stop();
      await live.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await iot.stop();
      await limitPool?.end();
      await playback.stop();
      await caseStore.close();
      await db.$disconnect();
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
