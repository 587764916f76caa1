// Level of detail of the parts layer: clusters at city zoom keep every part counted once in its class,
// tiles at street zoom partition the parts, and cluster sizes grow with their count within bounds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PartsColumnar } from '@contract/city';
import { partsByClass } from '../../../renderer/src/map/layers/model';
import { clusterParts, clusterSize, partTiles } from '../../../renderer/src/map/layers/partsLod';

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
