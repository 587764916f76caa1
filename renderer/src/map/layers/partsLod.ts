// The parts layer's data step (GET /api/parts/columnar, checked with the contract's schema) and its
// level of detail for the 100,000 parts, as plain data (no Cesium): at city zoom each class is drawn as
// clusters on a ~400 m grid (a count per cell, a few thousand points in all); at street zoom as single
// parts, split into ~1 km tiles so the engine culls the tiles out of view instead of running every part
// through the GPU. The grid (`gridClusters`) also clusters a large fleet of vehicles at city zoom
// (vehicleLayer.ts) and the devices (deviceRenderer.ts). Node tests check all of it without a GPU.
import { PartsColumnar } from '@contract/city';
import { PART_CLASSES, partClassOf, type PartClass } from '../../state/layers';
import type { LayerApi } from './layerApi';

export const loadParts = (api: LayerApi) => api.get('/parts/columnar', PartsColumnar);

/** Indices into the columnar arrays, per part class (the engine draws one point collection per class). */
export function partsByClass(parts: PartsColumnar): Record<PartClass, number[]> {
  const groups = Object.fromEntries(PART_CLASSES.map((c) => [c, [] as number[]])) as Record<
    PartClass,
    number[]
  >;
  const classOfCat = parts.categories.map(partClassOf);
  for (let i = 0; i < parts.count; i++) {
    const cls = classOfCat[parts.cat[i] ?? -1];
    if (cls) groups[cls].push(i);
  }
  return groups;
}

/** What the parts layer draws: the parts, their indices by class, the tiles and the clusters. */
export interface PartsItems {
  parts: PartsColumnar;
  groups: Record<PartClass, number[]>;
  clusters: PartCluster[];
}

export function formatParts(parts: PartsColumnar): PartsItems {
  const groups = partsByClass(parts);
  return { parts, groups, clusters: clusterParts(parts, groups) };
}

const M_PER_DEG_LAT = 111_320;

export interface PartCluster {
  cls: PartClass;
  /** mean position of the members */
  lon: number;
  lat: number;
  count: number;
  /** members that are damaged, missing … */
  abnormal: number;
}

/** Grid cell key of a point for cells of `cellM` metres (lon scaled at the latitude `refLat`). */
function cellOf(lon: number, lat: number, cellM: number, refLat: number): string {
  const dLat = cellM / M_PER_DEG_LAT;
  const dLon = cellM / (M_PER_DEG_LAT * Math.cos((refLat * Math.PI) / 180));
  return `${Math.floor(lon / dLon)}:${Math.floor(lat / dLat)}`;
}

export interface GridCluster {
  /** the cell's key, stable while the grid is the same (a layer can keep one point per cell) */
  key: string;
  /** mean position of the members */
  lon: number;
  lat: number;
  count: number;
  /** members for which `flagged` said true */
  flagged: number;
}

/**
 * `n` items on a grid of `cellM` metres (item `k` at `lonOf(k)`, `latOf(k)`; longitudes scaled at
 * `refLat`): one cluster per occupied cell.
 */
export function gridClusters(
  n: number,
  lonOf: (k: number) => number,
  latOf: (k: number) => number,
  cellM: number,
  refLat: number,
  flagged: (k: number) => boolean = () => false,
): GridCluster[] {
  const cells = new Map<string, GridCluster>();
  for (let k = 0; k < n; k++) {
    const lon = lonOf(k);
    const lat = latOf(k);
    const key = cellOf(lon, lat, cellM, refLat);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { key, lon: 0, lat: 0, count: 0, flagged: 0 }));
    cell.lon += lon;
    cell.lat += lat;
    cell.count += 1;
    if (flagged(k)) cell.flagged += 1;
  }
  const out = [...cells.values()];
  for (const c of out) {
    c.lon /= c.count;
    c.lat /= c.count;
  }
  return out;
}

/** Clusters of each class's parts on a grid of `cellM` metres. */
export function clusterParts(
  parts: PartsColumnar,
  groups: Readonly<Record<PartClass, readonly number[]>>,
  cellM = 400,
): PartCluster[] {
  const out: PartCluster[] = [];
  const refLat = parts.lat[0] ?? 30;
  for (const [cls, indices] of Object.entries(groups) as Array<[PartClass, readonly number[]]>) {
    const at = (k: number) => indices[k] ?? 0;
    const cells = gridClusters(
      indices.length,
      (k) => parts.lon[at(k)] ?? 0,
      (k) => parts.lat[at(k)] ?? 0,
      cellM,
      refLat,
      (k) => !!parts.abnormal[at(k)],
    );
    for (const c of cells) out.push({ cls, lon: c.lon, lat: c.lat, count: c.count, abnormal: c.flagged });
  }
  return out;
}

/** Point size of a cluster: grows with the logarithm of its count, within 3…10 px (the grid stays legible). */
export const clusterSize = (count: number): number => Math.min(10, 3 + Math.log2(Math.max(1, count)));

/** The parts of one class split into tiles of `tileM` metres: one engine collection per tile. */
export function partTiles(parts: PartsColumnar, indices: readonly number[], tileM = 1_000): number[][] {
  const refLat = parts.lat[0] ?? 30;
  const tiles = new Map<string, number[]>();
  for (const i of indices) {
    const key = cellOf(parts.lon[i] ?? 0, parts.lat[i] ?? 0, tileM, refLat);
    let tile = tiles.get(key);
    if (!tile) tiles.set(key, (tile = []));
    tile.push(i);
  }
  return [...tiles.values()];
}
