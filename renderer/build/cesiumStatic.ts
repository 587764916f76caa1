// Vite plugin: Cesium's static files (Workers, Assets, ThirdParty, Widgets) under `cesium/`:
// served from node_modules by the dev server, copied next to index.html by the build.
// (A stand-in for vite-plugin-static-copy, which needs Node 22.)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

export const CESIUM_DIRS = ['Workers', 'Assets', 'ThirdParty', 'Widgets'] as const;

const MIME: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.wasm': 'application/wasm',
  '.ktx2': 'image/ktx2',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
};

/** node_modules/cesium/Build/Cesium, resolved the way Node would find the package. */
export function cesiumBuildDir(fromDir: string): string {
  const require = createRequire(path.join(fromDir, 'noop.js'));
  return path.join(path.dirname(require.resolve('cesium/package.json')), 'Build', 'Cesium');
}

/** Maps a request path under `/<prefix>/` to a file in the Cesium build, or null when it is not ours. */
export function resolveCesiumFile(sourceDir: string, prefix: string, urlPath: string): string | null {
  const start = `/${prefix}/`;
  if (!urlPath.startsWith(start)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.slice(start.length));
  } catch {
    return null;
  }
  const top = relative.split('/')[0] ?? '';
  if (!(CESIUM_DIRS as readonly string[]).includes(top)) return null;
  const file = path.resolve(sourceDir, relative);
  return file.startsWith(sourceDir + path.sep) ? file : null;
}

export function cesiumStatic(options: { prefix?: string } = {}): Plugin {
  const prefix = options.prefix ?? 'cesium';
  let config: ResolvedConfig;
  let sourceDir = '';

  return {
    name: 'city-ops:cesium-static',
    configResolved(resolved) {
      config = resolved;
      sourceDir = cesiumBuildDir(resolved.root);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const urlPath = (req.url ?? '').split('?')[0] ?? '';
        const file = resolveCesiumFile(sourceDir, prefix, urlPath);
        if (!file) return next();
        fs.stat(file, (error, stat) => {
          if (error || !stat.isFile()) return next();
          res.setHeader('Content-Type', MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
          res.setHeader('Content-Length', stat.size);
          res.setHeader('Cache-Control', 'no-cache');
          fs.createReadStream(file).pipe(res);
        });
      });
    },
    writeBundle(output) {
      if (config.command !== 'build') return;
      const outDir = output.dir ?? path.resolve(config.root, config.build.outDir);
      for (const dir of CESIUM_DIRS) {
        fs.cpSync(path.join(sourceDir, dir), path.join(outDir, prefix, dir), { recursive: true });
      }
    },
  };
}
