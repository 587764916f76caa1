// Static city assets served by the server: base-map tiles and the 3D Tiles tileset of the buildings
// (assets/tiles, built by `npm run tiles:build`), demo video streams (assets/video, built with ffmpeg
// when available) and generated snapshots. A missing tile is a plain 404: clients treat it as empty.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { DEMO_CITY } from '../city/city';
import { badRequest } from '../errors';
import { snapshotSvg } from '../sim/snapshot';
import { readBuildInfo } from '../tiles/build-key';

export const ASSETS_DIR = fileURLToPath(new URL('../../../assets', import.meta.url));

/** The demo clip committed with the code (made once with ffmpeg), used when assets/video is missing. */
export const BUILT_IN_VIDEO = path.join(ASSETS_DIR, 'demo-video');

/** Root-level routes: /tiles/base/{z}/{x}/{y}.png, /tiles/buildings/tileset.json, /media/demo/{n}/… */
export function assetRouter(root = process.env.ASSETS_DIR || ASSETS_DIR): Router {
  const router = express.Router();
  const tiles = path.join(root, 'tiles');
  router.use('/tiles', express.static(tiles, { fallthrough: false, maxAge: '1d', index: false }));
  // The demo clip kept in the repository (assets/demo-video, 80 KB of HLS): every demo camera plays it
  // on a machine that had no ffmpeg to make the six demo streams (docs/adr/0007).
  router.get('/media/demo/:n/:file', (req, res, next) => {
    const { n, file } = req.params;
    if (!/^\d{1,2}$/.test(n) || !/^(index\.m3u8|seg\d{3}\.ts)$/.test(file)) return next();
    if (fs.existsSync(path.join(root, 'video', 'demo', n, file))) return next();
    const builtIn = path.join(BUILT_IN_VIDEO, file);
    if (!fs.existsSync(builtIn)) return next();
    res.setHeader('Content-Type', file.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.sendFile(builtIn);
  });
  router.use(
    '/media',
    express.static(path.join(root, 'video'), {
      fallthrough: false,
      index: false,
      setHeaders: (res, file) => {
        if (file.endsWith('.m3u8')) res.setHeader('Content-Type', 'application/vnd.apple.mpegurl');
        if (file.endsWith('.ts')) res.setHeader('Content-Type', 'video/mp2t');
      },
    }),
  );
  // Errors (a missing tile, a path outside the folder, bad percent-encoding) go to the application's
  // final error handler: a 4xx in the project's error shape, never send's HTML page with a stack.
  return router;
}

/**
 * Where the map's layers come from (public): the built-in base map and 3D buildings, or a city's own
 * sources configured by BASEMAP_URL (an XYZ/WMTS template with {z} {x} {y}, e.g. 天地图), BASEMAP_MAX_ZOOM,
 * BASEMAP_CREDIT and BUILDINGS_TILESET_URL (a city's own 3D Tiles).
 */
export function citySources(env: NodeJS.ProcessEnv = process.env, root = env.ASSETS_DIR || ASSETS_DIR) {
  const info = readBuildInfo(path.join(root, 'tiles'));
  return {
    basemap: env.BASEMAP_URL
      ? {
          type: 'xyz',
          url: env.BASEMAP_URL,
          subdomains: (env.BASEMAP_SUBDOMAINS ?? '').split(',').filter(Boolean),
          minZoom: 1,
          maxZoom: Number(env.BASEMAP_MAX_ZOOM ?? 18),
          credit: env.BASEMAP_CREDIT ?? '',
        }
      : {
          type: 'xyz',
          url: '/tiles/base/{z}/{x}/{y}.png',
          subdomains: [],
          minZoom: info?.base?.minZoom ?? 10,
          maxZoom: info?.base?.maxZoom ?? 18,
          credit: '海州市（演示城市）',
          /** [west, south, east, north]: request no tile outside (they are not built) */
          bounds: DEMO_CITY.bounds,
          available: !!info?.base,
        },
    buildings: env.BUILDINGS_TILESET_URL
      ? { url: env.BUILDINGS_TILESET_URL }
      : {
          url: '/tiles/buildings/tileset.json',
          available: tilesBuilt(root),
          count: info?.buildings?.buildings ?? 0,
        },
  };
}

/** GET /api/sim/snapshot/:name.svg (public: <img> tags send no token), GET /api/city/sources (public) */
export function mountSnapshots() {
  return (router: Router) => {
    router.get('/city/sources', (_req, res) => {
      res.json(citySources());
    });
    router.get('/sim/snapshot/:name', (req, res) => {
      const name = String(req.params.name).replace(/\.svg$/, '');
      if (!/^[\w.-]{1,80}$/.test(name)) {
        throw badRequest({
          zh: '快照名称为 1-80 个字母、数字或 . _ -',
          en: 'snapshot name is 1-80 letters, digits, . _ -',
        });
      }
      res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(snapshotSvg(name));
    });
  };
}

export function tilesBuilt(root = ASSETS_DIR): boolean {
  return fs.existsSync(path.join(root, 'tiles', 'buildings', 'tileset.json'));
}
