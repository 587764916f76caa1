// Dispatch units in the database: one DispatchUnit row per vehicle and per inspector on foot (created
// at start for any that are missing), read together with their live GPS fix.
import type { UnitKind, UnitStatus, UnitView } from '@contract/incidents';
import type { ServerContext } from '../context';
import type { DispatchUnit } from '../db/generated/sqlite/client';
import { fixAgeMs, type UnitSnapshot } from '../domain/incidents/units';
import type { PositionTracker } from '../ingest/positions';

export interface Located {
  row: DispatchUnit;
  lon: number;
  lat: number;
  lastFixAt: Date | null;
}

export class UnitStore {
  constructor(
    private readonly ctx: ServerContext,
    private readonly positions: PositionTracker,
  ) {}

  /** Creates the units that do not exist yet: every vehicle and every inspector with a grid. */
  async ensure(): Promise<number> {
    const db = this.ctx.db;
    const known = new Set((await db.dispatchUnit.findMany({ select: { id: true } })).map((u) => u.id));
    const [vehicles, teams, inspectors] = await Promise.all([
      db.vehicle.findMany(),
      db.team.findMany(),
      db.user.findMany({ where: { role: 'inspector' } }),
    ]);
    const team = new Map(teams.map((t) => [t.id, t]));
    const grids = await db.gridCell.groupBy({
      by: ['inspectorId'],
      _avg: { centerLon: true, centerLat: true },
      where: { inspectorId: { not: null } },
    });
    const home = new Map(grids.map((g) => [g.inspectorId, g._avg]));
    const now = this.ctx.clock.now();
    const rows = [
      ...vehicles.map((v) => ({
        id: v.id,
        kind: v.kind,
        label: `${v.plate} ${team.get(v.teamId)?.name ?? ''}`.trim(),
        departmentId: v.departmentId,
        teamId: v.teamId,
        districtCode: null,
        status: 'available',
        statusSince: now,
        homeLon: team.get(v.teamId)?.depotLon ?? v.lon,
        homeLat: team.get(v.teamId)?.depotLat ?? v.lat,
      })),
      ...inspectors
        .filter((u) => home.get(u.id)?.centerLon != null)
        .map((u) => ({
          id: u.id,
          kind: 'inspector',
          label: u.displayName,
          departmentId: u.departmentId,
          teamId: null,
          districtCode: u.districtCode,
          status: 'available',
          statusSince: now,
          homeLon: home.get(u.id)?.centerLon as number,
          homeLat: home.get(u.id)?.centerLat as number,
        })),
    ].filter((r) => !known.has(r.id));
    if (rows.length) await db.dispatchUnit.createMany({ data: rows });
    return rows.length;
  }

  locate(row: DispatchUnit): Located {
    const p = this.positions.latest.get(row.id);
    return p
      ? { row, lon: p.lon, lat: p.lat, lastFixAt: new Date(p.atMs) }
      : { row, lon: row.homeLon, lat: row.homeLat, lastFixAt: null };
  }

  snapshot(l: Located): UnitSnapshot {
    return {
      id: l.row.id,
      kind: l.row.kind as UnitKind,
      departmentId: l.row.departmentId,
      districtCode: l.row.districtCode,
      status: l.row.status as UnitStatus,
      statusSince: l.row.statusSince,
      incidentId: l.row.incidentId,
      lon: l.lon,
      lat: l.lat,
      lastFixAt: l.lastFixAt,
    };
  }

  view(l: Located, now: Date): UnitView {
    const age = fixAgeMs({ lastFixAt: l.lastFixAt }, now);
    return {
      id: l.row.id,
      kind: l.row.kind as UnitKind,
      label: l.row.label,
      departmentId: l.row.departmentId,
      status: l.row.status as UnitStatus,
      statusSince: l.row.statusSince.toISOString(),
      incidentId: l.row.incidentId,
      lon: l.lon,
      lat: l.lat,
      fixAgeS: age === null ? null : Math.round(age / 1000),
      version: l.row.version,
    };
  }

  async all(where: { status?: string[]; incidentId?: string } = {}): Promise<Located[]> {
    const rows = await this.ctx.db.dispatchUnit.findMany({
      where: {
        ...(where.status ? { status: { in: where.status } } : {}),
        ...(where.incidentId ? { incidentId: where.incidentId } : {}),
      },
      orderBy: { id: 'asc' },
    });
    return rows.map((r) => this.locate(r));
  }
}
