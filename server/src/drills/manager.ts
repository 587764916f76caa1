// Drills (演练, docs/adr/0017): each drill is a second server node in this process, on its own SQLite file
// under DATA_DIR/drills/<id>/ made from the live reference data, with DRILL=1 (every record it writes is
// marked drill, every screen shows the banner). Its REST, stream and archive are that node's own, so nothing
// a drill does reaches the live database. One drill at a time; a stopped drill's file stays for review.
// The register (register.ts, a `Drill` row in the live database) keeps the list across restarts: at start a
// drill that was running is marked interrupted, and every ended drill stays reviewable until the retention
// sweep (retention.ts, at start and daily) or a trainer deletes its database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type ServerConfig } from '../config';
import type { ServerContext } from '../context';
import { AppError, conflict, notFound } from '../errors';
import type { ScenarioClock } from '@contract/drills';
import type { DatabaseTarget } from '../db/url';
import { copyReferenceDatabase } from './copy';
import { createPostgresDrill } from './copy-postgres';
import { DrillArchives } from './archives';
import { DrillRegister, type DrillRow, type DrillStatus } from './register';
import { deleteDrillDatabase, dueForPurge } from './retention';
import { scenario as findScenario, ScenarioRunner } from './runner';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A drill node archives its stream after this (one node, so no late commits to wait for; ADR 0017). */
const DRILL_SETTLE_MS = 1000;

/** What the manager needs of a started node (the server module passes its startServer). */
export interface DrillNode {
  url: string;
  ctx: ServerContext;
  /** its playback archive (ADR 0017), completed at the stop so a replay shows the drill to its end */
  playback?: { archiver: { stop(): Promise<void>; tick(): Promise<number> } };
  close(): Promise<void>;
}
export type StartNode = (config: ServerConfig) => Promise<DrillNode>;

export interface DrillInfo {
  id: string;
  scenarioId: string | null;
  /** the running node's address ('' once it stopped) */
  url: string;
  startedAt: string;
  startedBy: string;
  status: DrillStatus;
  stoppedAt: string | null;
  purgedAt: string | null;
  /** the scenario's clock and the steps injected so far (null without a scenario) */
  scenario: { clock: ScenarioClock; injected: ScenarioRunner['injected'] } | null;
}

interface Drill {
  info: DrillInfo;
  node: DrillNode | null;
  runner: ScenarioRunner | null;
  /** the drill's own database (kept after stop for the review) */
  database: DatabaseTarget;
}

function restored(row: DrillRow, database: DatabaseTarget): Drill {
  let scenario: DrillInfo['scenario'] = null;
  try {
    scenario = row.scenario ? (JSON.parse(row.scenario) as DrillInfo['scenario']) : null;
  } catch {
    scenario = null;
  }
  const info: DrillInfo = {
    id: row.id,
    scenarioId: row.scenarioId,
    url: '',
    startedAt: row.startedAt.toISOString(),
    startedBy: row.startedBy,
    status: row.status,
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
    purgedAt: row.purgedAt?.toISOString() ?? null,
    scenario,
  };
  return { info, node: null, runner: null, database };
}

