// ROUTING_URL: an OSRM-compatible /table and /route service over real HTTP (a small fake on loopback),
// its ETAs used for the recommendation, and null (the in-process fallback) when it fails or is slow.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import {
  buildRoadGraph,
  recommendUnits,
  Searcher,
  shortlistUnits,
} from '../../../server/src/domain/incidents/index';
import { osrmEngine } from '../../../server/src/incidents/osrm';

let server: http.Server;
let base = '';
const seen: string[] = [];

before(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/broken')) return res.writeHead(500).end();
    if (url.pathname.startsWith('/slow')) return setTimeout(() => res.end('{}'), 500);
    res.setHeader('content-type', 'application/json');
    if (url.pathname.startsWith('/table/v1/driving/')) {
      const n = (url.searchParams.get('sources') ?? '').split(';').length;
      // the second unit is the fastest
      const durations = Array.from({ length: n }, (_, i) => [i === 1 ? 60 : 300 + i]);
      const distances = durations.map(([d]) => [(d as number) * 10]);
      return res.end(JSON.stringify({ code: 'Ok', durations, distances }));
    }
    if (url.pathname.startsWith('/route/v1/driving/'))
      return res.end(
        JSON.stringify({
          code: 'Ok',
          routes: [
            {
              geometry: {
                coordinates: [
                  [119.1, 34.6],
                  [119.2, 34.6],
                ],
              },
            },
          ],
        }),
      );
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const now = new Date('2026-12-06T08:00:00Z');
const unit = (id: string, lon: number) => ({
  id,
  kind: 'repair' as const,
  departmentId: 'gas',
  districtCode: null,
  status: 'available' as const,
  statusSince: now,
  incidentId: null,
  lon,
  lat: 34.6,
  lastFixAt: now,
});

test('table: one request for all shortlisted units; its ETAs rank the recommendation', async () => {
  const graph = buildRoadGraph({
    nodes: [
      [119.2, 34.6],
      [119.21, 34.6],
      [119.22, 34.6],
    ],
    edges: [
      { a: 0, b: 1, lengthM: 900, speedKmh: 30 },
      { a: 1, b: 2, lengthM: 900, speedKmh: 30 },
    ],
  });
  const input = {
    graph,
    searcher: new Searcher(graph),
    site: { lon: 119.2, lat: 34.6, districtCode: null },
    needs: [{ kind: 'repair' as const, departmentId: 'gas', count: 1 }],
    units: [unit('near', 119.21), unit('far', 119.22)],
    now,
  };
  const shortlist = shortlistUnits(input);
  assert.deepEqual(shortlist.map((u) => u.id).sort(), ['far', 'near']);
  const etas = await osrmEngine(base).table([119.2, 34.6], shortlist);
  assert.ok(etas);
  assert.equal(seen.filter((u) => u.startsWith('/table')).length, 1);
  assert.match(seen.at(-1) ?? '', /destinations=0/);
  const second = shortlist[1]!.id;
  assert.equal(second, 'far', 'shortlisted nearest first by straight line');
  assert.deepEqual(etas.get(second), { etaS: 60, roadM: 600 });
  const r = recommendUnits({ ...input, options: { external: etas } });
  assert.equal(r.picks[0]!.units[0]!.unitId, second, 'the engine says the second is fastest');
  assert.equal(r.settled, 0, 'no in-process search');
  const inProcess = recommendUnits(input);
  assert.equal(inProcess.picks[0]!.units[0]!.unitId, 'near');
});

test('route geometry; a failing or slow engine gives null (the in-process router answers)', async () => {
  assert.deepEqual(await osrmEngine(base).route([119.1, 34.6], [119.2, 34.6]), [
    [119.1, 34.6],
    [119.2, 34.6],
  ]);
  assert.equal(await osrmEngine(`${base}/broken`).table([119.2, 34.6], [unit('a', 119.21)]), null);
  assert.equal(await osrmEngine(`${base}/slow`, 100).route([119.1, 34.6], [119.2, 34.6]), null);
  assert.equal(await osrmEngine('http://127.0.0.1:9').table([119.2, 34.6], [unit('a', 119.21)]), null);
});
