// Base-map raster tiles (XYZ, Web Mercator, 256 px PNG) of the demo city, drawn offline with
// @napi-rs/canvas (Skia in a prebuilt npm binary) and the Noto CJK font for Chinese labels.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { CityGeometry } from '../city/geometry';
import { tileRange } from './geo';
import { zoomLayers, type Ring, type ZoomLayers } from './basemap-layers';

const BLOCK_COLOURS: Record<string, string> = {
  residential: '#ece6dc',
  cbd: '#e6e1ec',
  industrial: '#e5e0d6',
  lowrise: '#efe7dc',
  campus: '#f1e9d6',
  park: '#cfe6bf',
  construction: '#ece0c8',
};

export function cjkFont(): string | null {
  const families = GlobalFonts.families.map((f) => f.family);
  for (const candidate of [
    'Noto Sans CJK SC',
    'Noto Sans SC',
    'Source Han Sans SC',
    'Noto Sans CJK JP',
    'WenQuanYi Zen Hei',
  ]) {
    if (families.includes(candidate)) return candidate;
  }
  for (const file of [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  ]) {
    if (fs.existsSync(file) && GlobalFonts.registerFromPath(file, 'CityCJK')) return 'CityCJK';
  }
  return null;
}

export interface BaseMapOptions {
  outDir: string;
  geo: CityGeometry;
  bounds: [number, number, number, number];
  minZoom?: number;
  maxZoom?: number;
  log?: (line: string) => void;
}

export async function buildBaseMap(options: BaseMapOptions): Promise<{ tiles: number; bytes: number }> {
  const { outDir } = options;
  const log = options.log ?? (() => undefined);
  if (!cjkFont()) log('base map: no CJK font found (apt-get install fonts-noto-cjk): labels are left out');
  fs.rmSync(outDir, { recursive: true, force: true });
  const minZoom = options.minZoom ?? 10;
  const maxZoom = options.maxZoom ?? 18;
  // Columns of tiles are shared out between worker threads (one per core, at most 4).
  const workers = Math.max(1, Math.min(4, os.availableParallelism()));
  let tiles = 0;
  let bytes = 0;
  for (let z = minZoom; z <= maxZoom; z++) {
    const { x0, x1, y0, y1 } = tileRange(options.bounds, z);
    const count = (x1 - x0 + 1) * (y1 - y0 + 1);
    const parts = count < 200 || workers === 1 ? [renderColumns({ ...options, z, part: 0, parts: 1 })] : [];
    if (!parts.length) {
      for (let k = 0; k < workers; k++)
        parts.push(
          inWorker({ outDir, seed: options.geo.seed, bounds: options.bounds, z, part: k, parts: workers }),
        );
    }
    for (const r of await Promise.all(parts)) {
      tiles += r.tiles;
      bytes += r.bytes;
    }
    log(`base map z${z}: ${count} tiles, total ${tiles} tiles ${(bytes / 1e6).toFixed(1)} MB`);
  }
  return { tiles, bytes };
}

export interface ColumnJob {
  outDir: string;
  geo: CityGeometry;
  bounds: [number, number, number, number];
  z: number;
  part: number;
  parts: number;
}

/** Renders the tile columns x of zoom z with x % parts === part. */
export async function renderColumns(job: ColumnJob): Promise<{ tiles: number; bytes: number }> {
  const font = cjkFont();
  const layers = zoomLayers(job.geo, job.z);
  const { x0, x1, y0, y1 } = tileRange(job.bounds, job.z);
  const canvas = createCanvas(256, 256);
  const ctx = canvas.getContext('2d');
  let tiles = 0;
  let bytes = 0;
  for (let x = x0; x <= x1; x++) {
    if (x % job.parts !== job.part) continue;
    const dir = path.join(job.outDir, String(job.z), String(x));
    fs.mkdirSync(dir, { recursive: true });
    for (let y = y0; y <= y1; y++) {
      drawTile(ctx, layers, x, y, font);
      const png = await canvas.encode('png');
      fs.writeFileSync(path.join(dir, `${y}.png`), png);
      tiles++;
      bytes += png.length;
    }
  }
  return { tiles, bytes };
}

function inWorker(
  data: Omit<ColumnJob, 'geo'> & { seed: number },
): Promise<{ tiles: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./basemap-worker.mjs', import.meta.url), { workerData: data });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`base-map worker exited with ${code}`));
    });
  });
}

