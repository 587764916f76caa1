// `npm run bench -- dispatch`: unit recommendation latency (shortlist by straight line, then road ETA
// from one search over the reversed road graph), on the demo city's roads with its ~300 vehicles, and
// on a generated road network of 100,000 nodes (a real city's size). Baseline in the same run: the same
// shortlist and ranking with one forward shortest-path search per shortlisted unit.
// Env: BENCH_SITES (default 300 sites per figure), BENCH_LARGE_SIDE (default 317 → 100,489 nodes),
// BENCH_LARGE_UNITS (default 1,200 units on the large network).
import { defaultRunCards } from '../server/src/domain/incidents/runcards';
import {
  buildRoadGraph,
  recommendUnits,
  Searcher,
  type GraphEdgeInput,
  type RoadGraph,
  type UnitSnapshot,
} from '../server/src/domain/incidents/index';
import { buildFleet } from '../server/src/city/fleet';
import { cityGeometry } from '../server/src/city/geometry';
import { rng } from '../server/src/city/random';
import { demoRoadGraph } from '../server/src/incidents/roads';
import type { UnitKind } from '../contract/incidents';

const SITES = Number(process.env.BENCH_SITES ?? 300);
const SIDE = Number(process.env.BENCH_LARGE_SIDE ?? 317);
const LARGE_UNITS = Number(process.env.BENCH_LARGE_UNITS ?? 1200);
const SEED = 20261122;
const now = new Date('2026-12-06T08:00:00Z');
const cards = defaultRunCards();

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] as number;
}
const r2 = (v: number) => Math.round(v * 100) / 100;

function measure(
  graph: RoadGraph,
  units: UnitSnapshot[],
  random: () => number,
  naive: boolean,
  sites: number,
) {
  const searcher = new Searcher(graph);
  const times: number[] = [];
  let settled = 0;
  let picked = 0;
  const chosen: string[] = [];
  for (let i = 0; i < sites; i++) {
    const node = Math.floor(random() * graph.size);
    const site = { lon: graph.lon[node] as number, lat: graph.lat[node] as number, districtCode: null };
    const card = cards[i % cards.length] as (typeof cards)[number];
    const t = performance.now();
    const r = recommendUnits({ graph, searcher, site, needs: card.needs, units, now, options: { naive } });
    times.push(performance.now() - t);
    settled += r.settled;
    picked += r.picks.reduce((s, p) => s + p.units.length, 0);
    chosen.push(r.picks.map((p) => p.units.map((u) => u.unitId).join(',')).join('|'));
  }
  return {
    p50: pct(times, 50),
    p99: pct(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / sites,
    settled: settled / sites,
    picked: picked / sites,
    chosen,
  };
}

// --- the demo city: its roads and its fleet (about 300 vehicles), a fifth of them on foot-patrol inspectors
const geo = cityGeometry(SEED);
const demo = demoRoadGraph(SEED);
const fleet = buildFleet(SEED, geo).vehicles;
const demoRandom = rng(7);
const demoUnits: UnitSnapshot[] = fleet.map((v) => ({
  id: v.id,
  kind: v.kind,
  departmentId: v.departmentId,
  districtCode: null,
  status: demoRandom() < 0.15 ? 'en_route' : 'available',
  statusSince: now,
  incidentId: null,
  lon: v.lon + (demoRandom() - 0.5) * 0.004,
  lat: v.lat + (demoRandom() - 0.5) * 0.004,
  lastFixAt: new Date(now.getTime() - (demoRandom() < 0.05 ? 600_000 : 10_000)),
}));
console.log(
  `demo city: ${demo.size} road nodes, ${demo.forward.to.length} directed edges, ${demoUnits.length} units`,
);
measure(demo, demoUnits, rng(1), false, 30); // warm-up
const demoOurs = measure(demo, demoUnits, rng(2), false, SITES);
const demoNaive = measure(demo, demoUnits, rng(2), true, SITES);
console.log(
  `  ours:  p50 ${r2(demoOurs.p50)} ms, p99 ${r2(demoOurs.p99)} ms, ${Math.round(demoOurs.settled)} nodes settled, ${r2(demoOurs.picked)} units picked per incident`,
);
console.log(
  `  naive: p50 ${r2(demoNaive.p50)} ms, p99 ${r2(demoNaive.p99)} ms, ${Math.round(demoNaive.settled)} nodes settled`,
);

// --- a generated network of SIDE² nodes: a jittered grid (70-130 m blocks), every 8th line an arterial,
// 6 % of links missing, 12 % of local links one way
function largeNetwork(side: number): RoadGraph {
  const random = rng(99);
  const nodes: Array<[number, number]> = [];
  const edges: GraphEdgeInput[] = [];
  const dLon = 1 / 91_700;
  const dLat = 1 / 110_950;
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++)
      nodes.push([
        119 + (x * 100 + (random() - 0.5) * 30) * dLon,
        34.4 + (y * 100 + (random() - 0.5) * 30) * dLat,
      ]);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const id = y * side + x;
      const link = (other: number, arterial: boolean) => {
        if (!arterial && random() < 0.06) return;
        const oneway = !arterial && random() < 0.12;
        const flip = random() < 0.5;
        edges.push({
          a: flip ? other : id,
          b: flip ? id : other,
          lengthM: 100 * (0.85 + random() * 0.3),
          speedKmh: arterial ? 50 : 20 + random() * 15,
          oneway,
        });
      };
      if (x > 0) link(id - 1, y % 8 === 0);
      if (y > 0) link(id - side, x % 8 === 0);
    }
  return buildRoadGraph({ nodes, edges });
}

