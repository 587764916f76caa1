// Whether the generated city assets are current: a key made of the seed and the generator's sources,
// stored in assets/tiles/build-info.json by the last build. Cheap and synchronous (npm start calls it).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TILES_DIR = fileURLToPath(new URL('../../../assets/tiles', import.meta.url));
const SOURCES = [new URL('.', import.meta.url), new URL('../city/geometry/', import.meta.url)].map((u) =>
  fileURLToPath(u),
);

export function demoSeed(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SEED ?? 20261122);
  return Number.isInteger(n) ? n : 20261122;
}

export function buildKey(seed: number, extra = ''): string {
  const hash = crypto.createHash('sha256').update(`${seed}|${extra}`);
  for (const dir of SOURCES) {
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      hash.update(file).update(fs.readFileSync(path.join(dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export interface BuildInfo {
  key: string;
  seed: number;
  builtAt: string;
  base: { tiles: number; bytes: number; minZoom: number; maxZoom: number } | null;
  buildings: { tiles: number; bytes: number; buildings: number; source: string } | null;
}

export function readBuildInfo(dir = TILES_DIR): BuildInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'build-info.json'), 'utf8')) as BuildInfo;
  } catch {
    return null;
  }
}

/** True when assets/tiles holds a complete build of the demo city for this seed and these sources. */
export function tilesUpToDate(env: NodeJS.ProcessEnv = process.env, dir = TILES_DIR): boolean {
  const info = readBuildInfo(dir);
  if (!info || !fs.existsSync(path.join(dir, 'buildings', 'tileset.json'))) return false;
  // A city's own footprints (source != generated) are kept until rebuilt by hand.
  if (info.buildings && info.buildings.source !== 'generated') return true;
  return info.key === buildKey(demoSeed(env));
}
