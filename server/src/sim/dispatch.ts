// The simulator's side of emergency command: units the server committed to an incident drive their
// road route to the site (shortest path on the city graph), hold there while on scene, and drive back
// to their depot when released; then they report available and patrol again. The server decides
// arrival from their GPS fixes (within 50 m), as it would for real vehicles.
import { toXY } from '../city/geometry/projection';
import { nearestNode, shortestPath } from '../city/geometry/routing';
import type { Mover, Movers } from './movers';

export interface DispatchOrder {
  unitId: string;
  status: string;
  site: [number, number] | null;
  home: [number, number];
}

export interface StatusPost {
  unitId: string;
  status: 'en_route' | 'available';
}

type Mission = 'site' | 'home';

export class DispatchDriver {
  private readonly missions = new Map<string, Mission>();
  private readonly byId: Map<string, Mover>;

  constructor(private readonly movers: Movers) {
    this.byId = new Map(movers.all.map((m) => [m.id, m]));
  }

  private start(m: Mover, goal: [number, number], mission: Mission): void {
    const xy = toXY(goal[0], goal[1]);
    m.goal = [xy[0], xy[1]];
    m.arrived = false;
    m.moving = true;
    this.missions.set(m.id, mission);
    if (m.home) return; // on foot: straight there
    const g = this.movers.graph;
    const path = shortestPath(g, m.to, nearestNode(g, xy[0], xy[1]));
    m.route = path ? path.nodes.slice(1) : [];
    m.speedKmh = Math.max(m.speedKmh, 30);
  }

  private end(m: Mover): void {
    m.route = undefined;
    m.goal = undefined;
    m.arrived = false;
    m.moving = true;
    this.missions.delete(m.id);
  }

  /** Brings the movers in line with the server's orders; returns the status reports to send. */
  apply(orders: readonly DispatchOrder[]): StatusPost[] {
    const posts: StatusPost[] = [];
    const seen = new Set<string>();
    for (const o of orders) {
      const m = this.byId.get(o.unitId);
      if (!m) continue;
      seen.add(o.unitId);
      const mission = this.missions.get(o.unitId);
      if ((o.status === 'dispatched' || o.status === 'en_route') && o.site) {
        if (mission !== 'site') this.start(m, o.site, 'site');
        if (o.status === 'dispatched') posts.push({ unitId: o.unitId, status: 'en_route' });
      } else if (o.status === 'on_scene') {
        m.moving = false;
      } else if (o.status === 'returning') {
        if (mission !== 'home') this.start(m, o.home, 'home');
        else if (m.arrived) posts.push({ unitId: o.unitId, status: 'available' });
      }
    }
    for (const [id] of this.missions) {
      if (!seen.has(id)) this.end(this.byId.get(id) as Mover);
    }
    return posts;
  }

  /** Units holding at a goal send a fix every step, so the server sees the arrival at once. */
  holding(m: Mover): boolean {
    return this.missions.has(m.id) && !!m.arrived;
  }
}
