// Building footprints for the 3D tileset: from the demo city generator, or from a city's own GeoJSON
// (`npm run tiles:build -- --footprints city.geojson`): Polygon / MultiPolygon features with a height
// in metres (property `height`, or --height-attr), or a number of floors (`floors`, 3 m each).
import fs from 'node:fs';
import type { Building } from '../city/geometry';
import { toLonLat } from '../city/geometry/projection';

export interface Footprint {
  id: string;
  /** outer ring, lon/lat, not closed (first != last), counter-clockwise or clockwise */
  ring: Array<[number, number]>;
  height: number;
  floors: number;
  use: string;
}

export function fromGenerated(buildings: Building[]): Footprint[] {
  return buildings.map((b) => ({
    id: b.id,
    ring: [toLonLat(b.x0, b.y0), toLonLat(b.x1, b.y0), toLonLat(b.x1, b.y1), toLonLat(b.x0, b.y1)],
    height: b.height,
    floors: b.floors,
    use: b.use,
  }));
}

interface GeoJsonFeature {
  id?: string | number;
  geometry?: { type: string; coordinates: unknown } | null;
  properties?: Record<string, unknown> | null;
}

export class FootprintError extends Error {
  override name = 'FootprintError';
}

export function fromGeoJsonFile(
  file: string,
  heightAttr = 'height',
  floorsAttr = 'floors',
  floorHeight = 3,
): Footprint[] {
  let parsed: { type?: string; features?: GeoJsonFeature[] };
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof parsed;
  } catch (error) {
    throw new FootprintError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new FootprintError(`${file} is not a GeoJSON FeatureCollection`);
  }
  const out: Footprint[] = [];
  let skipped = 0;
  parsed.features.forEach((f, i) => {
    const props = f.properties ?? {};
    const floors = Number(props[floorsAttr]);
    const height =
      Number(props[heightAttr]) || (Number.isFinite(floors) && floors > 0 ? floors * floorHeight : NaN);
    const polygons =
      f.geometry?.type === 'Polygon'
        ? [f.geometry.coordinates as number[][][]]
        : f.geometry?.type === 'MultiPolygon'
          ? (f.geometry.coordinates as number[][][][])
          : [];
    if (!Number.isFinite(height) || height <= 0 || !polygons.length) {
      skipped++;
      return;
    }
    polygons.forEach((poly, k) => {
      const outer = (poly[0] ?? []).map(([lon, lat]) => [Number(lon), Number(lat)] as [number, number]);
      if (
        outer.length > 1 &&
        outer[0]?.[0] === outer[outer.length - 1]?.[0] &&
        outer[0]?.[1] === outer[outer.length - 1]?.[1]
      )
        outer.pop();
      if (outer.length < 3 || outer.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) {
        skipped++;
        return;
      }
      out.push({
        id: `${f.id ?? props.id ?? i}${polygons.length > 1 ? `-${k}` : ''}`,
        ring: outer,
        height,
        floors:
          Number.isFinite(floors) && floors > 0 ? floors : Math.max(1, Math.round(height / floorHeight)),
        use: String(props.use ?? props.building ?? 'building'),
      });
    });
  });
  if (!out.length)
    throw new FootprintError(`${file}: no polygon with a positive "${heightAttr}" or "${floorsAttr}"`);
  if (skipped) console.log(`[tiles] ${file}: skipped ${skipped} features without a polygon or height`);
  return out;
}
