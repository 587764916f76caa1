// About 2,000 video points with 20-digit GB/T 28181 channel IDs: centre code (8) + industry (2) +
// type (3: 131 camera, 132 IP camera) + network (1: 6 government network) + serial (6). Public
// security (天网) along roads, traffic at junctions, river cameras on the banks, sanitation at refuse
// points, construction-site cameras around sites.
import type { CameraOwner } from '@contract/city';
import type { GridCellRow } from './city';
import type { CityGeometry } from './geometry';
import { cellLocator } from './locate';
import { placer, type Spot } from './placement';
import { rng } from './random';

/** GB/T 28181 industry codes: 00 社会治安路面, 04 交通路面, 08 城市管理, 09 卫生环保 */
const OWNERS: Array<{ owner: CameraOwner; share: number; industry: string; label: string }> = [
  { owner: 'skynet', share: 0.45, industry: '00', label: '天网' },
  { owner: 'traffic', share: 0.3, industry: '04', label: '交通' },
  { owner: 'river', share: 0.08, industry: '08', label: '河道' },
  { owner: 'sanitation', share: 0.1, industry: '09', label: '环卫' },
  { owner: 'construction', share: 0.07, industry: '08', label: '工地' },
];

/** Demo HLS streams made at build time (assets/video); cameras share them round-robin. */
export const DEMO_STREAMS = 6;

export interface CameraRow {
  id: string;
  name: string;
  owner: CameraOwner;
  deviceType: string;
  lon: number;
  lat: number;
  heading: number;
  fov: number;
  ptz: boolean;
  streamUrl: string;
  districtCode: string;
  gridCellId: string;
  status: string;
}

/** Where production cameras stream from: CAMERA_STREAM_TEMPLATE with {id}, e.g. https://gw/hls/{id}.m3u8 */
export function streamUrlFor(id: string, serial: number, env: NodeJS.ProcessEnv = process.env): string {
  const template = env.CAMERA_STREAM_TEMPLATE;
  if (template) return template.replaceAll('{id}', id);
  return `/media/demo/${serial % DEMO_STREAMS}/index.m3u8`;
}

export function buildCameras(
  seed: number,
  geo: CityGeometry,
  cells: GridCellRow[],
  count = 2000,
): CameraRow[] {
  const random = rng(seed ^ 0x0ca3e7a5);
  const locate = cellLocator(cells);
  const place = placer(geo, random);
  const { water } = geo;
  const construction = geo.blocks.filter((b) => b.use === 'construction');
  const cameras: CameraRow[] = [];
  const serials = new Map<string, number>();
  for (const o of OWNERS) {
    const target = Math.round(count * o.share);
    for (let i = 0, tries = 0; i < target && tries < target * 5; tries++) {
      let spot: Spot;
      let heading: number;
      if (o.owner === 'traffic') {
        spot = place.atJunction(random() < 0.6);
        heading = spot.bearing;
      } else if (o.owner === 'river') {
        const x = 50 + random() * (geo.roads.cellsX[geo.roads.cellsX.length - 1] as number) * 0.98;
        const side = random() < 0.5 ? 1 : -1;
        const y = water.river.yAt(x) + side * (water.river.width / 2 + 12);
        spot = { xy: [x, y], road: `${water.river.name}${side > 0 ? '北岸' : '南岸'}`, bearing: 0 };
        heading = side > 0 ? 180 : 0;
      } else if (o.owner === 'construction' && construction.length) {
        const b = construction[i % construction.length] as (typeof construction)[number];
        const corner = i % 4;
        spot = {
          xy: [corner % 2 ? b.x1 - 3 : b.x0 + 3, corner < 2 ? b.y0 + 3 : b.y1 - 3],
          road: `${b.id}号建设项目`,
          bearing: 0,
        };
        heading = [45, 315, 135, 225][corner] as number;
      } else {
        spot =
          o.owner === 'sanitation' && random() < 0.5
            ? place.inBlock(['residential', 'lowrise'])
            : place.alongRoad('kerb');
        heading = (spot.bearing + (random() < 0.5 ? 0 : 180) + (random() - 0.5) * 60 + 360) % 360;
      }
      const at = locate.place(spot.xy);
      if (!at || water.isWet(spot.xy[0], spot.xy[1])) continue;
      const centre = `${at.cell.districtCode}00`;
      const type = o.owner === 'traffic' || random() < 0.7 ? '132' : '131';
      const key = `${centre}${o.industry}${type}`;
      const serial = (serials.get(key) ?? 0) + 1;
      serials.set(key, serial);
      const id = `${key}6${String(serial).padStart(6, '0')}`;
      cameras.push({
        id,
        name: `${o.label}-${spot.road || '小区出入口'}${o.owner === 'construction' ? '' : `-${serial}`}`,
        owner: o.owner,
        deviceType: type,
        lon: at.lon,
        lat: at.lat,
        heading: Math.round(heading),
        fov: type === '132' && random() < 0.3 ? 90 : 60,
        ptz: o.owner === 'skynet' ? random() < 0.4 : o.owner === 'river',
        streamUrl: streamUrlFor(id, cameras.length),
        districtCode: at.cell.districtCode,
        gridCellId: at.cell.id,
        status: 'online',
      });
      i++;
    }
  }
  return cameras;
}
