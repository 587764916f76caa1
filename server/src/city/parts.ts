// Part instances (部件普查) with 16-digit IDs: 6-digit division code + 2-digit major + 2-digit minor +
// 6-digit serial. About 100,000 parts placed where such parts stand: manhole covers on carriageways,
// lights, trees and signs on kerbs, signals at junctions, toilets and benches in blocks, bridges on the river.
import type { CategorySeed } from './categories';
import type { GridCellRow } from './city';
import type { CityGeometry } from './geometry';
import { cellLocator } from './locate';
import { placer, type Spot } from './placement';
import { rng } from './random';

type Where = 'carriageway' | 'kerb' | 'junction' | 'arterial-junction' | 'block' | 'park' | 'bridge';

/** Relative counts per subclass (a plausible census of an 8 km x 6 km city), and where each stands. */
const CENSUS: Record<string, [number, Where]> = {
  '0101': [6000, 'carriageway'],
  '0102': [7000, 'carriageway'],
  '0103': [7000, 'carriageway'],
  '0104': [9000, 'kerb'],
  '0105': [4000, 'carriageway'],
  '0106': [2000, 'kerb'],
  '0107': [5000, 'carriageway'],
  '0110': [1500, 'carriageway'],
  '0111': [3000, 'carriageway'],
  '0113': [1500, 'kerb'],
  '0114': [500, 'carriageway'],
  '0116': [1500, 'kerb'],
  '0117': [3000, 'kerb'],
  '0118': [12000, 'kerb'],
  '0121': [100, 'kerb'],
  '0126': [600, 'park'],
  '0201': [300, 'block'],
  '0203': [600, 'kerb'],
  '0205': [30, 'arterial-junction'],
  '0206': [20, 'arterial-junction'],
  '0207': [5, 'arterial-junction'],
  '0209': [3000, 'kerb'],
  '0211': [2500, 'kerb'],
  '0213': [1500, 'junction'],
  '0214': [1200, 'junction'],
  '0301': [250, 'block'],
  '0304': [600, 'block'],
  '0305': [5000, 'kerb'],
  '0307': [4000, 'kerb'],
  '0401': [150, 'block'],
  '0402': [16000, 'kerb'],
  '0405': [400, 'park'],
  '0406': [80, 'park'],
  '0407': [1500, 'park'],
  '0501': [800, 'block'],
  '0502': [100, 'block'],
};

export interface PartRow {
  id: string;
  categoryId: string;
  ownerDepartmentId: string | null;
  lon: number;
  lat: number;
  gridCellId: string;
  name: string;
  status: string;
}

export function buildParts(
  seed: number,
  geo: CityGeometry,
  cells: GridCellRow[],
  categories: CategorySeed[],
  count = 100_000,
): PartRow[] {
  const random = rng(seed ^ 0x9e3779b9);
  const locate = cellLocator(cells);
  const place = placer(geo, random);
  const byCode = new Map(categories.filter((c) => c.kind === 'part').map((c) => [c.code, c]));
  const bridgeCount = place.bridges.length;
  const census = Object.entries(CENSUS).filter(([code]) => byCode.has(code));
  const weight = census.reduce((sum, [, [n]]) => sum + n, 0);
  const scale = (count - bridgeCount) / weight;
  const serials = new Map<string, number>();
  const parts: PartRow[] = [];
  const spotFor = (where: Where, i: number): Spot => {
    switch (where) {
      case 'carriageway':
      case 'kerb':
        return place.alongRoad(where);
      case 'junction':
        return place.atJunction(false);
      case 'arterial-junction':
        return place.atJunction(true);
      case 'park':
        return random() < 0.6 ? place.inBlock(['park']) : place.inBlock(['residential', 'lowrise']);
      case 'bridge':
        return place.onBridge(i);
      default:
        return place.inBlock();
    }
  };
  const add = (category: CategorySeed, spot: Spot) => {
    const at = locate.place(spot.xy);
    if (!at) return false;
    const key = `${at.cell.districtCode}${category.code}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    parts.push({
      id: `${key}${String(serial).padStart(6, '0')}`,
      categoryId: `part-${category.code}`,
      ownerDepartmentId: category.dept ?? null,
      lon: at.lon,
      lat: at.lat,
      gridCellId: at.cell.id,
      name: `${spot.road}${category.name}`,
      status: 'normal',
    });
    return true;
  };
  const bridgeCategory = byCode.get('0208');
  if (bridgeCategory) for (let i = 0; i < bridgeCount; i++) add(bridgeCategory, place.onBridge(i));
  for (const [code, [n, where]] of census) {
    const category = byCode.get(code) as CategorySeed;
    const target = Math.max(1, Math.round(n * scale));
    for (let i = 0, tries = 0; i < target && tries < target * 3; tries++)
      if (add(category, spotFor(where, i))) i++;
  }
  return parts;
}
