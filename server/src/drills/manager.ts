// Drills (演练, docs/adr/0017): each drill is a second server node in this process, on its own SQLite file
// under DATA_DIR/drills/<id>/ made from the live reference data, with DRILL=1 (every record it writes is
// marked drill, every screen shows the banner). Its REST, stream and archive are that node's own, so nothing
// a drill does reaches the live database. One drill at a time; a stopped drill's file stays for review.
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
import { scenario as findScenario, ScenarioRunner } from './runner';

/** What the manager needs of a started node (the server module passes its startServer). */
export interface DrillNode {
  url: string;
  ctx: ServerContext;
  close(): Promise<void>;
}
export type StartNode = (config: ServerConfig) => Promise<DrillNode>;

export interface DrillInfo {
  id: string;
  scenarioId: string | null;
  url: string;
  startedAt: string;
  startedBy: string;
  status: 'running' | 'stopped';
  stoppedAt: string | null;
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

export class DrillManager {
  private readonly drills = new Map<string, Drill>();
  private starting = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly startNode: StartNode,
  ) {}

  list(): DrillInfo[] {
    return [...this.drills.values()].map((d) => this.infoOf(d));
  }

  private infoOf(d: { info: DrillInfo; runner: ScenarioRunner | null }): DrillInfo {
    return {
      ...d.info,
      scenario: d.runner ? { clock: d.runner.clock, injected: [...d.runner.injected] } : null,
    };
  }

  info(id: string): DrillInfo {
    return this.infoOf(this.get(id));
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
      });
      const node = await this.startNode(config);
      const info: DrillInfo = {
        id,
        scenarioId,
        url: node.url,
        startedAt: now.toISOString(),
        startedBy: by,
        status: 'running',
        stoppedAt: null,
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
      await drill.node.close();
      drill.node = null;
      drill.info = { ...drill.info, status: 'stopped', stoppedAt: this.ctx.clock.now().toISOString() };
      this.ctx.log.info('drill stopped', { id });
    }
    return this.infoOf(drill);
  }

  async stopAll(): Promise<void> {
    for (const id of this.drills.keys()) await this.stop(id);
  }
}
