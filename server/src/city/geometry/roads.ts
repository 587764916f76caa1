// The road network of the demo city: arterials (主干道) about every kilometre, secondary and local
// streets subdividing each arterial cell, cut by the river (vertical roads cross it on bridges) and
// the lake. The result is a graph (intersections = nodes, road segments = edges) for routing.
import { rng } from '../random';
import { CITY_HEIGHT_M as H, CITY_WIDTH_M as W, type XY } from './projection';
import type { Water } from './water';

export type RoadClass = 'arterial' | 'secondary' | 'local';

export interface Road {
  id: string;
  name: string;
  cls: RoadClass;
  width: number;
  /** vertical roads run along x = at from y = from to y = to; horizontal ones along y = at */
  vertical: boolean;
  at: number;
  from: number;
  to: number;
}

export interface RoadNode {
  id: number;
  x: number;
  y: number;
}

export interface RoadEdge {
  id: number;
  a: number;
  b: number;
  road: string;
  cls: RoadClass;
  length: number;
  bridge: boolean;
}

export interface Bridge {
  id: string;
  name: string;
  road: string;
  x: number;
  y: number;
}

export interface RoadNetwork {
  roads: Road[];
  nodes: RoadNode[];
  edges: RoadEdge[];
  bridges: Bridge[];
  /** arterial cell boundaries (x and y), including the city edges, for the block generator */
  cellsX: number[];
  cellsY: number[];
  /** secondary/local lines inside each arterial cell, key `${i},${j}` */
  inner: Map<string, { xs: Road[]; ys: Road[] }>;
}

const VERTICAL_NAMES = [
  '通灌路',
  '郁州路',
  '苍梧路',
  '新浦路',
  '解放路',
  '建设路',
  '人民路',
  '朝阳路',
  '龙河路',
];
const HORIZONTAL_NAMES = [
  '港城大道',
  '陇海路',
  '海连路',
  '盐河路',
  '瀛洲路',
  '凌州路',
  '云台路',
  '花果山大道',
];
const WORDS =
  '文化青年民主团结和平胜利光明春晖秀水锦绣翠竹枫林桃园梅园兰亭金桥银湖凤凰玉兰海棠丁香紫藤振兴富强繁荣东风红旗育才学府科技创业工业商贸港湾渔港盐场沿河滨湖望海观澜听涛石榴樱花桂花荷花松柏瑞祥福寿安康吉庆永安长安太平建国新民新城南苑北苑';
const WIDTH: Record<RoadClass, number> = { arterial: 40, secondary: 22, local: 12 };

function spaced(random: () => number, start: number, min: number, max: number, end: number): number[] {
  const out: number[] = [];
  for (let v = start; v < end; v += min + random() * (max - min)) out.push(Math.round(v));
  return out;
}

export function makeRoads(seed: number, water: Water): RoadNetwork {
  const random = rng(seed ^ 0x5eed_0002);
  const roads: Road[] = [];
  const xs = spaced(random, 380 + random() * 200, 900, 1100, W - 300);
  const ys = spaced(random, 320 + random() * 200, 780, 940, H - 250);
  xs.forEach((x, i) =>
    roads.push(road(`A-V${i}`, VERTICAL_NAMES[i] ?? `纵${i}路`, 'arterial', true, x, 0, H)),
  );
  ys.forEach((y, i) =>
    roads.push(road(`A-H${i}`, HORIZONTAL_NAMES[i] ?? `横${i}路`, 'arterial', false, y, 0, W)),
  );
  const cellsX = [0, ...xs, W];
  const cellsY = [0, ...ys, H];
  const inner = new Map<string, { xs: Road[]; ys: Road[] }>();
  let word = 0;
  const nextName = (suffix: string) => {
    const n = word++;
    const w = WORDS.slice((n * 2) % WORDS.length, ((n * 2) % WORDS.length) + 2);
    const round = Math.floor((n * 2) / WORDS.length);
    return `${w}${['', '东', '西', '南', '北'][round % 5]}${suffix}`;
  };
  for (let i = 0; i + 1 < cellsX.length; i++) {
    for (let j = 0; j + 1 < cellsY.length; j++) {
      const x0 = cellsX[i] as number;
      const x1 = cellsX[i + 1] as number;
      const y0 = cellsY[j] as number;
      const y1 = cellsY[j + 1] as number;
      const cell = { xs: [] as Road[], ys: [] as Road[] };
      const nx = Math.max(1, Math.round((x1 - x0) / 330 - 0.3 + random() * 0.6)) - 1;
      const ny = Math.max(1, Math.round((y1 - y0) / 290 - 0.3 + random() * 0.6)) - 1;
      for (let k = 1; k <= nx; k++) {
        const x = Math.round(x0 + ((x1 - x0) * k) / (nx + 1) + (random() - 0.5) * 40);
        const cls: RoadClass = k === Math.ceil(nx / 2) ? 'secondary' : 'local';
        const r = road(
          `S-V${i}-${j}-${k}`,
          nextName(cls === 'secondary' ? '路' : '街'),
          cls,
          true,
          x,
          y0,
          y1,
        );
        cell.xs.push(r);
        roads.push(r);
      }
      for (let k = 1; k <= ny; k++) {
        const y = Math.round(y0 + ((y1 - y0) * k) / (ny + 1) + (random() - 0.5) * 40);
        const cls: RoadClass = k === Math.ceil(ny / 2) ? 'secondary' : 'local';
        const r = road(
          `S-H${i}-${j}-${k}`,
          nextName(cls === 'secondary' ? '路' : '巷'),
          cls,
          false,
          y,
          x0,
          x1,
        );
        cell.ys.push(r);
        roads.push(r);
      }
      inner.set(`${i},${j}`, cell);
    }
  }
  return { ...buildGraph(roads, water), roads, cellsX, cellsY, inner };
}

