// City blocks (街坊) between the roads, their land use, and about 20,000 building footprints with
// heights. Blocks are the rectangles between road centrelines, inset by half the road width and a
// pavement; buildings sit on lots whose size and height mix depend on the land use.
import { rng } from '../random';
import { CITY_HEIGHT_M as H, CITY_WIDTH_M as W } from './projection';
import type { RoadNetwork } from './roads';
import type { Water } from './water';

export type LandUse = 'cbd' | 'residential' | 'industrial' | 'lowrise' | 'campus' | 'park' | 'construction';

export interface Block {
  id: string;
  use: LandUse;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Building {
  id: string;
  blockId: string;
  use: LandUse;
  /** footprint rectangle (metres) and height (metres) */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  height: number;
  floors: number;
}

const PAVEMENT = 4;

export function makeBlocks(seed: number, net: RoadNetwork, water: Water): Block[] {
  const random = rng(seed ^ 0x5eed_0003);
  const blocks: Block[] = [];
  const cbd = { x: W * 0.5, y: H * 0.7 };
  for (let i = 0; i + 1 < net.cellsX.length; i++) {
    for (let j = 0; j + 1 < net.cellsY.length; j++) {
      const cell = net.inner.get(`${i},${j}`);
      const edgeX = (k: number) => (k === 0 || k === net.cellsX.length - 1 ? 0 : 40);
      const edgeY = (k: number) => (k === 0 || k === net.cellsY.length - 1 ? 0 : 40);
      const xs: Array<[number, number]> = [
        [net.cellsX[i] as number, edgeX(i)],
        ...(cell?.xs ?? []).map((r): [number, number] => [r.at, r.width]),
        [net.cellsX[i + 1] as number, edgeX(i + 1)],
      ];
      const ys: Array<[number, number]> = [
        [net.cellsY[j] as number, edgeY(j)],
        ...(cell?.ys ?? []).map((r): [number, number] => [r.at, r.width]),
        [net.cellsY[j + 1] as number, edgeY(j + 1)],
      ];
      for (let a = 0; a + 1 < xs.length; a++) {
        for (let b = 0; b + 1 < ys.length; b++) {
          const [xa, wa] = xs[a] as [number, number];
          const [xb, wb] = xs[a + 1] as [number, number];
          const [ya, ha] = ys[b] as [number, number];
          const [yb, hb] = ys[b + 1] as [number, number];
          const x0 = xa + wa / 2 + PAVEMENT;
          const x1 = xb - wb / 2 - PAVEMENT;
          const y0 = ya + ha / 2 + PAVEMENT;
          const y1 = yb - hb / 2 - PAVEMENT;
          if (x1 - x0 < 40 || y1 - y0 < 40) continue;
          const cx = (x0 + x1) / 2;
          const cy = (y0 + y1) / 2;
          if (water.isWet(cx, cy, 10)) continue;
          const d = Math.hypot(cx - cbd.x, cy - cbd.y);
          const r = random();
          const use: LandUse =
            r < 0.07
              ? 'park'
              : r < 0.085
                ? 'construction'
                : r < 0.11
                  ? 'campus'
                  : d < 950
                    ? 'cbd'
                    : cx < W * 0.32 && cy < H * 0.35
                      ? 'industrial'
                      : d > 3600
                        ? 'lowrise'
                        : 'residential';
          blocks.push({ id: `K${blocks.length + 1}`, use, x0, y0, x1, y1 });
        }
      }
    }
  }
  return blocks;
}

interface LotStyle {
  lotW: number;
  lotD: number;
  w: [number, number];
  d: [number, number];
  fill: number;
}

const STYLE: Record<LandUse, LotStyle | null> = {
  cbd: { lotW: 46, lotD: 46, w: [22, 36], d: [22, 34], fill: 0.85 },
  residential: { lotW: 44, lotD: 30, w: [30, 38], d: [11, 14], fill: 0.92 },
  industrial: { lotW: 78, lotD: 58, w: [45, 68], d: [30, 46], fill: 0.85 },
  lowrise: { lotW: 24, lotD: 21, w: [12, 17], d: [9, 13], fill: 0.8 },
  campus: { lotW: 70, lotD: 50, w: [40, 56], d: [14, 20], fill: 0.6 },
  park: null,
  construction: { lotW: 60, lotD: 60, w: [25, 35], d: [25, 35], fill: 0.25 },
};

function heightOf(use: LandUse, random: () => number, centrality: number): number {
  switch (use) {
    case 'cbd':
      return Math.round(40 + random() * 90 + centrality * random() * 110);
    case 'residential': {
      const r = random();
      const floors =
        r < 0.55
          ? 6 + Math.floor(random() * 2)
          : r < 0.88
            ? 11 + Math.floor(random() * 8)
            : 26 + Math.floor(random() * 8);
      return floors * 3;
    }
    case 'industrial':
      return Math.round(8 + random() * 9);
    case 'lowrise':
      return (2 + Math.floor(random() * 3)) * 3;
    case 'campus':
      return (4 + Math.floor(random() * 4)) * 3.6;
    case 'construction':
      return Math.round(10 + random() * 40);
    default:
      return 10;
  }
}

export function makeBuildings(seed: number, blocks: Block[], water: Water): Building[] {
  const random = rng(seed ^ 0x5eed_0004);
  const out: Building[] = [];
  const cbd = { x: W * 0.5, y: H * 0.7 };
  for (const block of blocks) {
    const style = STYLE[block.use];
    if (!style) continue;
    const bw = block.x1 - block.x0 - 10;
    const bh = block.y1 - block.y0 - 10;
    const cols = Math.max(1, Math.floor(bw / style.lotW));
    const rows = Math.max(1, Math.floor(bh / style.lotD));
    const lw = bw / cols;
    const ld = bh / rows;
    for (let c = 0; c < cols; c++) {
      for (let r = 0; r < rows; r++) {
        if (random() > style.fill) continue;
        const w = Math.min(lw - 6, style.w[0] + random() * (style.w[1] - style.w[0]));
        const d = Math.min(ld - 6, style.d[0] + random() * (style.d[1] - style.d[0]));
        if (w < 6 || d < 6) continue;
        const cx = block.x0 + 5 + lw * (c + 0.5) + (random() - 0.5) * (lw - w - 4) * 0.6;
        const cy = block.y0 + 5 + ld * (r + 0.5) + (random() - 0.5) * (ld - d - 4) * 0.6;
        if (water.isWet(cx, cy, Math.max(w, d) / 2 + 12)) continue;
        const centrality = Math.max(0, 1 - Math.hypot(cx - cbd.x, cy - cbd.y) / 950);
        const height = heightOf(block.use, random, centrality);
        out.push({
          id: `BLD${String(out.length + 1).padStart(6, '0')}`,
          blockId: block.id,
          use: block.use,
          x0: round1(cx - w / 2),
          y0: round1(cy - d / 2),
          x1: round1(cx + w / 2),
          y1: round1(cy + d / 2),
          height,
          floors: Math.max(1, Math.round(height / 3.2)),
        });
      }
    }
  }
  return out;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
