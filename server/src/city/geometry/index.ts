// The demo city's geometry, generated deterministically from the seed (see docs/adr/0006): water,
// roads (a routing graph), blocks with land use, and building footprints with heights. Cached per seed.
import { makeBlocks, makeBuildings, type Block, type Building } from './blocks';
import { makeRoads, type RoadNetwork } from './roads';
import { makeWater, type Water } from './water';

export interface CityGeometry {
  seed: number;
  water: Water;
  roads: RoadNetwork;
  blocks: Block[];
  /** building footprints are generated on first use (tiles, 3D) */
  buildings(): Building[];
}

const cache = new Map<number, CityGeometry>();

export function cityGeometry(seed: number): CityGeometry {
  const hit = cache.get(seed);
  if (hit) return hit;
  const water = makeWater(seed);
  const roads = makeRoads(seed, water);
  const blocks = makeBlocks(seed, roads, water);
  let buildings: Building[] | null = null;
  const geometry: CityGeometry = {
    seed,
    water,
    roads,
    blocks,
    buildings: () => (buildings ??= makeBuildings(seed, blocks, water)),
  };
  cache.set(seed, geometry);
  return geometry;
}

export type { Block, Building, LandUse } from './blocks';
export type { Bridge, Road, RoadClass, RoadEdge, RoadNetwork, RoadNode } from './roads';
export type { Lake, River, Water } from './water';
export { lakeRing, riverRing } from './water';
export * from './projection';
