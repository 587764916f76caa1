// The simulator drives a committed vehicle along its road route to the site, holds it there, and
// drives it back to its depot when released.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cityGeometry, toLonLat } from '../../../server/src/city/geometry';
import { rng } from '../../../server/src/city/random';
import { DispatchDriver } from '../../../server/src/sim/dispatch';
import { Movers } from '../../../server/src/sim/movers';
import { distanceMeters } from '../../../server/src/domain/geo';

test('a dispatched vehicle drives to the site, holds on scene, returns to its depot', () => {
  const geo = cityGeometry(20261122);
  const movers = new Movers(geo, rng(1));
  const nodes = geo.roads.nodes;
  const depot = toLonLat(nodes[10]!.x, nodes[10]!.y);
  const siteNode = nodes[Math.floor(nodes.length / 2)]!;
  const site = toLonLat(siteNode.x + 30, siteNode.y + 20); // off the road a little
  movers.addVehicle('V1', 'repair', depot[0], depot[1]);
  const driver = new DispatchDriver(movers);
  const m = movers.all[0]!;
  const where = () => {
    const f = movers.fix(m);
    return [f.lon, f.lat] as [number, number];
  };

  const order = (status: string) => [{ unitId: 'V1', status, site, home: depot }];
  assert.deepEqual(driver.apply(order('dispatched')), [{ unitId: 'V1', status: 'en_route' }]);
  const start = distanceMeters(where(), site);
  let steps = 0;
  let closest = start;
  while (!m.arrived && steps < 2000) {
    movers.advance(10);
    closest = Math.min(closest, distanceMeters(where(), site));
    steps++;
  }
  assert.ok(m.arrived, `arrived after ${steps} steps`);
  assert.ok(distanceMeters(where(), site) < 5);
  assert.ok(driver.holding(m));
  assert.deepEqual(driver.apply(order('on_scene')), []);
  const held = where();
  movers.advance(60);
  assert.deepEqual(where(), held, 'holds on scene');

  assert.deepEqual(driver.apply(order('returning')), []);
  for (steps = 0; !m.arrived && steps < 2000; steps++) movers.advance(10);
  assert.ok(distanceMeters(where(), depot) < 5, 'back at the depot');
  assert.deepEqual(driver.apply(order('returning')), [{ unitId: 'V1', status: 'available' }]);
  driver.apply([]);
  assert.equal(m.goal, undefined);
  assert.equal(m.moving, true, 'patrols again');
});
