// Unit recommendation: one search from the site over the reversed road graph ranks by road ETA,
// not straight line; stale fixes are skipped or flagged; every gap says why.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  buildRoadGraph,
  naiveEtas,
  NodeHeap,
  recommendUnits,
  Searcher,
  type GraphEdgeInput,
  type UnitSnapshot,
} from '../../../server/src/domain/incidents/index';

const LON0 = 119.2;
const LAT0 = 34.6;
const M_LON = 1 / 91_700; // degrees per metre east at 34.6° N
const M_LAT = 1 / 110_950;
const pt = (x: number, y: number): [number, number] => [LON0 + x * M_LON, LAT0 + y * M_LAT];
const now = new Date('2026-12-06T08:00:00Z');

// West bank W0..W2 at x = 0, east bank E0..E2 at x = 200, one bridge at the north end (W2-E2).
const NODES = [pt(0, 0), pt(0, 1000), pt(0, 2000), pt(200, 0), pt(200, 1000), pt(200, 2000)];
const [W0, W1, W2, E0, E1, E2] = [0, 1, 2, 3, 4, 5];
const road = (a: number, b: number, lengthM: number, oneway = false): GraphEdgeInput => ({
  a,
  b,
  lengthM,
  speedKmh: 36,
  oneway,
});
const RIVER = [
  road(W0, W1, 1000),
  road(W1, W2, 1000),
  road(E0, E1, 1000),
  road(E1, E2, 1000),
  road(W2, E2, 200),
];

const unit = (id: string, at: [number, number], over: Partial<UnitSnapshot> = {}): UnitSnapshot => ({
  id,
  kind: 'repair',
  departmentId: 'gas',
  districtCode: 'D1',
  status: 'available',
  statusSince: now,
  incidentId: null,
  lon: at[0],
  lat: at[1],
  lastFixAt: now,
  ...over,
});

const site = { lon: NODES[W0]![0], lat: NODES[W0]![1], districtCode: 'D1' };
const need = (count: number, kind: UnitSnapshot['kind'] = 'repair', departmentId: string | null = 'gas') => ({
  kind,
  departmentId,
  count,
});

function run(units: UnitSnapshot[], needs = [need(1)], edges = RIVER, limitMin = 30) {
  const graph = buildRoadGraph({ nodes: NODES, edges });
  return recommendUnits({
    graph,
    searcher: new Searcher(graph),
    site,
    needs,
    units,
    now,
    options: { limitMin },
  });
}

