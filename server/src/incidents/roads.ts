// Where the dispatch road graph comes from: the generated demo city's roads by default, or a city's
// own road network as GeoJSON LineStrings (e.g. exported from OpenStreetMap) when ROAD_NETWORK_FILE
// names one. OSM tags used: `highway` (free-flow speed by class), `maxspeed` (km/h) and `oneway`.
import fs from 'node:fs';
import { buildRoadGraph, type GraphEdgeInput, type RoadGraph } from '../domain/incidents/graph';
import { distanceMeters } from '../domain/geo';
import { cityGeometry } from '../city/geometry';
import { toLonLat } from '../city/geometry/projection';

/** Free-flow speeds in town, km/h, by demo road class and by OSM highway tag. */
export const CLASS_SPEED_KMH: Readonly<Record<string, number>> = {
  arterial: 50,
  secondary: 35,
  local: 25,
  motorway: 80,
  trunk: 60,
  primary: 50,
  tertiary: 35,
  unclassified: 30,
  residential: 25,
  living_street: 10,
  service: 15,
};

const cache = new Map<string, RoadGraph>();

/** The demo city's road graph for a seed (bridges included; every street two-way). */
export function demoRoadGraph(seed: number): RoadGraph {
  const key = `demo:${seed}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const roads = cityGeometry(seed).roads;
  const graph = buildRoadGraph({
    nodes: roads.nodes.map((n) => toLonLat(n.x, n.y)),
    edges: roads.edges.map((e) => ({
      a: e.a,
      b: e.b,
      lengthM: e.length,
      speedKmh: CLASS_SPEED_KMH[e.cls] ?? 25,
    })),
  });
  cache.set(key, graph);
  return graph;
}

interface LineFeature {
  geometry?: { type?: string; coordinates?: unknown };
  properties?: Record<string, unknown> | null;
}

/** A road graph from GeoJSON LineStrings / MultiLineStrings; shared vertices become intersections. */
export function geojsonRoadGraph(geojson: { features?: LineFeature[] }): RoadGraph {
  const ids = new Map<string, number>();
  const nodes: Array<[number, number]> = [];
  const edges: GraphEdgeInput[] = [];
  const nodeOf = (c: [number, number]): number => {
    const k = `${c[0].toFixed(7)},${c[1].toFixed(7)}`;
    let id = ids.get(k);
    if (id === undefined) {
      id = nodes.length;
      ids.set(k, id);
      nodes.push([c[0], c[1]]);
    }
    return id;
  };
  for (const f of geojson.features ?? []) {
    const g = f.geometry;
    const lines =
      g?.type === 'LineString'
        ? [g.coordinates as Array<[number, number]>]
        : g?.type === 'MultiLineString'
          ? (g.coordinates as Array<Array<[number, number]>>)
          : [];
    const p = f.properties ?? {};
    const tag = String(p.highway ?? 'unclassified');
    const max = Number.parseFloat(String(p.maxspeed ?? ''));
    const speedKmh = Number.isFinite(max) && max > 0 ? max : (CLASS_SPEED_KMH[tag] ?? 30);
    const ow = String(p.oneway ?? 'no');
    const oneway = ow === 'yes' || ow === 'true' || ow === '1' || ow === '-1';
    for (const line of lines) {
      if (!Array.isArray(line)) continue;
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1] as [number, number];
        const b = line[i] as [number, number];
        if (!Array.isArray(a) || !Array.isArray(b)) continue;
        const [from, to] = ow === '-1' ? [b, a] : [a, b];
        edges.push({ a: nodeOf(from), b: nodeOf(to), lengthM: distanceMeters(from, to), speedKmh, oneway });
      }
    }
  }
  return buildRoadGraph({ nodes, edges });
}

/** The graph the server routes on: ROAD_NETWORK_FILE (GeoJSON) if set, else the demo city. */
export function cityRoadGraph(seed: number, file = process.env.ROAD_NETWORK_FILE): RoadGraph {
  if (!file) return demoRoadGraph(seed);
  const key = `file:${file}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const graph = geojsonRoadGraph(JSON.parse(fs.readFileSync(file, 'utf8')) as { features?: LineFeature[] });
  cache.set(key, graph);
  return graph;
}
