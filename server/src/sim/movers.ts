// Vehicles driving along the road graph (a random walk that avoids U-turns) and inspectors walking
// around their grid, for the simulator's GPS feed. Deterministic for a given random source.
import type { CityGeometry } from '../city/geometry';
import { toLonLat, toXY } from '../city/geometry/projection';
import { makeGraph, nearestNode, type Graph } from '../city/geometry/routing';

const SPEED_KMH: Record<string, number> = { sanitation: 12, enforcement: 25, repair: 30, emergency: 40 };

export interface Mover {
  id: string;
  moving: boolean;
  from: number;
  to: number;
  progress: number;
  speedKmh: number;
  /** inspectors walk around a home point instead of along roads */
  home?: [number, number];
  /** a dispatch mission (sim/dispatch.ts): the road nodes still to drive, then a last leg to `goal` */
  route?: number[];
  goal?: [number, number];
  /** at the goal: stays there until the mission changes */
  arrived?: boolean;
  xy: [number, number];
  heading: number;
}

export interface GpsFix {
  id: string;
  lon: number;
  lat: number;
  heading: number;
  speedKmh: number;
}

export class Movers {
  readonly graph: Graph;
  readonly all: Mover[] = [];

  constructor(
    geo: CityGeometry,
    private readonly random: () => number,
  ) {
    this.graph = makeGraph(geo.roads.nodes, geo.roads.edges);
  }

  addVehicle(id: string, kind: string, lon: number, lat: number): void {
    const [x, y] = toXY(lon, lat);
    const from = nearestNode(this.graph, x, y);
    const to = this.nextNode(from, -1);
    const moving = this.random() < 0.7;
    const speedKmh = (SPEED_KMH[kind] ?? 20) * (0.7 + this.random() * 0.6);
    const node = this.graph.nodes[from] as { x: number; y: number };
    this.all.push({ id, moving, from, to, progress: 0, speedKmh, xy: [node.x, node.y], heading: 0 });
  }

  addInspector(id: string, lon: number, lat: number): void {
    const home = toXY(lon, lat);
    this.all.push({
      id,
      moving: true,
      from: 0,
      to: 0,
      progress: 0,
      speedKmh: 4,
      home,
      xy: [...home],
      heading: 0,
    });
  }

  private nextNode(at: number, previous: number, m?: Mover): number {
    if (m?.route) return m.route.shift() ?? at;
    const options = (this.graph.adjacent[at] ?? []).map(([v]) => v);
    const forward = options.filter((v) => v !== previous);
    const pool = forward.length ? forward : options;
    return pool[Math.floor(this.random() * pool.length)] ?? at;
  }

  /** Advances every mover by `seconds`. */
  advance(seconds: number): void {
    for (const m of this.all) {
      if (!m.moving) continue;
      if (m.goal && (m.home || (m.route && m.route.length === 0 && m.to === m.from))) {
        this.legToGoal(m, seconds);
        continue;
      }
      if (m.home) {
        m.heading = (m.heading + (this.random() - 0.5) * 90 + 360) % 360;
        const step = (m.speedKmh / 3.6) * seconds;
        const rad = (m.heading * Math.PI) / 180;
        let [x, y] = [m.xy[0] + Math.sin(rad) * step, m.xy[1] + Math.cos(rad) * step];
        if (Math.hypot(x - m.home[0], y - m.home[1]) > 300)
          [x, y] = [m.xy[0] - Math.sin(rad) * step, m.xy[1] - Math.cos(rad) * step];
        m.xy = [x, y];
        continue;
      }
      let left = (m.speedKmh / 3.6) * seconds;
      for (let guard = 0; left > 0 && guard < 20; guard++) {
        const a = this.graph.nodes[m.from] as { x: number; y: number };
        const b = this.graph.nodes[m.to] as { x: number; y: number };
        const length = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
        const room = length - m.progress;
        if (left < room) {
          m.progress += left;
          left = 0;
        } else {
          left -= room;
          const previous = m.from;
          m.from = m.to;
          m.to = this.nextNode(m.to, previous, m);
          m.progress = 0;
          if (m.route && m.to === m.from) break; // route done: the last leg to the goal follows
        }
        const a2 = this.graph.nodes[m.from] as { x: number; y: number };
        const b2 = this.graph.nodes[m.to] as { x: number; y: number };
        const len2 = Math.max(1, Math.hypot(b2.x - a2.x, b2.y - a2.y));
        const t = m.progress / len2;
        m.xy = [a2.x + (b2.x - a2.x) * t, a2.y + (b2.y - a2.y) * t];
        m.heading = ((Math.atan2(b2.x - a2.x, b2.y - a2.y) * 180) / Math.PI + 360) % 360;
      }
    }
  }

  /** Straight towards the goal (off the road graph: the last metres, or an inspector on foot). */
  private legToGoal(m: Mover, seconds: number): void {
    const goal = m.goal as [number, number];
    const dx = goal[0] - m.xy[0];
    const dy = goal[1] - m.xy[1];
    const d = Math.hypot(dx, dy);
    const step = (m.speedKmh / 3.6) * seconds;
    if (d <= step) {
      m.xy = [goal[0], goal[1]];
      m.arrived = true;
      m.moving = false;
      return;
    }
    m.xy = [m.xy[0] + (dx / d) * step, m.xy[1] + (dy / d) * step];
    m.heading = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
  }

  fix(m: Mover): GpsFix {
    const [lon, lat] = toLonLat(m.xy[0], m.xy[1]);
    return {
      id: m.id,
      lon: Math.round(lon * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
      heading: Math.round(m.heading),
      speedKmh: m.moving ? Math.round(m.speedKmh * 10) / 10 : 0,
    };
  }
}
