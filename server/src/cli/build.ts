// Builds what is not built yet: the Prisma clients, the renderer bundle and the Electron main/preload.
// `npm run build` forces everything; `npm start` builds only what is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateClients } from '../../../prisma/scripts/generate';
import { tilesUpToDate } from '../tiles/build-key';
import { videoNeeded } from '../tiles/video';

type Log = (line: string) => void;

function newestMtime(paths: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      if (p.endsWith('node_modules') || p.endsWith('dist')) return;
      for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  paths.forEach(walk);
  return newest;
}

function outdated(output: string, sources: string[]): boolean {
  if (!fs.existsSync(output)) return true;
  return newestMtime(sources) > fs.statSync(output).mtimeMs;
}

function run(cmd: string, args: string[], log: Log): void {
  log(`$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

interface Step {
  what: string;
  run: () => void;
}

/** What is missing or outdated, in build order. */
function plan(force: boolean, electron: boolean, log: Log): Step[] {
  const node = process.execPath;
  const steps: Step[] = [];
  if (
    force ||
    outdated('server/src/db/generated/postgresql/client.ts', ['prisma/schema.prisma']) ||
    outdated('server/src/db/generated/sqlite/client.ts', ['prisma/schema.prisma'])
  ) {
    steps.push({ what: 'generating the Prisma clients', run: () => generateClients(log) });
  }
  if (
    force ||
    outdated('renderer/dist/index.html', [
      'renderer/src',
      'renderer/index.html',
      'renderer/vite.config.ts',
      'contract',
    ])
  ) {
    steps.push({
      what: 'building the renderer (Vite, a few seconds)',
      run: () =>
        run(
          node,
          [
            'node_modules/vite/bin/vite.js',
            'build',
            '--config',
            'renderer/vite.config.ts',
            '--logLevel',
            'warn',
          ],
          log,
        ),
    });
  }
  if ((force || electron) && outdated('electron/dist/main.cjs', ['electron/main', 'electron/preload'])) {
    steps.push({
      what: 'bundling the Electron main and preload',
      run: () => run(node, ['--import', 'tsx', 'electron/build.ts'], log),
    });
  }
  // The demo city's base map and 3D buildings (assets/tiles); TILES=0 skips them (external tile sources).
  if (process.env.TILES !== '0' && (force || !tilesUpToDate())) {
    steps.push({
      what: 'building the city base map and 3D buildings into assets/tiles (about 30 s, once)',
      run: () => run(node, ['--import', 'tsx', 'server/src/tiles/build.ts'], log),
    });
  }
  // Demo camera streams (assets/video), only where Debian's ffmpeg is installed.
  if (process.env.TILES !== '0' && videoNeeded()) {
    steps.push({
      what: 'making the demo camera streams with ffmpeg (assets/video)',
      run: () => run(node, ['--import', 'tsx', 'server/src/tiles/video.ts'], log),
    });
  }
  return steps;
}

export function ensureBuilt(options: { force?: boolean; electron?: boolean; log?: Log } = {}): void {
  const log = options.log ?? ((line) => console.log(`[build] ${line}`));
  const steps = plan(options.force ?? false, options.electron ?? false, log);
  if (steps.length === 0) return;
  log(`first start or changed sources: ${steps.length} build step${steps.length > 1 ? 's' : ''}`);
  steps.forEach((step, i) => {
    const started = Date.now();
    log(`step ${i + 1}/${steps.length}: ${step.what}`);
    step.run();
    log(`step ${i + 1}/${steps.length} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureBuilt({ force: process.argv.includes('--force'), electron: true });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
