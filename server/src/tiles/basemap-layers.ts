// The demo city's base-map content in world pixels of one zoom level: water, green, blocks, buildings,
// roads and labels (placed once per zoom with a global collision test, so labels never change or get
// cut between neighbouring tiles).
import { buildDivisions } from '../city/city';
import { lakeRing, riverRing, toLonLat, type CityGeometry, type XY } from '../city/geometry';
import { latToTileY, lonToTileX } from './geo';

export type Ring = Array<[number, number]>;

export interface Label {
  text: string;
  x: number;
  y: number;
  size: number;
  color: string;
  halo: string;
  bold: boolean;
  vertical: boolean;
  box: [number, number, number, number];
}

export interface ZoomLayers {
  z: number;
  metresPerPixel: number;
  water: Ring[];
  green: Ring[];
  blocks: Array<{ ring: Ring; use: string }>;
  buildings: Ring[];
  roads: Array<{ a: [number, number]; b: [number, number]; cls: string; width: number; bridge: boolean }>;
  boundaries: Ring[];
  labels: Label[];
}

const LAT0 = 34.6;

export function zoomLayers(geo: CityGeometry, z: number): ZoomLayers {
  const scale = 256 * 2 ** z;
  const px = ([lon, lat]: XY): [number, number] => [
    (lonToTileX(lon, z) / 2 ** z) * scale,
    (latToTileY(lat, z) / 2 ** z) * scale,
  ];
  const fromM = (x: number, y: number) => px(toLonLat(x, y));
  const rect = (x0: number, y0: number, x1: number, y1: number): Ring => [
    fromM(x0, y0),
    fromM(x1, y0),
    fromM(x1, y1),
    fromM(x0, y1),
  ];
  const metresPerPixel = (156543.03392 * Math.cos((LAT0 * Math.PI) / 180)) / 2 ** z;
  const { water, roads } = geo.roads
    ? { water: geo.water, roads: geo.roads }
    : { water: geo.water, roads: geo.roads };
  const layers: ZoomLayers = {
    z,
    metresPerPixel,
    water: [
      riverRing(water.river).map(([x, y]) => fromM(x, y)),
      lakeRing(water.lake).map(([x, y]) => fromM(x, y)),
    ],
    green: [
      riverRing(water.river, 45).map(([x, y]) => fromM(x, y)),
      lakeRing(water.lake, 60).map(([x, y]) => fromM(x, y)),
    ],
    blocks: geo.blocks.map((b) => ({ ring: rect(b.x0, b.y0, b.x1, b.y1), use: b.use })),
    buildings: z >= 15 ? geo.buildings().map((b) => rect(b.x0, b.y0, b.x1, b.y1)) : [],
    roads: roads.edges.map((e) => {
      const a = roads.nodes[e.a] as { x: number; y: number };
      const b = roads.nodes[e.b] as { x: number; y: number };
      const road = roads.roads.find((r) => r.id === e.road);
      return {
        a: fromM(a.x, a.y),
        b: fromM(b.x, b.y),
        cls: e.cls,
        width: road?.width ?? 12,
        bridge: e.bridge,
      };
    }),
    boundaries: buildDivisions()
      .filter((d) => d.level === (z >= 14 ? 'street' : 'district'))
      .map((d) => {
        const [w, s, e, n] = d.bbox;
        return [px([w, s]), px([e, s]), px([e, n]), px([w, n]), px([w, s])];
      }),
    labels: [],
  };
  layers.labels = placeLabels(geo, z, px, fromM);
  return layers;
}

function placeLabels(
  geo: CityGeometry,
  z: number,
  px: (p: XY) => [number, number],
  fromM: (x: number, y: number) => [number, number],
): Label[] {
  const candidates: Label[] = [];
  const label = (
    text: string,
    [x, y]: [number, number],
    size: number,
    color: string,
    bold = false,
    vertical = false,
  ) => {
    const w = vertical ? size : size * text.length;
    const h = vertical ? size * text.length : size;
    candidates.push({
      text,
      x,
      y,
      size,
      color,
      halo: '#ffffff',
      bold,
      vertical,
      box: [x - w / 2 - 4, y - h / 2 - 4, x + w / 2 + 4, y + h / 2 + 4],
    });
  };
  const divisions = buildDivisions();
  const centre = (b: [number, number, number, number]) => px([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]);
  if (z >= 11 && z <= 14)
    for (const d of divisions.filter((d) => d.level === 'district'))
      label(d.name, centre(d.bbox), z >= 13 ? 20 : 16, '#5b4a7a', true);
  if (z >= 14 && z <= 15)
    for (const d of divisions.filter((d) => d.level === 'street'))
      label(d.name, centre(d.bbox), 14, '#6b5a8a', true);
  if (z >= 16 && z <= 17)
    for (const d of divisions.filter((d) => d.level === 'community'))
      label(d.name, centre(d.bbox), 12, '#8a7f70');
  if (z >= 13) {
    const { river, lake } = geo.water;
    const step = Math.max(4, Math.round(60 / 2 ** (z - 13)));
    for (let i = step; i < river.centre.length - 1; i += step * 3) {
      const p = river.centre[i] as XY;
      label(river.name, fromM(p[0], p[1]), 13, '#3b6ea5');
    }
    label(lake.name, fromM(lake.cx, lake.cy), 15, '#3b6ea5');
  }
  const minClass = z >= 17 ? 3 : z >= 16 ? 2 : z >= 15 ? 1 : 0;
  const rank: Record<string, number> = { arterial: 1, secondary: 2, local: 3 };
  if (minClass) {
    const { roads, nodes, edges } = geo.roads;
    for (const road of roads) {
      if ((rank[road.cls] ?? 3) > minClass) continue;
      const size = road.cls === 'arterial' ? 13 : 12;
      for (const e of edges.filter((x) => x.road === road.id)) {
        const a = nodes[e.a] as { x: number; y: number };
        const b = nodes[e.b] as { x: number; y: number };
        const pa = fromM(a.x, a.y);
        const pb = fromM(b.x, b.y);
        const len = Math.hypot(pb[0] - pa[0], pb[1] - pa[1]);
        if (len < size * road.name.length + 40) continue;
        label(road.name, [(pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2], size, '#4a4a4a', false, road.vertical);
      }
    }
  }
  // Greedy global placement: earlier candidates (districts, streets, water, arterials) win.
  const placed: Label[] = [];
  for (const c of candidates) {
    const hit = placed.some(
      (p) => c.box[0] < p.box[2] && c.box[2] > p.box[0] && c.box[1] < p.box[3] && c.box[3] > p.box[1],
    );
    if (!hit) placed.push(c);
  }
  return placed;
}