export class DrillManager {
  private readonly drills = new Map<string, Drill>();
  private readonly register: DrillRegister;
  private readonly archives = new DrillArchives();
  private starting = false;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: ServerContext,
    private readonly startNode: StartNode,
  ) {
    this.register = new DrillRegister(ctx.db, ctx.config.dataDir, ctx.config.database);
  }

  /**
   * At the server's start: the drills of the register come back (running ones as interrupted, their node
   * died with the last process), old drill databases are swept, and again every day.
   */
  async restore(): Promise<void> {
    if (this.ctx.config.drill) return; // a drill node runs no drills
    const interrupted = await this.register.interruptRunning();
    if (interrupted > 0) this.ctx.log.warn('drills interrupted by a restart', { count: interrupted });
    for (const row of await this.register.all())
      this.drills.set(row.id, restored(row, this.register.targetOf(row)));
    await this.sweep();
    this.sweeper = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        this.ctx.log.error('drill sweep failed', { error: String(error) }),
      );
    }, DAY_MS);
    this.sweeper.unref();
  }

  /** Deletes the databases of drills that ended more than DRILL_RETENTION_DAYS ago; the ids purged. */
  async sweep(): Promise<string[]> {
    const now = this.ctx.clock.now();
    const infos = [...this.drills.values()].map((d) => d.info);
    const due = dueForPurge(infos, now, this.ctx.config.drillRetentionDays);
    const purged: string[] = [];
    for (const { id } of due) {
      try {
        await this.purge(id);
        purged.push(id);
      } catch (error) {
        this.ctx.log.error('drill database not deleted', { id, error: String(error) });
      }
    }
    if (purged.length > 0) this.ctx.log.info('old drill databases deleted', { ids: purged });
    return purged;
  }

  list(): DrillInfo[] {
    return [...this.drills.values()].map((d) => this.infoOf(d));
  }

  private infoOf(d: { info: DrillInfo; runner: ScenarioRunner | null }): DrillInfo {
    return {
      ...d.info,
      scenario: d.runner ? { clock: d.runner.clock, injected: [...d.runner.injected] } : d.info.scenario,
    };
  }

  info(id: string): DrillInfo {
    return this.infoOf(this.get(id));
  }

  /** A drill whose database still exists (for its review and its replay): 410 once it was deleted. */
  kept(id: string): Drill {
    const drill = this.get(id);
    if (drill.info.status === 'purged')
      throw new AppError(410, 'drill_purged', {
        zh: '这个演练的数据库已被清除，复盘和回放不可用',
        en: "This drill's database was deleted: its review and replay are no longer available",
      });
    return drill;
  }

  /** The drill's own playback archive, read-only (the review's 回放 / Replay). */
  archive(id: string) {
    const drill = this.kept(id);
    return this.archives.reader(id, drill.node?.ctx.db ?? null, drill.database);
  }

  /** Pause, resume or speed up the drill's scenario. */
  control(id: string, action: 'pause' | 'resume' | 'speed', speed?: number): DrillInfo {
    const drill = this.get(id);
    if (!drill.runner || !drill.node)
      throw conflict('这个演练没有正在运行的脚本 / This drill runs no scenario');
    drill.runner.control(action, speed);
    return this.infoOf(drill);
  }

  get(id: string): Drill {
    const drill = this.drills.get(id);
    if (!drill) throw notFound(`drill ${id}`);
    return drill;
  }

  async start(by: string, scenarioId: string | null): Promise<DrillInfo> {
    const db = this.ctx.config.database;
    if (this.ctx.config.drill) throw conflict('演练中不能再开演练 / A drill cannot start another drill');
    if (this.starting || this.list().some((d) => d.status === 'running')) {
      throw conflict('已有演练在进行 / A drill is already running: stop it first');
    }
    const script = scenarioId ? findScenario(scenarioId) : null;
    this.starting = true;
    try {
      const now = this.ctx.clock.now();
      const id = `drill-${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${crypto.randomBytes(3).toString('hex')}`;
      const dir = path.join(this.ctx.config.dataDir, 'drills', id);
      fs.mkdirSync(dir, { recursive: true });
      let databaseUrl: string;
      if (db.provider === 'sqlite') {
        const file = path.join(dir, 'city-ops.db');
        copyReferenceDatabase(db.file, file);
        databaseUrl = `file:${file}`;
      } else {
        databaseUrl = await createPostgresDrill(db.url, id).catch((error: unknown) => {
          this.ctx.log.error('drill database not created', { id, error: String(error) });
          throw new AppError(503, 'drill_database_failed', {
            zh: '无法创建演练数据库（PostgreSQL 账号需要 CREATEDB 权限）',
            en: 'Could not create the drill database (the PostgreSQL account needs the CREATEDB privilege)',
          });
        });
      }
      const config = loadConfig({
        ...process.env,
        PORT: '0',
        HOST: this.ctx.config.host,
        DATA_DIR: dir,
        DATABASE_URL: databaseUrl,
        DRILL: '1',
        SIM: '0',
        OPEN: '0',
        NODE_ID: `${this.ctx.config.nodeId}-${id}`,
        RENDERER_DIR: this.ctx.config.rendererDir,
        LOG_LEVEL: this.ctx.config.logLevel,
        PLAYBACK_SETTLE_MS: String(DRILL_SETTLE_MS),
      });
      // registered before the node starts: a process that dies from here on leaves it "interrupted"
      await this.register.started({
        id,
        scenarioId,
        startedBy: by,
        startedAt: now,
        ...this.register.locationOf(config.database),
      });
      const node = await this.startNode(config).catch(async (error: unknown) => {
        await this.register.stopped(id, this.ctx.clock.now(), 'interrupted', null);
        throw error;
      });
      const info: DrillInfo = {
        id,
        scenarioId,
        url: node.url,
        startedAt: now.toISOString(),
        startedBy: by,
        status: 'running',
        stoppedAt: null,
        purgedAt: null,
        scenario: null,
      };
      const runner = script ? new ScenarioRunner(script, node) : null;
      runner?.start();
      this.drills.set(id, { info, node, runner, database: config.database });
      this.ctx.log.info('drill started', { id, url: node.url, scenarioId, by });
      return this.info(id);
    } finally {
      this.starting = false;
    }
  }

  async stop(id: string): Promise<DrillInfo> {
    const drill = this.get(id);
    if (drill.node) {
      await drill.runner?.stop();
      const archiver = drill.node.playback?.archiver;
      if (archiver) {
        // the last events settle, then one more pass copies them into the drill's archive
        await new Promise((resolve) => setTimeout(resolve, DRILL_SETTLE_MS + 50));
        await archiver.stop();
        await archiver.tick().catch((error: unknown) => {
          this.ctx.log.warn('drill archive not completed', { id, error: String(error) });
        });
      }
      await drill.node.close();
      drill.node = null;
      const at = this.ctx.clock.now();
      const { scenario } = this.infoOf(drill);
      drill.runner = null;
      drill.info = { ...drill.info, url: '', status: 'stopped', stoppedAt: at.toISOString(), scenario };
      await this.register.stopped(id, at, 'stopped', scenario);
      this.ctx.log.info('drill stopped', { id });
    }
    return this.infoOf(drill);
  }

  /** A trainer deletes an ended drill's database by hand (not while it runs); its row stays, purged. */
  async purge(id: string): Promise<DrillInfo> {
    const drill = this.get(id);
    if (drill.node || drill.info.status === 'running')
      throw conflict('演练进行中，先结束再删除 / The drill is running: stop it before deleting it');
    if (drill.info.status !== 'purged') {
      await this.archives.close(id);
      await deleteDrillDatabase(id, drill.database, this.ctx.config.database, this.ctx.config.dataDir);
      const at = this.ctx.clock.now();
      await this.register.purged(id, at);
      drill.info = { ...drill.info, status: 'purged', purgedAt: at.toISOString() };
      this.ctx.log.info('drill database deleted', { id });
    }
    return this.infoOf(drill);
  }

  /** At the server's stop: running drills stop (and are registered stopped), the daily sweep ends. */
  async stopAll(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    for (const [id, drill] of this.drills) if (drill.node) await this.stop(id);
    await this.archives.closeAll();
  }
}
