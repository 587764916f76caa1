// Dispatch units in the live picture (topic `unit`, ADR 0022): what a `unit.status` event and a snapshot
// carry, and whose eyes they are for. A unit is scoped by the district of the incident it serves (or, on
// release, served), else by its own (inspectors on foot), and read like incidents (access/rules.ts).
import type { UnitLive } from '@contract/stream';
import type { ServerContext } from '../context';
import type { Tx } from '../db/client';
import type { DispatchUnit } from '../db/generated/sqlite/client';
import type { Audience } from '../stream/scope';
import type { RoadRouter } from './router';
import type { UnitStore } from './unit-store';

/** Statuses in which a unit is on its way to the site and has an expected arrival. */
export const MOVING: readonly string[] = ['dispatched', 'en_route'];

export function unitLive(row: DispatchUnit, etaAt: Date | null = null): UnitLive {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    departmentId: row.departmentId,
    status: row.status,
    statusSince: row.statusSince.toISOString(),
    incidentId: row.incidentId,
    version: row.version,
    etaAt: etaAt?.toISOString() ?? null,
  };
}

/** The district a unit row is read by: its incident's, else its own. */
export async function unitDistrict(
  tx: Pick<Tx, 'incident'>,
  incidentId: string | null,
  own: string | null,
): Promise<string | null> {
  if (!incidentId) return own;
  const incident = await tx.incident.findUnique({
    where: { id: incidentId },
    select: { districtCode: true },
  });
  return incident?.districtCode ?? own;
}

export class LiveUnits {
  constructor(
    private readonly ctx: ServerContext,
    private readonly units: UnitStore,
    private readonly router: RoadRouter,
  ) {}

  /** When a unit setting off from where its last fix puts it reaches the site (null if it cannot). */
  etaAt(row: DispatchUnit, site: readonly [number, number], now: Date): Date | null {
    const l = this.units.locate(row);
    const [s] = this.router.etasS(site, [[l.lon, l.lat]]);
    return s === null || s === undefined ? null : new Date(now.getTime() + s * 1000);
  }

  /** The district each unit is read by (its incident's, else its own), by unit id. */
  async districts(rows: readonly DispatchUnit[]): Promise<Map<string, string | null>> {
    const ids = [...new Set(rows.map((r) => r.incidentId).filter((i): i is string => !!i))];
    const incidents = ids.length
      ? await this.ctx.db.incident.findMany({
          where: { id: { in: ids } },
          select: { id: true, districtCode: true },
        })
      : [];
    const byId = new Map(incidents.map((i) => [i.id, i.districtCode]));
    return new Map(rows.map((r) => [r.id, (r.incidentId ? byId.get(r.incidentId) : null) ?? r.districtCode]));
  }

  /** The units committed to an incident that the audience may see, moving ones with their ETA from now. */
  async active(audience: Pick<Audience, 'allows'>): Promise<UnitLive[]> {
    const rows = await this.ctx.db.dispatchUnit.findMany({
      where: { incidentId: { not: null } },
      orderBy: { id: 'asc' },
    });
    const incidents = await this.ctx.db.incident.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.incidentId as string))] } },
      select: { id: true, lon: true, lat: true, districtCode: true },
    });
    const byId = new Map(incidents.map((i) => [i.id, i]));
    const now = this.ctx.clock.now();
    const visible = rows.filter((row) =>
      audience.allows({
        topic: 'unit',
        departmentId: row.departmentId,
        districtCode: byId.get(row.incidentId as string)?.districtCode ?? row.districtCode,
      }),
    );
    // one search per incident for the ETAs of its moving units
    const eta = new Map<string, Date>();
    for (const incident of incidents) {
      const moving = visible.filter((r) => r.incidentId === incident.id && MOVING.includes(r.status));
      const located = moving.map((r) => this.units.locate(r));
      const seconds = this.router.etasS(
        [incident.lon, incident.lat],
        located.map((l) => [l.lon, l.lat] as const),
      );
      moving.forEach((r, i) => {
        const s = seconds[i];
        if (s !== null && s !== undefined) eta.set(r.id, new Date(now.getTime() + s * 1000));
      });
    }
    const out = visible.map((row) => unitLive(row, eta.get(row.id) ?? null));
    return out;
  }
}