const t0 = performance.now();
const large = largeNetwork(SIDE);
console.log(
  `large network: ${large.size} nodes, ${large.forward.to.length} directed edges, built in ${Math.round(performance.now() - t0)} ms, ${LARGE_UNITS} units`,
);
const mix: Array<[UnitKind, string | null, number]> = [
  ['sanitation', 'sanitation', 0.38],
  ['enforcement', 'cityadmin', 0.2],
  ['repair', 'municipal', 0.08],
  ['repair', 'water', 0.05],
  ['repair', 'gas', 0.05],
  ['repair', 'drainage', 0.06],
  ['emergency', 'fire', 0.08],
  ['emergency', 'municipal', 0.05],
  ['inspector', null, 0.05],
];
const largeRandom = rng(5);
const largeUnits: UnitSnapshot[] = Array.from({ length: LARGE_UNITS }, (_, i) => {
  let pick = largeRandom();
  const [kind, departmentId] = (mix.find(([, , share]) => (pick -= share) < 0) ?? mix[0]) as [
    UnitKind,
    string | null,
    number,
  ];
  const node = Math.floor(largeRandom() * large.size);
  return {
    id: `U${i}`,
    kind,
    departmentId,
    districtCode: null,
    status: largeRandom() < 0.15 ? 'en_route' : 'available',
    statusSince: now,
    incidentId: null,
    lon: large.lon[node] as number,
    lat: large.lat[node] as number,
    lastFixAt: new Date(now.getTime() - (largeRandom() < 0.05 ? 600_000 : 10_000)),
  };
});
const largeSites = Math.max(20, Math.round(SITES / 3));
measure(large, largeUnits, rng(3), false, 10); // warm-up
const largeOurs = measure(large, largeUnits, rng(4), false, largeSites);
const largeNaive = measure(large, largeUnits, rng(4), true, largeSites);
console.log(
  `  ours:  p50 ${r2(largeOurs.p50)} ms, p99 ${r2(largeOurs.p99)} ms, mean ${r2(largeOurs.mean)} ms, ${Math.round(largeOurs.settled)} nodes settled (${largeSites} sites)`,
);
console.log(
  `  naive: p50 ${r2(largeNaive.p50)} ms, p99 ${r2(largeNaive.p99)} ms, mean ${r2(largeNaive.mean)} ms, ${Math.round(largeNaive.settled)} nodes settled`,
);
const same = (a: string[], b: string[]) => a.filter((x, i) => x === b[i]).length;
console.log(
  `same picks as the baseline: demo ${same(demoOurs.chosen, demoNaive.chosen)}/${SITES}, large ${same(largeOurs.chosen, largeNaive.chosen)}/${largeSites}`,
);
const ratio = largeNaive.mean / largeOurs.mean;
console.log(
  `targets: recommend_p99_ms <= 20, recommend_p99_ms_large <= 50, ratio >= 10 (naive mean / ours mean)`,
);
console.log(
  JSON.stringify({
    recommend_p99_ms: r2(demoOurs.p99),
    recommend_p99_ms_large: r2(largeOurs.p99),
    ratio: r2(ratio),
    demo_nodes: demo.size,
    demo_units: demoUnits.length,
    large_nodes: large.size,
    large_units: LARGE_UNITS,
    naive_p99_ms_large: r2(largeNaive.p99),
  }),
);
