// `npm run tiles:build [-- options]`: builds the city's base-map tiles (assets/tiles/base/{z}/{x}/{y}.png)
// and the 3D Tiles tileset of its buildings (assets/tiles/buildings/tileset.json), with progress lines.
//   --footprints FILE   a city's own building footprints (GeoJSON, height in metres per feature)
//   --height-attr NAME  property with the height (default height); --floors-attr NAME (default floors)
//   --only base|buildings   --min-zoom N (10) --max-zoom N (18)   --seed N (SEED, 20261122)
//   --out DIR (assets/tiles)   --if-needed (skip when assets/tiles is current)
// `npm start` runs it with --if-needed (server/src/cli/build.ts). See docs/adr/0006-city-tiles.md.
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_CITY } from '../city/city';
import { cityGeometry } from '../city/geometry';
import { buildBaseMap } from './basemap';
import { buildKey, demoSeed, TILES_DIR, tilesUpToDate, type BuildInfo } from './build-key';
import { buildTileset } from './buildings3d';
import { fromGenerated, fromGeoJsonFile } from './footprints';

export interface BuildOptions {
  out?: string;
  seed?: number;
  footprints?: string;
  heightAttr?: string;
  floorsAttr?: string;
  only?: 'base' | 'buildings';
  minZoom?: number;
  maxZoom?: number;
  log?: (line: string) => void;
}

export async function buildCityTiles(options: BuildOptions = {}): Promise<BuildInfo> {
  const out = options.out ?? TILES_DIR;
  const seed = options.seed ?? demoSeed();
  const log = options.log ?? ((line: string) => console.log(`[tiles] ${line}`));
  const started = Date.now();
  const geo = cityGeometry(seed);
  const previous = readInfo(out);
  const info: BuildInfo = {
    key: buildKey(seed),
    seed,
    builtAt: new Date().toISOString(),
    base: previous?.base ?? null,
    buildings: previous?.buildings ?? null,
  };
  fs.mkdirSync(out, { recursive: true });
  if (options.only !== 'base') {
    const footprints = options.footprints
      ? fromGeoJsonFile(options.footprints, options.heightAttr, options.floorsAttr)
      : fromGenerated(geo.buildings());
    log(
      `3D buildings: ${footprints.length} footprints from ${options.footprints ?? `the generator (seed ${seed})`}`,
    );
    const r = await buildTileset({ outDir: path.join(out, 'buildings'), footprints, log });
    info.buildings = {
      tiles: r.tiles,
      bytes: r.bytes,
      buildings: r.buildings,
      source: options.footprints ? path.basename(options.footprints) : 'generated',
    };
  }
  if (options.only !== 'buildings') {
    const minZoom = options.minZoom ?? 10;
    const maxZoom = options.maxZoom ?? 18;
    const r = await buildBaseMap({
      outDir: path.join(out, 'base'),
      geo,
      bounds: DEMO_CITY.bounds,
      minZoom,
      maxZoom,
      log,
    });
    info.base = { tiles: r.tiles, bytes: r.bytes, minZoom, maxZoom };
  }
  fs.writeFileSync(path.join(out, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
  const mb = ((info.base?.bytes ?? 0) + (info.buildings?.bytes ?? 0)) / 1e6;
  log(
    `done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${info.base?.tiles ?? 0} base tiles, ${info.buildings?.tiles ?? 0} 3D tiles, ${mb.toFixed(1)} MB`,
  );
  return info;
}

function readInfo(dir: string): BuildInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'build-info.json'), 'utf8')) as BuildInfo;
  } catch {
    return null;
  }
}

function parseArgs(argv: string[]): BuildOptions & { ifNeeded: boolean } {
  const o: BuildOptions & { ifNeeded: boolean } = { ifNeeded: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const int = (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 22)
        throw new Error(`${arg} must be an integer 0..22, got ${v}`);
      return n;
    };
    if (arg === '--footprints') o.footprints = value();
    else if (arg === '--height-attr') o.heightAttr = value();
    else if (arg === '--floors-attr') o.floorsAttr = value();
    else if (arg === '--out') o.out = path.resolve(value());
    else if (arg === '--seed') o.seed = Number(value());
    else if (arg === '--min-zoom') o.minZoom = int(value());
    else if (arg === '--max-zoom') o.maxZoom = int(value());
    else if (arg === '--if-needed') o.ifNeeded = true;
    else if (arg === '--only') {
      const v = value();
      if (v !== 'base' && v !== 'buildings') throw new Error('--only is base or buildings');
      o.only = v;
    } else
      throw new Error(
        `unknown option ${arg}; known: --footprints FILE --height-attr NAME --floors-attr NAME --only base|buildings --min-zoom N --max-zoom N --seed N --out DIR --if-needed`,
      );
  }
  return o;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.ifNeeded && !options.out && tilesUpToDate()) {
      console.log('[tiles] assets/tiles is up to date');
    } else await buildCityTiles(options);
  } catch (error) {
    console.error(`[tiles] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
