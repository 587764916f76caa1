// Vehicles: the fleet from REST (re-read every 30 s, every 5 s without the live feed; data and motion in
// vehicleData.ts), live fixes from the socket's `live:positions` into a small vanilla store; a preRender
// listener glides them. A city's own fleet (a few hundred) is drawn as its teams' symbols (symbols.ts:
// white body, blue ring, the shape by team), one BillboardCollection for the fleet, never one Entity
// each.
//
// Level of detail (vehicleData.ts `fleetClustered`, `fleetSingles`): a fleet of more than
// FLEET_CLUSTER_ABOVE vehicles is drawn above street level as one point per 500 m cell (sized by how many
// vehicles are in it, at their mean position), which follows the fixes once a second; at street level
// every vehicle glides on its own as a dot in its team's colour (palette.ts TEAM_COLOURS) with the
// clusters' blue ring, one PointPrimitiveCollection: a software GPU pays for every textured billboard
// each frame, and 10,000 of them cost the street view 60 % of its frame rate (docs/benchmarks.md
// "render"). 10,000 single vehicles over a city are a carpet that hides every other layer and says less
// than the counts. A small fleet keeps its symbols at every zoom.
import { Cartesian3, NearFarScalar, type Billboard, type PointPrimitive } from 'cesium';
import { createStore } from 'zustand/vanilla';
import type { MapPick } from '../../state/layers';
import { SYMBOL_COLOURS, TEAM_COLOURS } from '../palette';
import { addSymbol, billboardCollection, colour, pointCollection, removeAll } from './draw';
import { defineLayer } from './layer';
import { clusterSize } from './partsLod';
import { onStreetLevel } from './streetLevel';
import { vehicleSymbol } from './symbolImages';
import type { VehicleShape } from './symbols';
import {
  applyFixes,
  fleetClustered,
  fleetClusters,
  fleetSingles,
  formatVehicles,
  interpolate,
  loadVehicles,
  moving,
  type Tracks,
  type VehicleItem,
} from './vehicleData';

/**
 * A vehicle's symbol size (also the render benchmark's Entity baseline, to draw the same thing). It
 * shrinks with the camera's height: at street level 12 px (the old dot's box: a software GPU shades every
 * pixel of 10,000 of them each frame; 16 px cost the street view two thirds of its frame rate), at city
 * zoom (~9 km) about 6 px, so a large fleet still shows where it is and leaves the parts clusters, cases
 * and alarms readable.
 */
export const VEHICLE_SYMBOL = {
  width: 12,
  height: 12,
  scaleByDistance: new NearFarScalar(1_500, 1, 12_000, 0.45),
} as const;

/** Clusters follow the fixes at most this often (the feed sends a batch every 250 ms). */
const FLEET_RECLUSTER_MS = 1_000;
const FLEET_CLUSTER = {
  color: colour(SYMBOL_COLOURS.vehicle, 0.85),
  outlineColor: colour(SYMBOL_COLOURS.vehicleRing),
  outlineWidth: 1.5,
};
/**
 * A large fleet's vehicle at street level: a dot in the team's colour with the clusters' ring (also the
 * render benchmark's Entity baseline for a large fleet).
 */
export const FLEET_DOT = {
  pixelSize: 8,
  outlineColor: FLEET_CLUSTER.outlineColor,
  outlineWidth: FLEET_CLUSTER.outlineWidth,
  scaleByDistance: VEHICLE_SYMBOL.scaleByDistance,
};

