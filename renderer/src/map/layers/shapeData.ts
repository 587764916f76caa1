// The shape layers' data step: district and street outlines (static, so fetched ahead at sign-in while
// the engine still loads) and the grid cells of a view, as GeoJSON checked with the contract's schema
// (contract/geojson.ts), formatted as rings to draw and labels. No Cesium: Node tests run it.
import { PolygonCollection, type PolygonFeature } from '@contract/geojson';
import type { LayerApi } from './layerApi';

/** What the division layer loads: static, so it may be fetched ahead. */
export const DIVISION_PATHS = ['/divisions?level=district', '/divisions?level=street'] as const;

/** Answers fetched ahead, by token and path; each is used once, or dropped when PREFETCH_KEEP_MS old. */
const ahead = new Map<string, { answer: Promise<PolygonCollection>; at: number }>();
const PREFETCH_KEEP_MS = 30_000;

/** Fetches the division outlines now, for the layer's first load with the same token (signed in only). */
export function prefetchDivisions(api: LayerApi, token: string | null): void {
  const now = Date.now();
  for (const [key, { at }] of ahead) if (now - at > PREFETCH_KEEP_MS) ahead.delete(key);
  if (!token) return;
  for (const path of DIVISION_PATHS) {
    const key = `${token} ${path}`;
    if (ahead.has(key)) continue;
    const answer = api.get(path, PolygonCollection);
    answer.catch(() => undefined); // a failure reaches the layer that takes the answer
    ahead.set(key, { answer, at: now });
  }
}

/** A GET of polygons that takes an answer fetched ahead with the same token, once. */
function loadPolygons(api: LayerApi, token: string | null, path: string): Promise<PolygonCollection> {
  const key = `${token} ${path}`;
  const early = ahead.get(key);
  if (early) ahead.delete(key);
  if (early && Date.now() - early.at <= PREFETCH_KEEP_MS) return early.answer;
  return api.get(path, PolygonCollection);
}

export async function loadDivisions(api: LayerApi, token: string | null) {
  const [districts, streets] = await Promise.all(DIVISION_PATHS.map((p) => loadPolygons(api, token, p)));
  return { districts: districts as PolygonCollection, streets: streets as PolygonCollection };
}

export const loadGrid = (api: LayerApi, bbox: string) => api.get(`/grid?bbox=${bbox}`, PolygonCollection);

/** A polygon's rings as [lon, lat, lon, lat, …] (a multipolygon's rings all together). */
export function ringsOf(feature: PolygonFeature): number[][] {
  const g = feature.geometry;
  if (!g) return [];
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  return rings.map((ring) => ring.flatMap(([lon = 0, lat = 0]) => [lon, lat]));
}

export interface DivisionItems {
  /** outlines: district (thick) and street (thin) rings */
  districts: number[][];
  streets: number[][];
  /** a district's name at the mean of its first ring's points */
  labels: Array<{ text: string; lon: number; lat: number }>;
  count: number;
}

const levelIs = (level: string) => (f: PolygonFeature) => f.properties?.level === level;

export function formatDivisions(data: {
  districts: PolygonCollection;
  streets: PolygonCollection;
}): DivisionItems {
  const d = data.districts.features.filter(levelIs('district'));
  const s = data.streets.features.filter(levelIs('street'));
  const labels = d.map((f) => {
    const ring = ringsOf(f)[0] ?? [];
    const n = Math.max(1, ring.length / 2);
    let lon = 0;
    let lat = 0;
    for (let i = 0; i + 1 < ring.length; i += 2) {
      lon += ring[i] ?? 0;
      lat += ring[i + 1] ?? 0;
    }
    return { text: String(f.properties?.name ?? ''), lon: lon / n, lat: lat / n };
  });
  return { districts: d.flatMap(ringsOf), streets: s.flatMap(ringsOf), labels, count: d.length + s.length };
}
