// The read side of emergency command: the drawer's view (roster with ETAs, segments, allowed commands),
// the timeline, recommendations for what the run card still needs, route lines, response-time figures
// and run cards.
import {
  DEFAULT_SEGMENT_TARGETS,
  RunCard,
  SEGMENT_KEYS,
  type IncidentCommandView,
  type IncidentLevel,
  type IncidentState,
  type IncidentType,
  type Recommendation,
  type SegmentKey,
  type TimelineEntry,
  type UnitRoute,
  type UnitStatus,
} from '@contract/incidents';
import type { Actor } from '../auth/sessions';
import type { ServerContext } from '../context';
import type { Incident } from '../db/generated/sqlite/client';
import {
  allowedIncidentCommands,
  COMMITTED,
  outstandingNeeds,
  recommendUnits,
  responseSegments,
  shortlistUnits,
  runCardFor,
  segmentFigures,
} from '../domain/incidents';
import { notFound } from '../errors';
import type { UnitStore } from './unit-store';
import { routingEngineFromEnv } from './osrm';
import type { RoadRouter } from './router';

/** Our own targets: RESPONSE_TARGETS="turnoutS=60,travelS=300" overrides the defaults (seconds). */
export function segmentTargets(env = process.env.RESPONSE_TARGETS): Record<SegmentKey, number> {
  const out = { ...DEFAULT_SEGMENT_TARGETS };
  for (const part of (env ?? '').split(',')) {
    const [k, v] = part.split('=');
    const n = Number(v);
    if (SEGMENT_KEYS.includes(k as SegmentKey) && Number.isFinite(n) && n > 0) out[k as SegmentKey] = n;
  }
  return out;
}

export class IncidentReads {
  readonly targets = segmentTargets();
  /** ROUTING_URL: an OSRM-compatible engine, asked first; the in-process router when it does not answer */
  private readonly engine = routingEngineFromEnv();

  constructor(
    private readonly ctx: ServerContext,
    private readonly units: UnitStore,
    private readonly router: RoadRouter,
  ) {}

  private road() {
    return this.router.road();
  }

  private async load(id: string): Promise<Incident> {
    const row = await this.ctx.db.incident.findUnique({ where: { id } });
    if (!row) throw notFound(`incident ${id}`);
    return row;
  }

  async runCards(): Promise<RunCard[]> {
    const rows = await this.ctx.db.runCardRow.findMany();
    return rows.map((r) =>
      RunCard.parse({ type: r.incidentType, level: r.level, needs: JSON.parse(r.needs) }),
    );
  }

  private async segmentsOf(row: Incident) {
    const events = await this.ctx.db.incidentEvent.findMany({
      where: { incidentId: row.id, unitId: { not: null } },
      orderBy: { id: 'asc' },
    });
    return responseSegments({
      receivedAt: row.startedAt,
      unitEvents: events.map((e) => ({ unitId: e.unitId as string, status: e.unitStatus ?? '', at: e.at })),
    });
  }

  async view(id: string, actor: Actor): Promise<IncidentCommandView> {
    const row = await this.load(id);
    const now = this.ctx.clock.now();
    const served = await this.ctx.db.incidentEvent.findMany({
      where: { incidentId: id, unitId: { not: null } },
      select: { unitId: true },
      distinct: ['unitId'],
    });
    const committedNow = await this.units.all({ incidentId: id });
    const ids = new Set(committedNow.map((l) => l.row.id));
    const earlier = (
      await this.ctx.db.dispatchUnit.findMany({
        where: { id: { in: served.map((e) => e.unitId as string).filter((u) => !ids.has(u)) } },
        orderBy: { id: 'asc' },
      })
    ).map((r) => this.units.locate(r));
    const located = [...committedNow, ...earlier];
    const { graph, searcher } = this.road();
    const site = graph.index.nearest(row.lon, row.lat);
    const nodes = located.map((l) => graph.index.nearest(l.lon, l.lat));
    const search = searcher.search(
      site.node,
      nodes.map((n) => n.node),
      Infinity,
      true,
    );
    const alarms = await this.ctx.db.alarm.findMany({ where: { incidentId: id }, select: { id: true } });
    return {
      id: row.id,
      title: row.title,
      state: row.state as IncidentState,
      level: row.severity as IncidentLevel,
      incidentType: row.incidentType as IncidentType,
      commanderId: row.commanderId,
      lon: row.lon,
      lat: row.lat,
      districtCode: row.districtCode,
      startedAt: row.startedAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
      summary: row.summary,
      caseIds: JSON.parse(row.caseIds) as string[],
      alarmIds: alarms.map((a) => a.id),
      cameraIds: JSON.parse(row.cameraIds) as string[],
      version: row.version,
      allowedCommands: allowedIncidentCommands(row.state as IncidentState, actor.role),
      units: located.map((l, i) => {
        const s = search.seconds(nodes[i]?.node ?? -1);
        const moving = l.row.status === 'dispatched' || l.row.status === 'en_route';
        return {
          ...this.units.view(l, now),
          etaS:
            moving && Number.isFinite(s)
              ? Math.round(s + (nodes[i]?.metres ?? 0) / 4 + site.metres / 4)
              : null,
        };
      }),
      segments: await this.segmentsOf(row),
      targets: this.targets,
    };
  }

