// The demo city: a plausible city at a real location (around 119.18E, 34.60N), generated
// deterministically. Districts are quadrants, streets vertical stripes of a district, communities
// horizontal stripes of a street; grid cells (万米单元网格) are about 100 m x 100 m.
import type { CityConfig } from '@contract/http';

export const CITY_CODE = '329800';

const WEST = 119.1363;
const EAST = 119.2237;
const SOUTH = 34.573;
const NORTH = 34.627;

export const DEMO_CITY: Omit<CityConfig, 'drill'> = {
  name: '海州市',
  nameEn: 'Haizhou City',
  center: { lon: 119.18, lat: 34.6 },
  bounds: [WEST, SOUTH, EAST, NORTH],
};

export const DISTRICTS = [
  { code: '329801', name: '新海区', nameEn: 'Xinhai District', col: 0, row: 1 },
  { code: '329802', name: '云台区', nameEn: 'Yuntai District', col: 1, row: 1 },
  { code: '329803', name: '港城区', nameEn: 'Gangcheng District', col: 0, row: 0 },
  { code: '329804', name: '东湖区', nameEn: 'Donghu District', col: 1, row: 0 },
] as const;

const STREET_NAMES = [
  ['朝阳街道', 'Chaoyang'],
  ['新华街道', 'Xinhua'],
  ['海滨街道', 'Haibin'],
  ['解放街道', 'Jiefang'],
  ['花果街道', 'Huaguo'],
  ['幸福街道', 'Xingfu'],
  ['建设街道', 'Jianshe'],
  ['浦南街道', 'Punan'],
  ['盐河街道', 'Yanhe'],
  ['墟沟街道', 'Xugou'],
  ['中山街道', 'Zhongshan'],
  ['连岛街道', 'Liandao'],
] as const;

const COMMUNITY_SUFFIXES = [
  ['东苑社区', 'Dongyuan'],
  ['中心社区', 'Zhongxin'],
  ['西园社区', 'Xiyuan'],
] as const;

export interface DivisionRow {
  code: string;
  name: string;
  nameEn: string;
  level: 'city' | 'district' | 'street' | 'community';
  parentCode: string | null;
  bbox: [number, number, number, number];
}

export function buildDivisions(): DivisionRow[] {
  const rows: DivisionRow[] = [
    {
      code: CITY_CODE,
      name: DEMO_CITY.name,
      nameEn: DEMO_CITY.nameEn,
      level: 'city',
      parentCode: null,
      bbox: [WEST, SOUTH, EAST, NORTH],
    },
  ];
  const midLon = (WEST + EAST) / 2;
  const midLat = (SOUTH + NORTH) / 2;
  DISTRICTS.forEach((d, di) => {
    const w = d.col === 0 ? WEST : midLon;
    const e = d.col === 0 ? midLon : EAST;
    const s = d.row === 0 ? SOUTH : midLat;
    const n = d.row === 0 ? midLat : NORTH;
    rows.push({
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      level: 'district',
      parentCode: CITY_CODE,
      bbox: [w, s, e, n],
    });
    for (let si = 0; si < 3; si++) {
      const sw = w + ((e - w) * si) / 3;
      const se = w + ((e - w) * (si + 1)) / 3;
      const [sName, sEn] = STREET_NAMES[di * 3 + si] ?? ['街道', 'Street'];
      const streetCode = `${d.code}${String(si + 1).padStart(3, '0')}`;
      rows.push({
        code: streetCode,
        name: sName,
        nameEn: `${sEn} Subdistrict`,
        level: 'street',
        parentCode: d.code,
        bbox: [sw, s, se, n],
      });
      for (let ci = 0; ci < 3; ci++) {
        const cs = s + ((n - s) * ci) / 3;
        const cn = s + ((n - s) * (ci + 1)) / 3;
        const [cName, cEn] = COMMUNITY_SUFFIXES[ci] ?? ['社区', 'Community'];
        rows.push({
          code: `${streetCode}${String(ci + 1).padStart(3, '0')}`,
          name: `${sName.replace('街道', '')}${cName}`,
          nameEn: `${sEn} ${cEn} Community`,
          level: 'community',
          parentCode: streetCode,
          bbox: [sw, cs, se, cn],
        });
      }
    }
  });
  return rows;
}

export interface GridCellRow {
  id: string;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  polygon: string;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  centerLon: number;
  centerLat: number;
}

/** About 100 m x 100 m cells (0.001092 deg lon, 0.000899 deg lat at 34.6N), each in one community. */
export function buildGridCells(divisions: DivisionRow[]): GridCellRow[] {
  const dLon = 0.001092;
  const dLat = 0.000899;
  const communities = divisions.filter((d) => d.level === 'community');
  const serial = new Map<string, number>();
  const cells: GridCellRow[] = [];
  for (let lat = SOUTH; lat < NORTH - 1e-9; lat += dLat) {
    for (let lon = WEST; lon < EAST - 1e-9; lon += dLon) {
      const maxLon = Math.min(lon + dLon, EAST);
      const maxLat = Math.min(lat + dLat, NORTH);
      const cx = (lon + maxLon) / 2;
      const cy = (lat + maxLat) / 2;
      const community = communities.find(
        (c) => cx >= c.bbox[0] && cx < c.bbox[2] && cy >= c.bbox[1] && cy < c.bbox[3],
      );
      if (!community) continue;
      const n = (serial.get(community.code) ?? 0) + 1;
      serial.set(community.code, n);
      const ring = [
        [lon, lat],
        [maxLon, lat],
        [maxLon, maxLat],
        [lon, maxLat],
        [lon, lat],
      ].map(([x, y]) => [round(x ?? 0), round(y ?? 0)]);
      cells.push({
        id: `${community.code}${String(n).padStart(4, '0')}`,
        communityCode: community.code,
        streetCode: community.code.slice(0, 9),
        districtCode: community.code.slice(0, 6),
        polygon: JSON.stringify([ring]),
        minLon: round(lon),
        minLat: round(lat),
        maxLon: round(maxLon),
        maxLat: round(maxLat),
        centerLon: round(cx),
        centerLat: round(cy),
      });
    }
  }
  return cells;
}

function round(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}
