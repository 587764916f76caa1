// Bundles the Electron main process and preload with esbuild:
//   electron/main/index.ts    -> electron/dist/main.cjs
//   electron/preload/index.ts -> electron/dist/preload.cjs
// Run with `npm run build:electron` (node --import tsx electron/build.ts).
import { build, type BuildOptions, type Metafile } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = path.join(here, 'dist');

const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // Electron 41 runs Node 22 or newer in the main process and a recent Chromium in the preload.
  target: 'node22',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'none',
  // Smaller files parse faster in every window; the linked source maps keep stack traces readable.
  minify: true,
  metafile: true,
  logLevel: 'warning',
};

/** A sandboxed preload can `require` only 'electron' (and a few polyfilled modules): allow 'electron' only. */
function assertSandboxSafe(metafile: Metafile): void {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const foreign = output.imports.filter((i) => i.external && i.path !== 'electron').map((i) => i.path);
    if (foreign.length > 0) {
      throw new Error(
        `${file} requires ${foreign.join(', ')}: a sandboxed preload may only require 'electron'`,
      );
    }
  }
}

/** Writes main.cjs and preload.cjs (with source maps) into `outDir`, replacing what was there. */
export async function bundleElectron(outDir: string = DIST_DIR): Promise<{ main: string; preload: string }> {
  const packageJson = fs.readFileSync(path.join(here, '..', 'package.json'), 'utf8');
  const { version } = JSON.parse(packageJson) as { version: string };
  const main = path.join(outDir, 'main.cjs');
  const preload = path.join(outDir, 'preload.cjs');
  fs.rmSync(outDir, { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: [path.join(here, 'main', 'index.ts')],
    outfile: main,
    define: { __CITY_OPS_VERSION__: JSON.stringify(version) },
  });
  const result = await build({
    ...common,
    entryPoints: [path.join(here, 'preload', 'index.ts')],
    outfile: preload,
  });
  if (result.metafile) assertSandboxSafe(result.metafile);
  return { main, preload };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  bundleElectron().then(
    ({ main, preload }) =>
      console.log(
        `[electron] bundled ${path.relative(process.cwd(), main)} and ${path.basename(preload)} in ${Date.now() - started} ms`,
      ),
    (error: unknown) => {
      console.error(`[electron] build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
