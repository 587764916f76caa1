// Level of detail of the parts layer: clusters at city zoom keep every part counted once in its class,
// tiles at street zoom partition the parts, and cluster sizes grow with their count within bounds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PartsColumnar } from '@contract/city';
import {
  clusterParts,
  clusterSize,
  gridClusters,
  partsByClass,
  partTiles,
} from '../../../renderer/src/map/layers/partsLod';
import {
  applyFixes,
  FLEET_CLUSTER_ABOVE,
  fleetClustered,
  fleetSingles,
  fleetClusters,
} from '../../../renderer/src/map/layers/vehicleData';
import { CLOSE_HEIGHT_M } from '../../../renderer/src/state/layers';

/** A 4 × 3 km city with `n` parts of two classes on a fixed pseudo-random sequence. */
function city(n: number): PartsColumnar {
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const parts: PartsColumnar = {
    count: n,
    categories: ['part-0101', 'part-0305'],
    id: [],
    cat: [],
    lon: [],
    lat: [],
    abnormal: [],
  };
  for (let i = 0; i < n; i++) {
    parts.id.push(`3298010101${String(i).padStart(6, '0')}`);
    parts.cat.push(i % 3 === 0 ? 1 : 0);
    parts.lon.push(119.15 + rand() * 0.044);
    parts.lat.push(34.58 + rand() * 0.027);
    parts.abnormal.push(i % 50 === 0 ? 1 : 0);
  }
  return parts;
}

describe('parts level of detail', () => {
  const parts = city(20_000);
  const groups = partsByClass(parts);

  test('clusters count every part once, in its own class, with its abnormal ones', () => {
    const clusters = clusterParts(parts, groups);
    const total = (cls: string) => clusters.filter((c) => c.cls === cls).reduce((n, c) => n + c.count, 0);
    assert.equal(total('01'), groups['01'].length);
    assert.equal(total('03'), groups['03'].length);
    assert.equal(
      clusters.reduce((n, c) => n + c.abnormal, 0),
      parts.abnormal.filter(Boolean).length,
    );
    // A 4 × 3 km city on a 400 m grid: at most ~11 × 8 cells per class, far fewer points than parts.
    assert.ok(clusters.length <= 2 * 12 * 9, `${clusters.length} clusters`);
    for (const c of clusters) {
      assert.ok(c.lon >= 119.15 && c.lon <= 119.194 && c.lat >= 34.58 && c.lat <= 34.607);
    }
  });

  test('tiles partition a class: every part in exactly one ~1 km tile', () => {
    const tiles = partTiles(parts, groups['01']);
    const seen = tiles.flat().sort((a, b) => a - b);
    assert.deepEqual(
      seen,
      [...groups['01']].sort((a, b) => a - b),
    );
    assert.ok(tiles.length >= 12 && tiles.length <= 5 * 4, `${tiles.length} tiles`);
  });

  test('cluster size grows with the count and stays readable', () => {
    assert.equal(clusterSize(1), 3);
    assert.ok(clusterSize(100) > clusterSize(10));
    assert.equal(clusterSize(1_000_000), 10);
  });
});

describe('grid clusters', () => {
  test('every item in one cell, at the mean position of its members, with its flagged ones', () => {
    // Two points 100 m apart share a 500 m cell; one ~2 km east is alone.
    const lon = [119.15, 119.1511, 119.172];
    const lat = [34.6, 34.6, 34.6];
    const cells = gridClusters(
      3,
      (k) => lon[k]!,
      (k) => lat[k]!,
      500,
      34.6,
      (k) => k === 1,
    );
    assert.equal(cells.length, 2);
    const pair = cells.find((c) => c.count === 2)!;
    assert.ok(Math.abs(pair.lon - 119.15055) < 1e-9 && pair.lat === 34.6);
    assert.equal(pair.flagged, 1);
    assert.equal(cells.find((c) => c.count === 1)!.flagged, 0);
    // The same points give the same keys (the layer keeps one point per cell across updates).
    const again = gridClusters(
      3,
      (k) => lon[k]!,
      (k) => lat[k]!,
      500,
      34.6,
    );
    assert.deepEqual(again.map((c) => c.key).sort(), cells.map((c) => c.key).sort());
  });
});

describe('fleet level of detail', () => {
  test('only a large fleet seen from above street level is clustered', () => {
    assert.equal(fleetClustered(CLOSE_HEIGHT_M * 2, FLEET_CLUSTER_ABOVE + 1), true);
    assert.equal(fleetClustered(CLOSE_HEIGHT_M / 2, FLEET_CLUSTER_ABOVE + 1), false);
    // A city's own fleet (a few hundred) stays single at every zoom.
    assert.equal(fleetClustered(50_000, 286), false);
  });

  test('at street level a large fleet is drawn as dots, a city fleet keeps its team symbols', () => {
    assert.equal(fleetSingles(FLEET_CLUSTER_ABOVE + 1), 'dots');
    assert.equal(fleetSingles(10_000), 'dots');
    assert.equal(fleetSingles(FLEET_CLUSTER_ABOVE), 'symbols');
    // The demo city's 286 vehicles.
    assert.equal(fleetSingles(286), 'symbols');
  });

  test('clusters count every vehicle once, where its latest fix is', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const fleet = Array.from({ length: 5_000 }, (_, i) => ({
      id: `V${i}`,
      lon: 119.14 + rand() * 0.08,
      lat: 34.58 + rand() * 0.04,
    }));
    let tracks = applyFixes(new Map(), fleet, 0);
    const before = fleetClusters(tracks);
    assert.equal(
      before.reduce((n, c) => n + c.count, 0),
      5_000,
    );
    // An 8 × 4.5 km area on a 500 m grid: at most 17 × 10 cells.
    assert.ok(before.length <= 17 * 10, `${before.length} cells`);
    // Every vehicle drives 3 km east: the clusters move with the fixes, not with the drawn glide.
    tracks = applyFixes(
      tracks,
      fleet.map((v) => ({ ...v, lon: v.lon + 0.033 })),
      1_000,
    );
    const after = fleetClusters(tracks);
    const meanLon = (cells: typeof before) => cells.reduce((n, c) => n + c.lon * c.count, 0) / 5_000;
    assert.ok(Math.abs(meanLon(after) - meanLon(before) - 0.033) < 1e-6);
    assert.equal(fleetClusters(new Map()).length, 0);
  });
});
