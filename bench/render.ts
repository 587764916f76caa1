// `npm run bench -- render [--frames 20] [--rounds 2] [--parts 100000] [--markers 10000] [--views city,street]
// [--screenshots]`:
// frames per second of one Cesium scene with 100,000 parts and 10,000 vehicles that get a GPS fix every
// second and glide between fixes, drawn by the app's own layers (createPartsLayer, createVehicleLayer)
// vs one Entity per item, in the same browser (Debian Chromium + SwiftShader, the e2e tests' WebGL
// flags) in the same run; and the bare globe in the same viewer (the software GPU's floor). Two views:
// the whole city from 9 km (the headline figures) and a few streets from 1.2 km (`street_…`), where
// the layers draw single parts and vehicles. The modes take turns for --rounds rounds. Also, per frame,
// the main thread's time on the items (taking in the fixes; ours: the layers' preRender listeners and
// timers; entities: DataSourceDisplay.update) and in scene.render (which includes GL calls and waits on
// the GPU process): with a software GPU the frame rate is bound by rasterising in the GPU process, so
// the items' time is the figure that shows what each approach costs the page. --screenshots saves one
// PNG per view and mode in bench/output/. Figures, not assertions. Last line: {fps_ours, fps_entities,
// ratio, …}.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import config from '../playwright.config';

// The e2e tests' WebGL browser: Debian Chromium with SwiftShader.
const webgl = config.projects?.find((p) => p.name === 'webgl')?.use?.launchOptions;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const frames = arg('frames', 20);
const parts = arg('parts', 100_000);
const markers = arg('markers', 10_000);
const rounds = arg('rounds', 2);
const screenshots = process.argv.includes('--screenshots');
const viewsArg = process.argv.indexOf('--views');

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-render-'));
await build({
  entryPoints: [path.resolve('bench/_render-page.ts')],
  bundle: true,
  format: 'esm',
  outfile: path.join(out, 'page.js'),
  // The page imports the renderer's layers, which import the wire contract as @contract/… (Vite alias).
  alias: { '@contract': path.resolve('contract') },
  target: 'es2022',
  logLevel: 'error',
});
fs.writeFileSync(
  path.join(out, 'index.html'),
  `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/cesium/Widgets/widgets.css">` +
    `<style>html,body,#map{margin:0;width:100%;height:100%;overflow:hidden}</style>` +
    `<div id="map"></div><script>window.CESIUM_BASE_URL='/cesium/'</script><script type="module" src="/page.js"></script>`,
);
const cesiumDir = path.resolve('node_modules/cesium/Build/Cesium');
const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.json': 'application/json',
  '.css': 'text/css',
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

const browser = await chromium.launch({ ...webgl, headless: true });
interface Result {
  mode: string;
  fps: number;
  frames: number;
  ms: number;
  setupMs: number;
  firstFrameMs: number;
  sceneMs: number;
  itemsMs: number;
}
async function run(mode: Mode, view: View): Promise<Result> {
  const page = await browser.newPage({ viewport: { width: 960, height: 600 } });
  // The page builds its scene in its module script, which holds up the load event: on a busy machine
  // that took longer than goto's 30 s. Wait for the answer only, with the long timeout below.
  await page.goto(
    `http://127.0.0.1:${port}/?mode=${mode}&frames=${frames}&parts=${parts}&markers=${markers}&height=${VIEWS[view]}`,
    { waitUntil: 'commit' },
  );
  await page.waitForFunction(() => (globalThis as unknown as { __bench?: unknown }).__bench, null, {
    timeout: 600_000,
    polling: 500,
  });
  const result = (await page.evaluate(
    () => (globalThis as unknown as { __bench: unknown }).__bench,
  )) as Result;
  if (screenshots) {
    fs.mkdirSync('bench/output', { recursive: true });
    await page.screenshot({ path: `bench/output/render-${view}-${mode}.png` });
  }
  await page.close();
  const ms = (n: number) => `${Math.round(n)} ms`;
  console.log(
    `${view.padEnd(6)} ${mode.padEnd(8)} ${result.fps.toFixed(2)} fps over ${result.frames} frames (${ms(result.ms)}); ` +
      `a frame: ${ms(result.ms / result.frames)}, of it ${ms(result.sceneMs)} in scene.render and ` +
      `${ms(result.itemsMs)} moving/updating items; setup ${ms(result.setupMs)}, first frame at ${ms(result.firstFrameMs)}`,
  );
  return result;
}

