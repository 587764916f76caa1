// Field teams with depots and their vehicles (about 300): sanitation, enforcement, repair, emergency.
// Depots sit at road intersections spread over the districts; vehicles start at their depot.
import type { TeamKind } from '@contract/city';
import type { CityGeometry } from './geometry';
import { toLonLat } from './geometry/projection';
import { rng } from './random';

interface TeamPlan {
  kind: TeamKind;
  departmentId: string;
  label: string;
  teams: number;
  vehicles: number;
}

const PLAN: TeamPlan[] = [
  { kind: 'sanitation', departmentId: 'sanitation', label: '环卫作业', teams: 12, vehicles: 10 },
  { kind: 'enforcement', departmentId: 'cityadmin', label: '城管执法', teams: 8, vehicles: 8 },
  { kind: 'repair', departmentId: 'municipal', label: '市政抢修', teams: 4, vehicles: 6 },
  { kind: 'repair', departmentId: 'water', label: '供水抢修', teams: 2, vehicles: 5 },
  { kind: 'repair', departmentId: 'gas', label: '燃气抢险', teams: 2, vehicles: 5 },
  { kind: 'repair', departmentId: 'drainage', label: '排水抢险', teams: 2, vehicles: 6 },
  { kind: 'repair', departmentId: 'lighting', label: '路灯维修', teams: 2, vehicles: 5 },
  { kind: 'emergency', departmentId: 'fire', label: '消防救援', teams: 3, vehicles: 8 },
  { kind: 'emergency', departmentId: 'municipal', label: '应急保障', teams: 2, vehicles: 6 },
];

const PLATE_LETTERS = 'ABCDEFHJKLMNPQRSTUVWXYZ';

export interface TeamRow {
  id: string;
  name: string;
  kind: TeamKind;
  departmentId: string;
  depotName: string;
  depotLon: number;
  depotLat: number;
  members: number;
}

export interface VehicleRow {
  id: string;
  plate: string;
  kind: TeamKind;
  teamId: string;
  departmentId: string;
  lon: number;
  lat: number;
  heading: number;
  speedKmh: number;
  status: string;
}

export function buildFleet(seed: number, geo: CityGeometry): { teams: TeamRow[]; vehicles: VehicleRow[] } {
  const random = rng(seed ^ 0xf1ee7);
  const nodes = geo.roads.nodes;
  const teams: TeamRow[] = [];
  const vehicles: VehicleRow[] = [];
  const plates = new Set<string>();
  for (const plan of PLAN) {
    for (let t = 0; t < plan.teams; t++) {
      const node = nodes[Math.floor(random() * nodes.length)] as { x: number; y: number };
      const [lon, lat] = toLonLat(node.x, node.y);
      const team: TeamRow = {
        id: `T-${plan.departmentId}-${plan.kind}-${t + 1}`,
        name: `${plan.label}${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][t] ?? t + 1}队`,
        kind: plan.kind,
        departmentId: plan.departmentId,
        depotName: `${plan.label}${t + 1}号基地`,
        depotLon: lon,
        depotLat: lat,
        members: plan.vehicles * 2 + Math.floor(random() * 6),
      };
      teams.push(team);
      for (let v = 0; v < plan.vehicles; v++) {
        let plate: string;
        do {
          plate = `苏G·${PLATE_LETTERS[Math.floor(random() * PLATE_LETTERS.length)]}${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
        } while (plates.has(plate));
        plates.add(plate);
        vehicles.push({
          id: `V${String(vehicles.length + 1).padStart(4, '0')}`,
          plate,
          kind: plan.kind,
          teamId: team.id,
          departmentId: plan.departmentId,
          lon,
          lat,
          heading: 0,
          speedKmh: 0,
          status: 'idle',
        });
      }
    }
  }
  return { teams, vehicles };
}