export const vehicleLayer = defineLayer({
  id: 'vehicles',
  load: (ctx) => loadVehicles(ctx.api),
  format: formatVehicles,
  count: (items) => items.length,
  reload: { pollMs: (ctx) => (ctx.live ? 30_000 : 5_000) },
  render(ctx) {
    const symbols = billboardCollection(ctx.scene);
    const dots = pointCollection(ctx.scene);
    const clusters = pointCollection(ctx.scene);
    const clusterByKey = new Map<string, PointPrimitive>();
    const tracks = createStore<{ tracks: Tracks }>(() => ({ tracks: new Map() }));
    /** every vehicle's single: its team's symbol, or its dot in a large fleet (`style`) */
    const byId = new Map<string, Billboard | PointPrimitive>();
    let style: 'dots' | 'symbols' = 'symbols';
    const dpr = Math.max(1, window.devicePixelRatio || 1);
    const images = new Map<VehicleShape, HTMLCanvasElement>();
    const imageOf = (shape: VehicleShape) => {
      let image = images.get(shape);
      if (!image) images.set(shape, (image = vehicleSymbol(shape, Math.round(VEHICLE_SYMBOL.width * dpr))));
      return image;
    };
    let on = true;
    const clustered = () => fleetClustered(ctx.scene.camera.positionCartographic.height, byId.size);
    const addSingle = (v: VehicleItem) => {
      const position = Cartesian3.fromDegrees(v.lon, v.lat, 4);
      if (style === 'dots')
        return dots.add({ id: v.pick, position, color: colour(TEAM_COLOURS[v.team]), ...FLEET_DOT });
      return addSymbol(
        symbols,
        { id: v.pick, position, ...VEHICLE_SYMBOL },
        `vehicle-${v.shape}`,
        imageOf(v.shape),
      );
    };

    /** The clusters from every vehicle's latest fix: cells keep their point, new ones get one. */
    const recluster = ctx.timers.atMostEvery(FLEET_RECLUSTER_MS, () => {
      if (clusters.isDestroyed()) return;
      const cells = fleetClusters(tracks.getState().tracks);
      const seen = new Set<string>();
      for (const cell of cells) {
        seen.add(cell.key);
        const pick: MapPick = {
          kind: 'fleet',
          id: `fleet:${cell.key}`,
          label: '',
          lon: cell.lon,
          lat: cell.lat,
          count: cell.count,
        };
        const position = Cartesian3.fromDegrees(cell.lon, cell.lat, 6);
        const pixelSize = clusterSize(cell.count) + 1;
        const point = clusterByKey.get(cell.key);
        if (point) {
          point.id = pick;
          point.position = position;
          point.pixelSize = pixelSize;
        } else clusterByKey.set(cell.key, clusters.add({ id: pick, position, pixelSize, ...FLEET_CLUSTER }));
      }
      for (const [key, point] of clusterByKey)
        if (!seen.has(key)) {
          clusters.remove(point);
          clusterByKey.delete(key);
        }
      ctx.scene.requestRender();
    });
    const placeAll = (now: number) => {
      for (const [id, track] of tracks.getState().tracks) {
        const symbol = byId.get(id);
        if (!symbol) continue;
        const at = interpolate(track, now);
        symbol.position = Cartesian3.fromDegrees(at.lon, at.lat, 4);
      }
    };
    /** Shows singles or clusters for the zoom and fleet size now. */
    let singles = true;
    const apply = () => {
      if (symbols.isDestroyed()) return;
      const asClusters = clustered();
      const showSingles = on && !asClusters;
      // Singles stop being moved while hidden: put each where its glide is now before they show again.
      if (showSingles && !singles) placeAll(performance.now());
      singles = showSingles;
      symbols.show = showSingles && style === 'symbols';
      dots.show = showSingles && style === 'dots';
      clusters.show = on && asClusters;
      if (clusters.show) recluster.now();
      ctx.scene.requestRender();
    };

    const stopLive = ctx.live?.onPositions((fixes) => {
      const known = fixes.filter((f) => byId.has(f.id));
      if (known.length) tracks.setState((s) => ({ tracks: applyFixes(s.tracks, known, performance.now()) }));
    });
    // Transient updates: new fixes reach the engine through subscribe(), never through React.
    const unsubscribe = tracks.subscribe(() => {
      if (clusters.show) recluster.request();
      else ctx.scene.requestRender();
    });
    const removeZoom = onStreetLevel(ctx.scene, apply);
    const glide = () => {
      if (!singles) return;
      const now = performance.now();
      const current = tracks.getState().tracks;
      for (const [id, track] of current) {
        const symbol = byId.get(id);
        if (!symbol || now > track.last.at + 1_000) continue;
        const at = interpolate(track, now);
        symbol.position = Cartesian3.fromDegrees(at.lon, at.lat, 4);
      }
      if (moving(current, now)) ctx.scene.requestRender();
    };
    const removeGlide = ctx.scene.preRender.addEventListener(glide);
    return {
      draw(items) {
        if (symbols.isDestroyed()) return;
        tracks.setState((s) => ({ tracks: applyFixes(s.tracks, items, performance.now()) }));
        const next = fleetSingles(items.length);
        const restyled = next !== style;
        if (restyled) {
          // The fleet grew past (or shrank below) the threshold: draw every single the other way.
          symbols.removeAll();
          dots.removeAll();
          byId.clear();
          style = next;
        }
        for (const v of items) if (!byId.has(v.id)) byId.set(v.id, addSingle(v));
        // The new singles stand at their items' fixes: put each where its glide is now.
        if (restyled && singles) placeAll(performance.now());
        apply();
      },
      show(next) {
        on = next;
        apply();
      },
      dispose() {
        stopLive?.();
        unsubscribe();
        removeZoom();
        removeGlide();
        removeAll(ctx.scene, symbols, dots, clusters);
      },
    };
  },
});
