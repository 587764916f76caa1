// The vehicle layer's data step and its pure motion: the fleet from REST (checked with the contract's
// schema) as immutable items, live fixes as tracks, where a vehicle is drawn between two fixes, and the
// fleet's clusters at city zoom, and how the fleet is drawn at a zoom. No Cesium: Node tests run it.
import { z } from 'zod';
import { type TeamKind, VehicleView } from '@contract/city';
import { CLOSE_HEIGHT_M, type MapPick } from '../../state/layers';
import type { LayerApi } from './layerApi';
import { gridClusters, type GridCluster } from './partsLod';
import { vehicleShapeOf, type VehicleShape } from './symbols';

export const VehicleList = z.object({ vehicles: z.array(VehicleView) });

export const loadVehicles = (api: LayerApi) => api.get('/vehicles', VehicleList);

export interface VehicleItem {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
  /** the symbol's shape, by team (symbols.ts VEHICLE_SHAPES) */
  readonly shape: VehicleShape;
  /** the team, whose colour a large fleet's dot has at street level (palette.ts TEAM_COLOURS) */
  readonly team: TeamKind;
  readonly pick: Readonly<MapPick>;
}

export const formatVehicles = ({ vehicles }: z.infer<typeof VehicleList>): VehicleItem[] =>
  vehicles.map((v) => ({
    id: v.id,
    lon: v.lon,
    lat: v.lat,
    shape: vehicleShapeOf(v.kind),
    team: v.kind,
    pick: { kind: 'vehicle', id: v.id, label: v.plate, team: v.kind },
  }));

export interface Fix {
  lon: number;
  lat: number;
  /** ms, local clock, when the fix arrived */
  at: number;
}

export interface Track {
  prev: Fix;
  last: Fix;
}

export type Tracks = ReadonlyMap<string, Track>;

/** How long a vehicle takes to glide from its drawn position to a new fix. */
export const FIX_BLEND_MS = 3_000;

/**
 * Pure updater: new fixes arrive (from a poll or the live stream). A vehicle that did not move keeps
 * its track object, so subscribers can skip it.
 */
export function applyFixes(
  tracks: Tracks,
  fixes: ReadonlyArray<{ id: string; lon: number; lat: number }>,
  at: number,
): Tracks {
  let next: Map<string, Track> | null = null;
  for (const f of fixes) {
    const track = tracks.get(f.id);
    if (track && track.last.lon === f.lon && track.last.lat === f.lat) continue;
    next ??= new Map(tracks);
    const fix = { lon: f.lon, lat: f.lat, at };
    // The vehicle moves from where it is drawn now, so a late fix never makes it jump back.
    const from = track ? interpolate(track, at) : fix;
    next.set(f.id, { prev: { ...from, at }, last: { ...fix, at: at + FIX_BLEND_MS } });
  }
  return next ?? tracks;
}

/** Where to draw a vehicle at `now`: linear between the two fixes, clamped at the ends. */
export function interpolate(track: Track, now: number): { lon: number; lat: number } {
  const span = track.last.at - track.prev.at;
  const t = span <= 0 ? 1 : Math.min(1, Math.max(0, (now - track.prev.at) / span));
  return {
    lon: track.prev.lon + (track.last.lon - track.prev.lon) * t,
    lat: track.prev.lat + (track.last.lat - track.prev.lat) * t,
  };
}

/** A fleet larger than this is drawn as clusters above street level and as dots at street level. */
export const FLEET_CLUSTER_ABOVE = 1_000;

/** Whether the fleet is large: more than FLEET_CLUSTER_ABOVE vehicles (all of them, so also in view). */
export const largeFleet = (fleetSize: number): boolean => fleetSize > FLEET_CLUSTER_ABOVE;

/** Whether the vehicle layer draws clusters: a large fleet, seen from above street level. */
export const fleetClustered = (heightM: number, fleetSize: number): boolean =>
  heightM > CLOSE_HEIGHT_M && largeFleet(fleetSize);

/**
 * How each single vehicle is drawn at street level: a large fleet as a dot in its team's colour (points
 * are far cheaper than textured billboards for a software GPU, docs/benchmarks.md "render"), a city's
 * own fleet (a few hundred) as its team's symbol.
 */
export const fleetSingles = (fleetSize: number): 'dots' | 'symbols' =>
  largeFleet(fleetSize) ? 'dots' : 'symbols';

/** The fleet on a grid of `cellM` metres, every vehicle at its latest fix (where it is heading). */
export function fleetClusters(tracks: Tracks, cellM = 500): GridCluster[] {
  const fixes = [...tracks.values()].map((t) => t.last);
  return gridClusters(
    fixes.length,
    (k) => fixes[k]?.lon ?? 0,
    (k) => fixes[k]?.lat ?? 0,
    cellM,
    fixes[0]?.lat ?? 30,
  );
}

/** True while some vehicle is still gliding (the engine then keeps rendering frames). */
export function moving(tracks: Tracks, now: number): boolean {
  for (const track of tracks.values()) if (now < track.last.at) return true;
  return false;
}
