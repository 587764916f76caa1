// The 3D Tiles 1.1 tileset of the buildings: a quadtree over the footprints with additive refinement.
// Tall buildings sit in the upper levels (seen from afar), the rest in the leaves (loaded near the
// camera); every tile's geometricError is the height of the tallest building its descendants add.
// Bounding volumes are geodetic regions computed from the footprints, so they contain their content.
import fs from 'node:fs';
import path from 'node:path';
import type { Footprint } from './footprints';
import { enuFrame } from './geo';
import { buildGlb } from './glb';

export interface TilesetOptions {
  outDir: string;
  footprints: Footprint[];
  /** minimum height (m) of the buildings kept at depth 0, 1, 2 … (the rest go to the leaves) */
  levels?: number[];
  /** buildings per leaf the depth aims at */
  perLeaf?: number;
  log?: (line: string) => void;
}

export interface TileJson {
  boundingVolume: { region: number[] };
  geometricError: number;
  refine?: 'ADD' | 'REPLACE';
  transform?: number[];
  content?: { uri: string };
  children?: TileJson[];
}

interface Node {
  depth: number;
  x: number;
  y: number;
  bounds: [number, number, number, number];
  own: Footprint[];
  children: Node[];
}

const RAD = Math.PI / 180;

export async function buildTileset(
  options: TilesetOptions,
): Promise<{ tiles: number; bytes: number; buildings: number; depth: number }> {
  const { footprints, outDir } = options;
  const levels = options.levels ?? [100, 50, 24];
  const log = options.log ?? (() => undefined);
  const centroid = (f: Footprint) => [
    f.ring.reduce((s, p) => s + p[0], 0) / f.ring.length,
    f.ring.reduce((s, p) => s + p[1], 0) / f.ring.length,
  ];
  const all = footprints.map((f) => ({ f, c: centroid(f) as [number, number] }));
  const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { c } of all) {
    bounds[0] = Math.min(bounds[0], c[0]);
    bounds[1] = Math.min(bounds[1], c[1]);
    bounds[2] = Math.max(bounds[2], c[0]);
    bounds[3] = Math.max(bounds[3], c[1]);
  }
  const depth = Math.max(
    levels.length,
    Math.ceil(Math.log(Math.max(1, footprints.length / (options.perLeaf ?? 400))) / Math.log(4)),
  );
  const levelOf = (f: Footprint) => {
    const i = levels.findIndex((h) => f.height >= h);
    return i < 0 ? depth : i;
  };
  const build = (
    items: typeof all,
    d: number,
    x: number,
    y: number,
    b: [number, number, number, number],
  ): Node | null => {
    if (!items.length) return null;
    const node: Node = { depth: d, x, y, bounds: b, own: [], children: [] };
    const rest: typeof all = [];
    for (const it of items) {
      if (levelOf(it.f) <= d || d === depth) node.own.push(it.f);
      else rest.push(it);
    }
    if (d < depth) {
      const mx = (b[0] + b[2]) / 2;
      const my = (b[1] + b[3]) / 2;
      const quads: Array<[number, number, [number, number, number, number]]> = [
        [0, 0, [b[0], b[1], mx, my]],
        [1, 0, [mx, b[1], b[2], my]],
        [0, 1, [b[0], my, mx, b[3]]],
        [1, 1, [mx, my, b[2], b[3]]],
      ];
      for (const [qx, qy, qb] of quads) {
        const inside = rest.filter(
          ({ c }) =>
            c[0] >= qb[0] &&
            (c[0] < qb[2] || qb[2] === b[2]) &&
            c[1] >= qb[1] &&
            (c[1] < qb[3] || qb[3] === b[3]),
        );
        const child = build(inside, d + 1, x * 2 + qx, y * 2 + qy, qb);
        if (child) node.children.push(child);
      }
    }
    return node.own.length || node.children.length ? node : null;
  };
  const root = build(all, 0, 0, 0, bounds);
  if (!root) throw new Error('no buildings to tile');

  const frame = enuFrame((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'tiles'), { recursive: true });
  const total = countContent(root);
  let written = 0;
  let bytes = 0;
  const emit = async (node: Node): Promise<{ tile: TileJson; maxHeight: number }> => {
    const children = [];
    for (const c of node.children) children.push(await emit(c));
    const region = [Infinity, Infinity, -Infinity, -Infinity];
    let maxHeight = 0;
    for (const f of node.own) {
      maxHeight = Math.max(maxHeight, f.height);
      for (const [lon, lat] of f.ring) {
        region[0] = Math.min(region[0] as number, lon);
        region[1] = Math.min(region[1] as number, lat);
        region[2] = Math.max(region[2] as number, lon);
        region[3] = Math.max(region[3] as number, lat);
      }
    }
    for (const c of children) {
      const r = c.tile.boundingVolume.region;
      region[0] = Math.min(region[0] as number, (r[0] as number) / RAD);
      region[1] = Math.min(region[1] as number, (r[1] as number) / RAD);
      region[2] = Math.max(region[2] as number, (r[2] as number) / RAD);
      region[3] = Math.max(region[3] as number, (r[3] as number) / RAD);
      maxHeight = Math.max(maxHeight, c.maxHeight);
    }
    const eps = 1e-7;
    const tile: TileJson = {
      boundingVolume: {
        region: [
          ((region[0] as number) - eps) * RAD,
          ((region[1] as number) - eps) * RAD,
          ((region[2] as number) + eps) * RAD,
          ((region[3] as number) + eps) * RAD,
          -1,
          Math.ceil(maxHeight + 1),
        ],
      },
      // What is missing when this tile is drawn without its children: their tallest building.
      geometricError: children.length ? Math.max(...children.map((c) => c.maxHeight)) : 0,
    };
    if (node.own.length) {
      const uri = `tiles/${node.depth}/${node.x}_${node.y}.glb`;
      const glb = await buildGlb(node.own, frame);
      fs.mkdirSync(path.join(outDir, 'tiles', String(node.depth)), { recursive: true });
      fs.writeFileSync(path.join(outDir, uri), glb);
      bytes += glb.length;
      tile.content = { uri };
      written++;
      if (written % 10 === 0 || written === total)
        log(`3D tiles: ${written}/${total} tiles, ${(bytes / 1e6).toFixed(1)} MB`);
    }
    if (children.length) tile.children = children.map((c) => c.tile);
    return { tile, maxHeight };
  };
  const { tile, maxHeight } = await emit(root);
  tile.refine = 'ADD';
  tile.transform = frame.matrix.map((v) => Math.round(v * 1e9) / 1e9);
  const tileset = {
    asset: { version: '1.1', generator: 'city-ops tiles (three.js GLTFExporter)' },
    properties: { height: { minimum: 0, maximum: maxHeight } },
    geometricError: Math.max(200, maxHeight * 2),
    root: tile,
  };
  const json = JSON.stringify(tileset);
  fs.writeFileSync(path.join(outDir, 'tileset.json'), json);
  return { tiles: written, bytes: bytes + json.length, buildings: footprints.length, depth };
}

function countContent(node: Node): number {
  return (node.own.length ? 1 : 0) + node.children.reduce((s, c) => s + countContent(c), 0);
}
