// The city's map layers as the REST routes send them (http/layers.ts): cameras, vehicles with their teams,
// inspectors, parts (paged or as parallel arrays), grid cells and divisions as GeoJSON. Database reads
// joined with the last GPS positions held in memory; who may see what is decided by the routes.
import type { CameraView, PartsColumnar } from '@contract/city';
import type { Db } from '../db/client';
import type { Position } from '../ingest/positions';

export type Bbox = [number, number, number, number];

const within = (b: Bbox | undefined) =>
  b ? { lon: { gte: b[0], lte: b[2] }, lat: { gte: b[1], lte: b[3] } } : {};
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const polygon = (json: string) => ({ type: 'Polygon', coordinates: JSON.parse(json) as unknown });
const iso = (ms: number) => new Date(ms).toISOString();

export class MapReads {
  constructor(
    private readonly db: Db,
    /** the latest GPS position per vehicle or inspector id */
    private readonly positions: ReadonlyMap<string, Position>,
  ) {}

  async cameras(q: { bbox?: Bbox; owner?: string; status?: string }): Promise<CameraView[]> {
    const rows = await this.db.camera.findMany({
      where: {
        ...within(q.bbox),
        ...(q.owner ? { owner: q.owner } : {}),
        ...(q.status ? { status: q.status } : {}),
      },
      orderBy: { id: 'asc' },
    });
    return rows.map(({ gridCellId: _g, ...c }) => ({
      ...c,
      owner: c.owner as CameraView['owner'],
      deviceType: c.deviceType as CameraView['deviceType'],
      status: c.status as CameraView['status'],
      statusAt: c.statusAt?.toISOString() ?? null,
    }));
  }

  /** Every vehicle at its latest position (the stored one when no fix arrived since start), and the teams. */
  async vehicles() {
    const [rows, teams] = await Promise.all([
      this.db.vehicle.findMany({ orderBy: { id: 'asc' } }),
      this.db.team.findMany({ orderBy: { id: 'asc' } }),
    ]);
    const vehicles = rows.map((v) => {
      const p = this.positions.get(v.id);
      return {
        ...v,
        ...(p ? { lon: p.lon, lat: p.lat, heading: p.heading, speedKmh: p.speedKmh } : {}),
        lastSeenAt: p ? iso(p.atMs) : (v.lastSeenAt?.toISOString() ?? null),
      };
    });
    return { vehicles, teams };
  }

  /** Every inspector with the number of grid cells they walk and their latest position. */
  async inspectors() {
    const [users, cells] = await Promise.all([
      this.db.user.findMany({
        where: { role: 'inspector' },
        select: { id: true, username: true, displayName: true, districtCode: true },
        orderBy: { username: 'asc' },
      }),
      this.db.gridCell.groupBy({ by: ['inspectorId'], _count: { _all: true } }),
    ]);
    const count = new Map(cells.map((c) => [c.inspectorId, c._count._all]));
    return users.map((u) => {
      const p = this.positions.get(u.id);
      return {
        ...u,
        gridCells: count.get(u.id) ?? 0,
        lon: p?.lon ?? null,
        lat: p?.lat ?? null,
        lastSeenAt: p ? iso(p.atMs) : null,
      };
    });
  }

  /** All parts as parallel arrays (coordinates to 6 decimals, categories by index). */
  async partsColumnar(): Promise<PartsColumnar> {
    const rows = await this.db.part.findMany({
      select: { id: true, categoryId: true, lon: true, lat: true, status: true },
      orderBy: { id: 'asc' },
    });
    const categories = [...new Set(rows.map((r) => r.categoryId))].sort();
    const index = new Map(categories.map((c, i) => [c, i]));
    return {
      count: rows.length,
      categories,
      id: rows.map((r) => r.id),
      cat: rows.map((r) => index.get(r.categoryId) as number),
      lon: rows.map((r) => r6(r.lon)),
      lat: rows.map((r) => r6(r.lat)),
      abnormal: rows.map((r) => (r.status === 'normal' ? 0 : 1)),
    };
  }

  /** A page of parts; `partClass` is a 2-digit major class or a 4-digit subclass. */
  async parts(q: { bbox?: Bbox; partClass?: string; limit: number; offset: number }) {
    const c = q.partClass;
    const where = {
      ...within(q.bbox),
      ...(c ? { categoryId: c.length === 2 ? { startsWith: `part-${c}` } : `part-${c}` } : {}),
    };
    const [total, parts] = await Promise.all([
      this.db.part.count({ where }),
      this.db.part.findMany({ where, orderBy: { id: 'asc' }, skip: q.offset, take: q.limit }),
    ]);
    return { total, offset: q.offset, parts };
  }

  part(id: string) {
    return this.db.part.findUnique({ where: { id } });
  }

  /** Grid cells overlapping the box (or of a district) as a GeoJSON FeatureCollection. */
  async grid(q: { bbox?: Bbox; districtCode?: string }) {
    const b = q.bbox;
    const cells = await this.db.gridCell.findMany({
      where: {
        ...(b
          ? { maxLon: { gte: b[0] }, minLon: { lte: b[2] }, maxLat: { gte: b[1] }, minLat: { lte: b[3] } }
          : {}),
        ...(q.districtCode ? { districtCode: q.districtCode } : {}),
      },
      orderBy: { id: 'asc' },
    });
    return {
      type: 'FeatureCollection',
      features: cells.map((c) => ({
        type: 'Feature',
        id: c.id,
        geometry: polygon(c.polygon),
        properties: {
          id: c.id,
          communityCode: c.communityCode,
          streetCode: c.streetCode,
          districtCode: c.districtCode,
          inspectorId: c.inspectorId,
        },
      })),
    };
  }

  /** Administrative divisions (of one level, or all) as a GeoJSON FeatureCollection. */
  async divisions(level?: string) {
    const rows = await this.db.division.findMany({
      where: level ? { level } : {},
      orderBy: { code: 'asc' },
    });
    return {
      type: 'FeatureCollection',
      features: rows.map((d) => ({
        type: 'Feature',
        id: d.code,
        geometry: d.polygon ? polygon(d.polygon) : null,
        properties: {
          code: d.code,
          name: d.name,
          nameEn: d.nameEn,
          level: d.level,
          parentCode: d.parentCode,
        },
      })),
    };
  }
}
