// About 5,000 IoT devices of the DOMAIN.md families, mounted on the parts they watch where such a part
// exists (gas sensors on gas manholes, smart covers on manholes, lamp monitors on street lights,
// strain gauges on bridges), so a confirmed alarm routes to the part's owner.
import type { SensorType } from '@contract/alarms';
import { SENSOR_FAMILIES } from './catalogue';
import type { GridCellRow } from './city';
import type { PartRow } from './parts';
import { rng } from './random';

export interface SensorRow {
  id: string;
  type: SensorType;
  name: string;
  lon: number;
  lat: number;
  districtCode: string;
  gridCellId: string;
  partId: string | null;
  ownerDepartmentId: string;
  intervalS: number;
  status: string;
}

/** Which part subclasses each family is mounted on. */
const MOUNT: Record<SensorType, string[]> = {
  gas: ['0111'],
  water_pressure: ['0101', '0113'],
  drainage_level: ['0103', '0102', '0104'],
  heating_temp: ['0110'],
  bridge_strain: ['0208'],
  bridge_tilt: ['0208', '0205', '0207'],
  manhole_cover: ['0101', '0102', '0103', '0105', '0106', '0107', '0114'],
  street_light: ['0118'],
  septic_gas: ['0301', '0304'],
};

export function buildSensors(seed: number, parts: PartRow[], cells: GridCellRow[]): SensorRow[] {
  const random = rng(seed ^ 0x5e1505);
  const cellById = new Map(cells.map((c) => [c.id, c]));
  const byCategory = new Map<string, PartRow[]>();
  for (const p of parts) {
    const list = byCategory.get(p.categoryId) ?? [];
    list.push(p);
    byCategory.set(p.categoryId, list);
  }
  const used = new Set<string>();
  const sensors: SensorRow[] = [];
  for (const family of SENSOR_FAMILIES) {
    const pool = MOUNT[family.type].flatMap((code) => byCategory.get(`part-${code}`) ?? []);
    const shared = family.type.startsWith('bridge');
    for (let i = 0; i < family.count && pool.length; i++) {
      let part = pool[Math.floor(random() * pool.length)] as PartRow;
      for (let tries = 0; !shared && used.has(part.id) && tries < 20; tries++) {
        part = pool[Math.floor(random() * pool.length)] as PartRow;
      }
      used.add(part.id);
      const cell = cellById.get(part.gridCellId) as GridCellRow;
      const jitter = shared ? 0.00012 : 0;
      sensors.push({
        id: `${family.prefix}-${cell.districtCode}-${String(i + 1).padStart(5, '0')}`,
        type: family.type,
        name: `${family.name} ${part.name}`,
        lon: round7(part.lon + (random() - 0.5) * jitter),
        lat: round7(part.lat + (random() - 0.5) * jitter),
        districtCode: cell.districtCode,
        gridCellId: cell.id,
        partId: part.id,
        ownerDepartmentId: part.ownerDepartmentId ?? family.departmentId,
        intervalS: 60,
        status: 'normal',
      });
    }
  }
  return sensors;
}

function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}
