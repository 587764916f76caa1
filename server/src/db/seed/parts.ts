// Part instances with 16-digit IDs: 6-digit division code + 2-digit major + 2-digit minor + 6-digit serial.
import type { CategorySeed } from './categories';
import type { GridCellRow } from './city';
import { pick, rng } from './random';

export function buildParts(seed: number, cells: GridCellRow[], categories: CategorySeed[], count: number) {
  const random = rng(seed ^ 0x9e3779b9);
  const partCategories = categories.filter((c) => c.kind === 'part');
  const serials = new Map<string, number>();
  const parts = [];
  for (let i = 0; i < count; i++) {
    const cell = pick(random, cells);
    const category = pick(random, partCategories);
    const key = `${cell.districtCode}${category.code}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    parts.push({
      id: `${key}${String(serial).padStart(6, '0')}`,
      categoryId: `part-${category.code}`,
      ownerDepartmentId: category.dept ?? null,
      lon: round(cell.minLon + (cell.maxLon - cell.minLon) * random()),
      lat: round(cell.minLat + (cell.maxLat - cell.minLat) * random()),
      gridCellId: cell.id,
      name: category.name,
    });
  }
  return parts;
}

function round(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}