function road(
  id: string,
  name: string,
  cls: RoadClass,
  vertical: boolean,
  at: number,
  from: number,
  to: number,
): Road {
  return { id, name, cls, width: WIDTH[cls], vertical, at, from, to };
}

function buildGraph(roads: Road[], water: Water) {
  const verticals = roads.filter((r) => r.vertical);
  const horizontals = roads.filter((r) => !r.vertical);
  const stops = new Map<string, number[]>(roads.map((r) => [r.id, [r.from, r.to]]));
  const eps = 0.5;
  for (const v of verticals) {
    for (const h of horizontals) {
      if (v.at >= h.from - eps && v.at <= h.to + eps && h.at >= v.from - eps && h.at <= v.to + eps) {
        stops.get(v.id)?.push(h.at);
        stops.get(h.id)?.push(v.at);
      }
    }
  }
  const nodeIds = new Map<string, number>();
  const nodes: RoadNode[] = [];
  const nodeAt = (x: number, y: number): number => {
    const key = `${Math.round(x)},${Math.round(y)}`;
    let id = nodeIds.get(key);
    if (id === undefined) {
      id = nodes.length;
      nodes.push({ id, x: Math.round(x), y: Math.round(y) });
      nodeIds.set(key, id);
    }
    return id;
  };
  const edges: RoadEdge[] = [];
  const bridges: Bridge[] = [];
  for (const r of roads) {
    const ts = [...new Set((stops.get(r.id) ?? []).map((t) => Math.round(t)))].sort((a, b) => a - b);
    for (let k = 0; k + 1 < ts.length; k++) {
      const t0 = ts[k] as number;
      const t1 = ts[k + 1] as number;
      const p = (t: number): XY => (r.vertical ? [r.at, t] : [t, r.at]);
      let wetRiver = false;
      let wetLake = false;
      for (let t = t0; t <= t1; t += 10) {
        const [x, y] = p(t);
        if (water.inLake(x, y, 15)) wetLake = true;
        if (water.inRiver(x, y, 5)) wetRiver = true;
      }
      if (wetLake || (wetRiver && !r.vertical)) continue;
      const [ax, ay] = p(t0);
      const [bx, by] = p(t1);
      const edge: RoadEdge = {
        id: edges.length,
        a: nodeAt(ax, ay),
        b: nodeAt(bx, by),
        road: r.id,
        cls: r.cls,
        length: t1 - t0,
        bridge: wetRiver,
      };
      edges.push(edge);
      if (wetRiver) {
        const y = water.river.yAt(r.at);
        bridges.push({ id: `B${bridges.length + 1}`, name: `${r.name}桥`, road: r.id, x: r.at, y });
      }
    }
  }
  // Keep only nodes that edges use, renumbered densely.
  const used = [...new Set(edges.flatMap((e) => [e.a, e.b]))].sort((a, b) => a - b);
  const remap = new Map(used.map((old, i) => [old, i]));
  return {
    nodes: used.map((old, i) => ({ ...(nodes[old] as RoadNode), id: i })),
    edges: edges.map((e) => ({ ...e, a: remap.get(e.a) as number, b: remap.get(e.b) as number })),
    bridges,
  };
}
