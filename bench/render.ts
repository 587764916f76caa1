// `npm run bench -- render [--frames 20] [--parts 100000] [--markers 10000]`: frames per second of one
// Cesium scene with 100,000 parts and 10,000 moving markers, drawn with our primitive layers vs one
// Entity per item, in the same browser (Debian Chromium + SwiftShader, flags from playwright.config.ts)
// in the same run. Figures, not assertions. Last line: {fps_ours, fps_entities, ratio}.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import config from '../playwright.config';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const frames = arg('frames', 20);
const parts = arg('parts', 100_000);
const markers = arg('markers', 10_000);

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-render-'));
await build({
  entryPoints: [path.resolve('bench/_render-page.ts')],
  bundle: true,
  format: 'esm',
  outfile: path.join(out, 'page.js'),
  logLevel: 'error',
});
fs.writeFileSync(
  path.join(out, 'index.html'),
  `<!doctype html><meta charset="utf-8"><style>html,body,#map{margin:0;width:100%;height:100%}</style>` +
    `<div id="map"></div><script>window.CESIUM_BASE_URL='/cesium/'</script><script type="module" src="/page.js"></script>`,
);
const cesiumDir = path.resolve('node_modules/cesium/Build/Cesium');
const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.json': 'application/json',
};
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x').pathname;
  const file = url.startsWith('/cesium/')
    ? path.join(cesiumDir, url.slice('/cesium/'.length))
    : path.join(out, url === '/' ? 'index.html' : url);
  if (!file.startsWith(cesiumDir) && !file.startsWith(out)) return void res.writeHead(403).end();
  fs.readFile(file, (error, body) => {
    if (error) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;

const browser = await chromium.launch({ ...config.use?.launchOptions, headless: true });
interface Result {
  mode: string;
  fps: number;
  frames: number;
  ms: number;
  setupMs: number;
}
async function run(mode: 'ours' | 'entities'): Promise<Result> {
  const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
  await page.goto(
    `http://127.0.0.1:${port}/?mode=${mode}&frames=${frames}&parts=${parts}&markers=${markers}`,
  );
  await page.waitForFunction(() => (globalThis as unknown as { __bench?: unknown }).__bench, null, {
    timeout: 600_000,
    polling: 500,
  });
  const result = (await page.evaluate(
    () => (globalThis as unknown as { __bench: unknown }).__bench,
  )) as Result;
  await page.close();
  console.log(
    `${mode.padEnd(8)} ${result.fps.toFixed(2)} fps over ${result.frames} frames (${Math.round(result.ms)} ms), setup ${Math.round(result.setupMs)} ms`,
  );
  return result;
}

console.log(
  `${parts.toLocaleString('en')} parts + ${markers.toLocaleString('en')} moving markers, SwiftShader`,
);
try {
  const ours = await run('ours');
  const entities = await run('entities');
  const round = (n: number) => Math.round(n * 100) / 100;
  console.log(
    JSON.stringify({
      fps_ours: round(ours.fps),
      fps_entities: round(entities.fps),
      ratio: round(ours.fps / entities.fps),
      setup_ms_ours: Math.round(ours.setupMs),
      setup_ms_entities: Math.round(entities.setupMs),
    }),
  );
} finally {
  await browser.close();
  server.close();
  fs.rmSync(out, { recursive: true, force: true });
}
