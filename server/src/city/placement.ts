// Where generated things stand in the demo city: on the carriageway or the kerb of a road (picked by
// length), at an intersection, inside a block (optionally of one land use), on a bridge.
import type { CityGeometry, LandUse, Road, RoadEdge } from './geometry';
import type { XY } from './geometry/projection';

export interface Spot {
  xy: XY;
  /** the road it is on or next to ('' inside blocks) */
  road: string;
  /** direction along the road, degrees clockwise from north */
  bearing: number;
}

export function placer(geo: CityGeometry, random: () => number) {
  const { nodes, edges, roads } = geo.roads;
  const roadById = new Map<string, Road>(roads.map((r) => [r.id, r]));
  const land = edges.filter((e) => !e.bridge);
  const cumulative: number[] = [];
  let total = 0;
  for (const e of land) cumulative.push((total += e.length));
  const pickEdge = (): RoadEdge => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return land[lo] as RoadEdge;
  };
  const alongRoad = (where: 'carriageway' | 'kerb'): Spot => {
    const e = pickEdge();
    const road = roadById.get(e.road) as Road;
    const a = nodes[e.a] as { x: number; y: number };
    const b = nodes[e.b] as { x: number; y: number };
    const t = 0.08 + random() * 0.84;
    const side = random() < 0.5 ? -1 : 1;
    const offset =
      where === 'carriageway'
        ? (random() - 0.5) * (road.width - 3)
        : side * (road.width / 2 + 1 + random() * 2.5);
    const x = a.x + (b.x - a.x) * t + (road.vertical ? offset : 0);
    const y = a.y + (b.y - a.y) * t + (road.vertical ? 0 : offset);
    return {
      xy: [x, y],
      road: road.name,
      bearing: road.vertical ? (random() < 0.5 ? 0 : 180) : random() < 0.5 ? 90 : 270,
    };
  };
  const junctions = nodes.filter((n) => edges.filter((e) => e.a === n.id || e.b === n.id).length >= 3);
  const atJunction = (arterialOnly = false): Spot => {
    const pool = arterialOnly ? arterialJunctions : junctions;
    const n = pool[Math.floor(random() * pool.length)] as { x: number; y: number; id: number };
    const names = edges
      .filter((e) => e.a === n.id || e.b === n.id)
      .map((e) => roadById.get(e.road)?.name ?? '')
      .filter((v, i, all) => v && all.indexOf(v) === i);
    return {
      xy: [n.x + (random() - 0.5) * 24, n.y + (random() - 0.5) * 24],
      road: names.slice(0, 2).join('与') + (names.length > 1 ? '交叉口' : ''),
      bearing: Math.floor(random() * 4) * 90,
    };
  };
  const arterialJunctions = nodes.filter(
    (n) => edges.filter((e) => (e.a === n.id || e.b === n.id) && e.cls === 'arterial').length >= 3,
  );
  const inBlock = (uses?: LandUse[]): Spot => {
    const pool = uses ? geo.blocks.filter((b) => uses.includes(b.use)) : geo.blocks;
    const b = pool[Math.floor(random() * pool.length)] ?? geo.blocks[0];
    if (!b) throw new Error('the city has no blocks');
    return { xy: [b.x0 + (b.x1 - b.x0) * random(), b.y0 + (b.y1 - b.y0) * random()], road: '', bearing: 0 };
  };
  const bridges = geo.roads.bridges;
  const onBridge = (i: number): Spot => {
    const b = bridges[i % bridges.length];
    if (!b) throw new Error('the city has no bridges');
    return {
      xy: [b.x + (random() - 0.5) * 10, b.y + (random() - 0.5) * 40],
      road: b.name.replace(/桥$/, ''),
      bearing: 0,
    };
  };
  return { alongRoad, atJunction, inBlock, onBridge, bridges };
}
