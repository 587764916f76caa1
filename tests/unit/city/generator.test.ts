import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';
import { buildDivisions, buildGridCells } from '../../../server/src/city/city';
import { cityGeometry } from '../../../server/src/city/geometry';
import { makeGraph, shortestPath } from '../../../server/src/city/geometry/routing';
import { buildInventory, inventoryHash } from '../../../server/src/city/inventory';
import { SimWorld, type SimDevices } from '../../../server/src/sim/world';

const cells = buildGridCells(buildDivisions());
const SIZE = { parts: 5000, cameras: 300 };
const geometryHash = (seed: number) => {
  const g = cityGeometry(seed);
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([g.roads.nodes, g.roads.edges, g.roads.bridges, g.blocks, g.buildings()]))
    .digest('hex');
};

function devicesOf(seed: number): SimDevices {
  const inv = buildInventory(seed, cells, SIZE);
  return {
    sensors: inv.sensors.map((s) => ({ id: s.id, type: s.type, intervalS: s.intervalS })),
    cameras: inv.cameras.map((c) => ({ id: c.id, owner: c.owner })),
    vehicles: inv.vehicles.map((v) => ({ id: v.id, kind: v.kind, lon: v.lon, lat: v.lat })),
    inspectors: [{ id: 'u-inspector-329801', lon: 119.15, lat: 34.61 }],
  };
}

describe('the demo city generator', () => {
  test('same seed, same city and inventory; another seed, another city', () => {
    assert.equal(geometryHash(7), geometryHash(7));
    assert.notEqual(geometryHash(7), geometryHash(8));
    const a = inventoryHash(buildInventory(7, cells, SIZE));
    assert.equal(a, inventoryHash(buildInventory(7, cells, SIZE)));
    assert.notEqual(a, inventoryHash(buildInventory(8, cells, SIZE)));
  });

  test('the default city: ~20,000 buildings, a connected road graph with bridges over the river', () => {
    const g = cityGeometry(20261122);
    const buildings = g.buildings();
    assert.ok(buildings.length > 18_000 && buildings.length < 26_000, `${buildings.length} buildings`);
    assert.ok(buildings.every((b) => b.height > 0 && b.x1 > b.x0 && b.y1 > b.y0));
    assert.ok(
      buildings.every((b) => !g.water.isWet((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2)),
      'no building in the water',
    );
    assert.ok(g.roads.bridges.length >= 5);
    const graph = makeGraph(g.roads.nodes, g.roads.edges);
    const path = shortestPath(graph, 0, g.roads.nodes.length - 1);
    assert.ok(path && path.length > 1000, 'the far corners are connected');
  });

  test('inventory IDs follow the standards', () => {
    const inv = buildInventory(20261122, cells, SIZE);
    assert.ok(inv.parts.every((p) => /^\d{16}$/.test(p.id) && p.id.slice(6, 10) === p.categoryId.slice(5)));
    assert.equal(new Set(inv.parts.map((p) => p.id)).size, inv.parts.length);
    assert.ok(inv.cameras.every((c) => /^\d{8}\d{2}13[12]6\d{6}$/.test(c.id) && c.id.length === 20));
    assert.equal(new Set(inv.cameras.map((c) => c.id)).size, inv.cameras.length);
    assert.equal(inv.sensors.length, 5000);
    assert.ok(inv.vehicles.length >= 250 && inv.vehicles.length <= 350);
  });
});

describe('the simulator world', () => {
  const run = (seed: number, steps: number, options = {}) => {
    const world = new SimWorld(seed, devicesOf(seed), Date.parse('2026-11-23T02:00:00Z'), options);
    return Array.from({ length: steps }, () => world.next());
  };
  const digest = (steps: unknown[]) =>
    crypto.createHash('sha256').update(JSON.stringify(steps)).digest('hex');

  test('same seed and start, same sequence; another seed differs', () => {
    assert.equal(digest(run(3, 30)), digest(run(3, 30)));
    assert.notEqual(digest(run(3, 30)), digest(run(4, 30)));
  });

  test('every sensor reports once a simulated minute; vehicles move along roads', () => {
    const steps = run(5, 6, { offlineRate: 0, anomalyRate: 0 });
    const ids = steps.flatMap((s) => s.readings.map((r) => r.sensorId));
    assert.equal(ids.length, 5000);
    assert.equal(new Set(ids).size, 5000);
    const first = steps[0]?.positions.find((p) => p.speedKmh > 0);
    const later = steps[5]?.positions.find((p) => p.id === first?.id);
    assert.ok(
      first && later && (first.lon !== later.lon || first.lat !== later.lat),
      'a moving vehicle moved',
    );
  });

  test('anomalies drift across thresholds and devices fall silent', () => {
    const steps = run(6, 60, { anomalyRate: 0.02, offlineRate: 0.002 });
    const gas = steps.flatMap((s) => s.readings.filter((r) => r.sensorId.startsWith('GAS')));
    assert.ok(
      gas.some((r) => r.value >= 25),
      'some gas reading crosses 25 %LEL',
    );
    const counts = new Map<string, number>();
    for (const s of steps)
      for (const r of s.readings) counts.set(r.sensorId, (counts.get(r.sensorId) ?? 0) + 1);
    assert.ok(
      [...counts.values()].some((n) => n < 10),
      'some sensor missed readings',
    );
  });
});