describe('recommendation', () => {
  test('ranks by road ETA: the unit across the river is closer in a line but farther by road', () => {
    const across = unit('A', NODES[E0]!); // 200 m in a line, 4,200 m by road
    const upstream = unit('B', NODES[W1]!, { districtCode: 'D2' }); // 1,000 m either way
    const r = run([across, upstream], [need(2)]);
    const picked = r.picks[0]!.units;
    assert.deepEqual(
      picked.map((u) => u.unitId),
      ['B', 'A'],
    );
    assert.equal(picked[0]!.roadM, 1000);
    assert.equal(picked[0]!.etaS, 100);
    assert.equal(picked[1]!.roadM, 4200);
    assert.deepEqual(picked[0]!.reasons, ['closest_eta', 'kind_match', 'department_match']);
    assert.ok(picked[1]!.reasons.includes('in_district'));
    assert.deepEqual(r.gaps, []);
  });

  test('searches the reversed graph: a one-way street counts in the direction a unit drives', () => {
    // W0 → W1 is one way (away from the site); E0 → W0 is a one-way bridge towards the site
    const edges = [
      road(W0, W1, 1000, true),
      road(W1, W2, 1000),
      road(E0, E1, 1000),
      road(E1, E2, 1000),
      road(W2, E2, 200),
      road(E0, W0, 200, true),
    ];
    const r = run([unit('B', NODES[W1]!)], [need(1)], edges);
    assert.equal(r.picks[0]!.units[0]!.roadM, 1000 + 200 + 1000 + 1000 + 200);
  });

  test('stale fixes are skipped while fresh units cover the need, flagged when they are all there is', () => {
    const stale = unit('S', NODES[W1]!, { lastFixAt: new Date(now.getTime() - 10 * 60_000) });
    const fresh = unit('F', NODES[W2]!);
    const r1 = run([stale, fresh]);
    assert.deepEqual(
      r1.picks[0]!.units.map((u) => u.unitId),
      ['F'],
    );
    const r2 = run([stale]);
    assert.deepEqual(r2.picks[0]!.units[0]!.reasons.at(-1), 'fix_stale');
    assert.equal(r2.picks[0]!.units[0]!.fixAgeS, 600);
    assert.deepEqual(r2.gaps[0]!.reasons, ['fixes_stale']);
  });

  test('gaps: no unit of that kind, none within the limit', () => {
    const r = run([unit('A', NODES[E0]!)], [need(1), need(1, 'emergency', null)], RIVER, 5);
    const byKind = new Map(r.gaps.map((g) => [g.need.kind, g]));
    assert.deepEqual(byKind.get('repair')?.reasons, ['none_within_limit']); // 420 s > 5 min
    assert.equal(byKind.get('repair')?.limitMin, 5);
    assert.deepEqual(byKind.get('emergency')?.reasons, ['none_available']);
    assert.equal(byKind.get('emergency')?.missing, 1);
  });

  test('busy units are not recommended; a unit fills only one need', () => {
    const busy = unit('X', NODES[W1]!, { status: 'en_route', incidentId: 'I9' });
    const one = unit('Y', NODES[W2]!, { departmentId: 'gas' });
    const r = run([busy, one], [need(1), need(1, 'repair', null)]);
    assert.deepEqual(
      r.picks.map((p) => p.units.map((u) => u.unitId)),
      [['Y'], []],
    );
    assert.equal(r.gaps.length, 1);
  });

  test('one reverse search agrees with one forward search per unit on a random grid', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const side = 30;
    const nodes: Array<[number, number]> = [];
    const edges: GraphEdgeInput[] = [];
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) {
        nodes.push(pt(x * 100, y * 100));
        const id = y * side + x;
        const speed = 20 + Math.floor(random() * 40);
        if (x > 0 && random() > 0.1)
          edges.push({ a: id - 1, b: id, lengthM: 100, speedKmh: speed, oneway: random() < 0.2 });
        if (y > 0 && random() > 0.1)
          edges.push({ a: id - side, b: id, lengthM: 100, speedKmh: speed, oneway: random() < 0.2 });
      }
    const graph = buildRoadGraph({ nodes, edges });
    const searcher = new Searcher(graph);
    const s = { lon: nodes[465]![0], lat: nodes[465]![1], districtCode: null };
    const unitNodes = Array.from({ length: 40 }, () => Math.floor(random() * nodes.length));
    const reverse = searcher.search(465, unitNodes, Infinity, true);
    const viaReverse = unitNodes.map((n) => reverse.seconds(n));
    const viaNaive = naiveEtas(graph, searcher, s, unitNodes, Infinity);
    viaReverse.forEach((v, i) =>
      assert.ok(Math.abs(v - viaNaive[i]!) < 1e-6 || (v === Infinity && viaNaive[i] === Infinity)),
    );
    assert.ok(viaReverse.some(Number.isFinite));
    const route = (() => {
      searcher.search(465, [unitNodes[0]!], Infinity, true);
      return searcher.routeToSite(unitNodes[0]!);
    })();
    if (route.length) assert.equal(route.at(-1), 465);
  });

  test('the heap pops in key order and grows', () => {
    const heap = new NodeHeap(2);
    const keys = [5, 3, 9, 1, 7, 3, 0, 8];
    keys.forEach((k, i) => heap.push(k, i));
    const out: number[] = [];
    while (heap.size) {
      out.push(heap.peekKey());
      heap.pop();
    }
    assert.deepEqual(
      out,
      [...keys].sort((a, b) => a - b),
    );
  });

  test('the nearest node is found across grid cells', () => {
    const graph = buildRoadGraph({ nodes: NODES, edges: RIVER });
    const p = pt(190, 980);
    assert.equal(graph.index.nearest(p[0], p[1]).node, E1);
    const far = pt(-5000, -5000);
    assert.equal(graph.index.nearest(far[0], far[1]).node, W0);
  });
});

describe('recommendation stops early without changing the picks', () => {
  test('same units and ETAs as one forward search per shortlisted unit', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const side = 40;
    const nodes: Array<[number, number]> = [];
    const edges: GraphEdgeInput[] = [];
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) {
        nodes.push(pt(x * 100, y * 100));
        const id = y * side + x;
        if (x > 0)
          edges.push({
            a: id - 1,
            b: id,
            lengthM: 100,
            speedKmh: 20 + random() * 30,
            oneway: random() < 0.1,
          });
        if (y > 0) edges.push({ a: id - side, b: id, lengthM: 100, speedKmh: 20 + random() * 30 });
      }
    const graph = buildRoadGraph({ nodes, edges });
    const kinds = ['repair', 'enforcement', 'sanitation'] as const;
    const units = Array.from({ length: 120 }, (_, i) =>
      unit(`U${i}`, nodes[Math.floor(random() * nodes.length)]!, {
        kind: kinds[i % 3]!,
        departmentId: i % 2 ? 'gas' : 'other',
      }),
    );
    const needs = [
      need(2),
      need(1, 'enforcement', null),
      need(2, 'sanitation', null),
      need(1, 'repair', null),
    ];
    for (let i = 0; i < 20; i++) {
      const at = nodes[Math.floor(random() * nodes.length)]!;
      const s = { lon: at[0], lat: at[1], districtCode: null };
      const args = { graph, searcher: new Searcher(graph), site: s, needs, units, now };
      const ours = recommendUnits(args);
      const naive = recommendUnits({ ...args, options: { naive: true } });
      assert.deepEqual(ours.picks, naive.picks);
      assert.ok(ours.settled < naive.settled);
    }
  });
});