console.log(
  `${parts.toLocaleString('en')} parts + ${markers.toLocaleString('en')} moving markers, SwiftShader`,
);
type Mode = 'globe' | 'ours' | 'entities';
/** The camera's height in each view: the whole city (the headline figure), and a few streets. */
const VIEWS = { city: 9_000, street: 1_200 } as const;
type View = keyof typeof VIEWS;
/** the views to measure (`--views street` measures only the streets; the JSON then has only its figures) */
const views = (viewsArg > 0 ? process.argv[viewsArg + 1]!.split(',') : Object.keys(VIEWS)).filter(
  (v): v is View => v in VIEWS,
);
const modes: Mode[] = ['globe', 'ours', 'entities'];
/** All rounds of one mode as one figure: frames over time, per-frame costs weighted by frames. */
function total(results: Result[]) {
  const frames = results.reduce((n, r) => n + r.frames, 0);
  const ms = results.reduce((n, r) => n + r.ms, 0);
  const per = (key: 'sceneMs' | 'itemsMs') => results.reduce((n, r) => n + r[key] * r.frames, 0) / frames;
  const mean = (key: 'setupMs' | 'firstFrameMs') => results.reduce((n, r) => n + r[key], 0) / results.length;
  return {
    fps: (frames * 1000) / ms,
    sceneMs: per('sceneMs'),
    itemsMs: per('itemsMs'),
    setupMs: mean('setupMs'),
    firstFrameMs: mean('firstFrameMs'),
  };
}
const round = (n: number) => Math.round(n * 100) / 100;
try {
  // The modes take turns, so a slow spell of the machine does not fall on one mode only.
  const results: Record<View, Record<Mode, Result[]>> = {
    city: { globe: [], ours: [], entities: [] },
    street: { globe: [], ours: [], entities: [] },
  };
  for (let r = 1; r <= rounds; r++) {
    console.log(`round ${r} of ${rounds}`);
    for (const view of views) for (const mode of modes) results[view][mode].push(await run(mode, view));
  }
  const figures = (view: View) => {
    const [globe, ours, entities] = modes.map((m) => total(results[view][m])) as [
      ReturnType<typeof total>,
      ReturnType<typeof total>,
      ReturnType<typeof total>,
    ];
    console.log(
      `${view} (${VIEWS[view].toLocaleString('en')} m), over ${rounds} rounds: ours ${ours.fps.toFixed(2)} fps, ` +
        `entities ${entities.fps.toFixed(2)} fps (ratio ${(ours.fps / entities.fps).toFixed(2)}), bare globe ` +
        `${globe.fps.toFixed(2)} fps; main thread on the items per frame: ours ${ours.itemsMs.toFixed(1)} ms, ` +
        `entities ${entities.itemsMs.toFixed(1)} ms (ratio ${(entities.itemsMs / ours.itemsMs).toFixed(1)})`,
    );
    return { globe, ours, entities };
  };
  const city = views.includes('city') ? figures('city') : undefined;
  const street = views.includes('street') ? figures('street') : undefined;
  console.log(
    JSON.stringify({
      ...(city && {
        fps_ours: round(city.ours.fps),
        fps_entities: round(city.entities.fps),
        ratio: round(city.ours.fps / city.entities.fps),
        fps_globe: round(city.globe.fps),
        items_ms_ours: round(city.ours.itemsMs),
        items_ms_entities: round(city.entities.itemsMs),
        items_ratio: round(city.entities.itemsMs / city.ours.itemsMs),
        scene_ms_ours: round(city.ours.sceneMs),
        scene_ms_entities: round(city.entities.sceneMs),
        setup_ms_ours: Math.round(city.ours.setupMs),
        setup_ms_entities: Math.round(city.entities.setupMs),
        first_frame_ms_ours: Math.round(city.ours.firstFrameMs),
        first_frame_ms_entities: Math.round(city.entities.firstFrameMs),
      }),
      ...(street && {
        street_fps_ours: round(street.ours.fps),
        street_fps_entities: round(street.entities.fps),
        street_ratio: round(street.ours.fps / street.entities.fps),
        street_fps_globe: round(street.globe.fps),
        street_ours_of_globe: round(street.ours.fps / street.globe.fps),
        street_items_ms_ours: round(street.ours.itemsMs),
        street_items_ms_entities: round(street.entities.itemsMs),
      }),
      rounds,
    }),
  );
} finally {
  await browser.close();
  server.close();
  fs.rmSync(out, { recursive: true, force: true });
}
