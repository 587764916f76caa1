// The register of drills on the live database (docs/adr/0024, "Drills survive a restart"): one `Drill` row
// per drill, written when it starts and stops, so the list and the reviews outlive the process. It names
// where the drill's own database is (a SQLite file under DATA_DIR, or a PostgreSQL database on the live
// server) and holds no drill data; no live query, KPI or counter reads it.
import path from 'node:path';
import type { Db } from '../db/client';
import type { DatabaseTarget } from '../db/url';
import { DRILL_STATUSES, type DrillStatus } from '@contract/drills';

export type { DrillStatus };

export interface DrillRow {
  id: string;
  scenarioId: string | null;
  startedBy: string;
  startedAt: Date;
  stoppedAt: Date | null;
  status: DrillStatus;
  provider: 'sqlite' | 'postgresql';
  location: string;
  /** JSON of DrillInfo.scenario at the stop */
  scenario: string | null;
  purgedAt: Date | null;
}

/** Drill ids are ours (`drill-<stamp>-<hex>`); anything else in the register is never turned into a path. */
export const DRILL_ID = /^drill-[0-9]{14}-[0-9a-f]{6}$/;

export class DrillRegister {
  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly live: DatabaseTarget,
  ) {}

  /** Where a drill database is, as the register keeps it: relative to DATA_DIR, or a database name. */
  locationOf(target: DatabaseTarget): { provider: DrillRow['provider']; location: string } {
    if (target.provider === 'sqlite')
      return { provider: 'sqlite', location: path.relative(this.dataDir, target.file) };
    return { provider: 'postgresql', location: decodeURIComponent(new URL(target.url).pathname.slice(1)) };
  }

  /** The drill database of a register row (a PostgreSQL one on the live server, with its credentials). */
  targetOf(row: Pick<DrillRow, 'provider' | 'location'>): DatabaseTarget {
    if (row.provider === 'sqlite') {
      const file = path.resolve(this.dataDir, row.location);
      return { provider: 'sqlite', url: `file:${file}`, file };
    }
    const url = new URL(this.live.url);
    url.pathname = `/${row.location}`;
    return { provider: 'postgresql', url: url.toString() };
  }

  async all(): Promise<DrillRow[]> {
    const rows = await this.db.drill.findMany({ orderBy: { startedAt: 'asc' } });
    return rows.map((r) => ({
      ...r,
      status: (DRILL_STATUSES as readonly string[]).includes(r.status)
        ? (r.status as DrillStatus)
        : 'interrupted',
      provider: r.provider === 'postgresql' ? 'postgresql' : 'sqlite',
    }));
  }

  async started(row: Omit<DrillRow, 'stoppedAt' | 'status' | 'scenario' | 'purgedAt'>): Promise<void> {
    await this.db.drill.create({ data: { ...row, status: 'running' } });
  }

  async stopped(id: string, at: Date, status: 'stopped' | 'interrupted', scenario: unknown): Promise<void> {
    await this.db.drill.update({
      where: { id },
      data: { status, stoppedAt: at, scenario: scenario === null ? null : JSON.stringify(scenario) },
    });
  }

  /** Drills the register says run, at a start of this server: their node died with the last process. */
  async interruptRunning(): Promise<number> {
    const { count } = await this.db.drill.updateMany({
      where: { status: 'running' },
      data: { status: 'interrupted' },
    });
    return count;
  }

  async purged(id: string, at: Date): Promise<void> {
    await this.db.drill.update({ where: { id }, data: { status: 'purged', purgedAt: at } });
  }
}