  async timeline(id: string): Promise<TimelineEntry[]> {
    await this.load(id);
    const rows = await this.ctx.db.incidentEvent.findMany({
      where: { incidentId: id },
      orderBy: { id: 'asc' },
    });
    const users = await this.ctx.db.user.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.actorId).filter((a): a is string => !!a))] } },
      select: { id: true, displayName: true },
    });
    const name = new Map(users.map((u) => [u.id, u.displayName]));
    const unitRows = await this.ctx.db.dispatchUnit.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.unitId).filter((u): u is string => !!u))] } },
      select: { id: true, label: true },
    });
    const label = new Map(unitRows.map((u) => [u.id, u.label]));
    return rows.map((r) => ({
      id: r.id,
      command: r.command,
      fromState: r.fromState,
      toState: r.toState,
      unitId: r.unitId,
      unitLabel: r.unitId ? (label.get(r.unitId) ?? null) : null,
      unitStatus: r.unitStatus,
      actorId: r.actorId,
      actorName: r.actorId ? (name.get(r.actorId) ?? null) : null,
      role: r.role,
      note: r.note,
      data: JSON.parse(r.data) as Record<string, unknown>,
      at: r.at.toISOString(),
    }));
  }

  /** What the run card still needs, ranked by road ETA (one reverse search from the site). */
  async recommend(id: string): Promise<Recommendation & { labels: Record<string, string> }> {
    const row = await this.load(id);
    const card = runCardFor(
      row.incidentType as IncidentType,
      row.severity as IncidentLevel,
      await this.runCards(),
    );
    const all = await this.units.all();
    const committed = all.filter(
      (l) => l.row.incidentId === id && COMMITTED.includes(l.row.status as UnitStatus),
    );
    const needs = outstandingNeeds(
      card,
      committed.map((l) => ({ kind: l.row.kind, departmentId: l.row.departmentId })),
    );
    const { graph, searcher } = this.road();
    const input = {
      graph,
      searcher,
      site: { lon: row.lon, lat: row.lat, districtCode: row.districtCode },
      needs,
      units: all.map((l) => this.units.snapshot(l)),
      now: this.ctx.clock.now(),
    };
    const external = this.engine ? await this.engine.table([row.lon, row.lat], shortlistUnits(input)) : null;
    const result = recommendUnits({ ...input, options: external ? { external } : {} });
    const picked = new Set(result.picks.flatMap((p) => p.units.map((u) => u.unitId)));
    const labels = Object.fromEntries(
      all.filter((l) => picked.has(l.row.id)).map((l) => [l.row.id, l.row.label]),
    );
    return { ...result, labels };
  }

  /** Road routes of the units moving to the site (dispatched, en route). */
  async routes(id: string): Promise<UnitRoute[]> {
    const row = await this.load(id);
    const moving = await this.units.all({ incidentId: id, status: ['dispatched', 'en_route'] });
    const { graph, searcher } = this.road();
    const site = graph.index.nearest(row.lon, row.lat);
    const nodes = moving.map((l) => graph.index.nearest(l.lon, l.lat).node);
    const search = searcher.search(site.node, nodes, Infinity, true);
    const out: UnitRoute[] = [];
    moving.forEach((l, i) => {
      const node = nodes[i] as number;
      const etaS = search.seconds(node);
      if (!Number.isFinite(etaS)) return;
      const roadM = search.metres(node);
      const path: Array<[number, number]> = [[l.lon, l.lat]];
      for (const n of searcher.routeToSite(node)) path.push([graph.lon[n] as number, graph.lat[n] as number]);
      path.push([row.lon, row.lat]);
      out.push({ unitId: l.row.id, etaS: Math.round(etaS), roadM: Math.round(roadM), path });
    });
    // the routing engine's geometry where it answers (ETAs stay the in-process figures: one search)
    if (this.engine) {
      const engine = this.engine;
      await Promise.all(
        out.map(async (r) => {
          const path = await engine.route(r.path[0] as [number, number], [row.lon, row.lat]);
          if (path && path.length >= 2) r.path = [...path, [row.lon, row.lat]];
        }),
      );
    }
    return out;
  }

  /** 90th percentiles by type and district over incidents started since `since`. */
  async figures(since: Date) {
    const rows = await this.ctx.db.incident.findMany({ where: { startedAt: { gte: since } }, take: 5000 });
    const list = [];
    for (const r of rows)
      list.push({ type: r.incidentType, districtCode: r.districtCode, segments: await this.segmentsOf(r) });
    return { targets: this.targets, groups: segmentFigures(list, this.targets) };
  }

  /** The sites and depots the simulator needs to drive committed units. */
  async orders() {
    const rows = await this.units.all({ status: ['dispatched', 'en_route', 'on_scene', 'returning'] });
    const incidents = await this.ctx.db.incident.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.row.incidentId).filter((x): x is string => !!x))] } },
      select: { id: true, lon: true, lat: true },
    });
    const site = new Map(incidents.map((i) => [i.id, [i.lon, i.lat]]));
    return rows.map((l) => ({
      unitId: l.row.id,
      kind: l.row.kind,
      status: l.row.status,
      version: l.row.version,
      site: l.row.incidentId ? (site.get(l.row.incidentId) ?? null) : null,
      home: [l.row.homeLon, l.row.homeLat],
    }));
  }
}