function drawTile(ctx: SKRSContext2D, layers: ZoomLayers, tx: number, ty: number, font: string | null): void {
  const ox = tx * 256;
  const oy = ty * 256;
  const pad = 64;
  const inTile = (r: Ring) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of r) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    return maxX >= ox - pad && minX <= ox + 256 + pad && maxY >= oy - pad && minY <= oy + 256 + pad;
  };
  const fill = (r: Ring, colour: string) => {
    ctx.beginPath();
    r.forEach(([x, y], i) => (i ? ctx.lineTo(x - ox, y - oy) : ctx.moveTo(x - ox, y - oy)));
    ctx.closePath();
    ctx.fillStyle = colour;
    ctx.fill();
  };
  const z = layers.z;
  ctx.fillStyle = '#f4f2ed';
  ctx.fillRect(0, 0, 256, 256);
  if (z >= 13)
    for (const b of layers.blocks) if (inTile(b.ring)) fill(b.ring, BLOCK_COLOURS[b.use] ?? '#ece6dc');
  for (const g of layers.green) if (inTile(g)) fill(g, '#d6ebc9');
  for (const b of layers.blocks)
    if (b.use === 'park' && inTile(b.ring)) fill(b.ring, BLOCK_COLOURS.park as string);
  for (const w of layers.water) if (inTile(w)) fill(w, '#a9cbe9');
  if (z >= 15) {
    for (const b of layers.buildings) {
      if (!inTile(b)) continue;
      fill(b, '#d9d1c6');
      if (z >= 16) {
        ctx.strokeStyle = '#c2b9ac';
        ctx.lineWidth = 1;
        ctx.stroke();
      }
    }
  }
  const minPx: Record<string, number> = {
    arterial: z >= 12 ? 2.2 : 1.4,
    secondary: z >= 13 ? 1.4 : 0,
    local: z >= 14 ? 1 : 0,
  };
  const order = ['local', 'secondary', 'arterial'];
  for (const pass of ['casing', 'fill'] as const) {
    for (const cls of order) {
      for (const r of layers.roads) {
        if (r.cls !== cls) continue;
        const w = Math.max(r.width / layers.metresPerPixel, minPx[cls] ?? 0);
        if (w <= 0) continue;
        if (Math.max(r.a[0], r.b[0]) < ox - pad || Math.min(r.a[0], r.b[0]) > ox + 256 + pad) continue;
        if (Math.max(r.a[1], r.b[1]) < oy - pad || Math.min(r.a[1], r.b[1]) > oy + 256 + pad) continue;
        ctx.beginPath();
        ctx.moveTo(r.a[0] - ox, r.a[1] - oy);
        ctx.lineTo(r.b[0] - ox, r.b[1] - oy);
        ctx.lineCap = 'round';
        if (pass === 'casing') {
          if (w < 2.5 && !r.bridge) continue;
          ctx.strokeStyle = r.bridge ? '#8c8273' : '#d3c8b6';
          ctx.lineWidth = w + (r.bridge ? 3 : 1.5);
        } else {
          ctx.strokeStyle = cls === 'arterial' ? '#fde7a9' : '#ffffff';
          ctx.lineWidth = w;
        }
        ctx.stroke();
      }
    }
  }
  ctx.setLineDash([6, 4]);
  ctx.strokeStyle = z >= 14 ? 'rgba(130,110,170,0.45)' : 'rgba(120,90,170,0.7)';
  ctx.lineWidth = z >= 14 ? 1 : 1.5;
  for (const b of layers.boundaries) {
    if (!inTile(b)) continue;
    ctx.beginPath();
    b.forEach(([x, y], i) => (i ? ctx.lineTo(x - ox, y - oy) : ctx.moveTo(x - ox, y - oy)));
    ctx.stroke();
  }
  ctx.setLineDash([]);
  if (!font) return;
  for (const l of layers.labels) {
    if (l.box[2] < ox || l.box[0] > ox + 256 || l.box[3] < oy || l.box[1] > oy + 256) continue;
    ctx.font = `${l.bold ? 'bold ' : ''}${l.size}px "${font}"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = l.halo;
    ctx.fillStyle = l.color;
    const glyphs = l.vertical ? [...l.text] : [l.text];
    glyphs.forEach((text, i) => {
      const x = l.x - ox;
      const y = l.y - oy + (l.vertical ? (i - (glyphs.length - 1) / 2) * l.size : 0);
      ctx.strokeText(text, x, y);
      ctx.fillText(text, x, y);
    });
  }
}
