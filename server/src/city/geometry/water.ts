// Water of the demo city: one meandering river crossing it west to east (玉带河) and a lake in the
// south-east (东湖). Both are analytic shapes, so "is this point in the water" is exact and cheap.
import { rng } from '../random';
import { CITY_HEIGHT_M as H, CITY_WIDTH_M as W, type XY } from './projection';

export interface River {
  name: string;
  width: number;
  /** centreline y at x, metres */
  yAt(x: number): number;
  /** sampled centreline every 20 m, from just outside the west edge to just outside the east edge */
  centre: XY[];
}

export interface Lake {
  name: string;
  cx: number;
  cy: number;
  rx: number;
  ry: number;
}

export interface Water {
  river: River;
  lake: Lake;
  /** true when (x, y) is in the river or the lake, or within `margin` metres of them */
  isWet(x: number, y: number, margin?: number): boolean;
  inRiver(x: number, y: number, margin?: number): boolean;
  inLake(x: number, y: number, margin?: number): boolean;
}

export function makeWater(seed: number): Water {
  const random = rng(seed ^ 0x5eed_0001);
  const base = H * 0.5 + (random() - 0.5) * 300;
  const a1 = 280 + random() * 100;
  const l1 = 5000 + random() * 1000;
  const p1 = random() * Math.PI * 2;
  const a2 = 70 + random() * 50;
  const l2 = 1500 + random() * 400;
  const p2 = random() * Math.PI * 2;
  const yAt = (x: number) =>
    base + a1 * Math.sin((2 * Math.PI * x) / l1 + p1) + a2 * Math.sin((2 * Math.PI * x) / l2 + p2);
  const centre: XY[] = [];
  for (let x = -60; x <= W + 60; x += 20) centre.push([x, yAt(x)]);
  const river: River = { name: '玉带河', width: 70, yAt, centre };
  const lake: Lake = {
    name: '东湖',
    cx: W * 0.74 + (random() - 0.5) * 300,
    cy: H * 0.2 + (random() - 0.5) * 150,
    rx: 420,
    ry: 280,
  };
  const inRiver = (x: number, y: number, margin = 0) => Math.abs(y - yAt(x)) < river.width / 2 + margin;
  const inLake = (x: number, y: number, margin = 0) =>
    ((x - lake.cx) / (lake.rx + margin)) ** 2 + ((y - lake.cy) / (lake.ry + margin)) ** 2 < 1;
  return {
    river,
    lake,
    inRiver,
    inLake,
    isWet: (x, y, margin = 0) => inRiver(x, y, margin) || inLake(x, y, margin),
  };
}

/** The river as a polygon ring (its two banks), optionally widened by `extra` metres on each side. */
export function riverRing(river: River, extra = 0): XY[] {
  const half = river.width / 2 + extra;
  const north = river.centre.map(([x, y]): XY => [x, y + half]);
  const south = river.centre.map(([x, y]): XY => [x, y - half]).reverse();
  const ring = [...north, ...south];
  ring.push(ring[0] as XY);
  return ring;
}

/** The lake as a polygon ring of 72 vertices. */
export function lakeRing(lake: Lake, extra = 0): XY[] {
  const ring: XY[] = [];
  for (let i = 0; i <= 72; i++) {
    const a = (i / 72) * Math.PI * 2;
    ring.push([lake.cx + (lake.rx + extra) * Math.cos(a), lake.cy + (lake.ry + extra) * Math.sin(a)]);
  }
  return ring;
}
