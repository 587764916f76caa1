// Emergency command on the leaders' briefing (@webgl: the tracks are deck.gl): an incident with units
// committed and two en route shows on the board with its level, type, commander, elapsed time, units by
// status and the ETAs of those en route; a unit's arrival reaches the board through the stream (no
// reload); the last hour's vehicle tracks draw as animated trails by kind. Screenshot at 1920×1080
// (briefing-incidents.png). The tracks are an hour of GPS fixes sent with their times, each vehicle
// driving the demo city's roads (the road graph the server routes on).
import fs from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { Recommendation } from '@contract/incidents';
import { demoRoadGraph } from '../../server/src/incidents/roads';
import { apiToken, bearer, ingestKeyFile, screenshot, signIn } from './support';

const SEED = 20261122;

/** An hour of fixes per vehicle: a walk along the road graph from its nearest node, a fix per node. */
function drive(vehicles: Array<{ id: string; lon: number; lat: number }>, endMs: number) {
  const graph = demoRoadGraph(SEED);
  const { offset, to, seconds } = graph.forward;
  const fixes: Array<{ id: string; lon: number; lat: number; at: string; atMs: number }> = [];
  vehicles.forEach((v, i) => {
    let node = graph.index.nearest(v.lon, v.lat).node;
    let prev = -1;
    let t = endMs - 3_600_000 + (i % 7) * 20_000;
    let rng = i * 7919 + 17;
    while (t < endMs - 30_000) {
      fixes.push({ id: v.id, lon: graph.lon[node]!, lat: graph.lat[node]!, at: '', atMs: t });
      const from = offset[node]!;
      const count = offset[node + 1]! - from;
      if (count === 0) break;
      rng = (rng * 48271) % 2147483647;
      let edge = from + (rng % count);
      if (to[edge] === prev && count > 1) edge = from + ((edge - from + 1) % count);
      prev = node;
      node = to[edge]!;
      t += Math.max(10_000, seconds[edge]! * 1000);
    }
  });
  fixes.sort((a, b) => a.atMs - b.atMs);
  for (const f of fixes) f.at = new Date(f.atMs).toISOString();
  return fixes;
}

async function post(request: APIRequestContext, url: string, data: unknown, headers: Record<string, string>) {
  const r = await request.post(url, { data, headers });
  expect(r.status(), await r.text()).toBeLessThan(300);
}

test('the briefing shows active incidents with their units and the last hour of vehicle tracks @webgl', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const key = { 'x-ingest-key': fs.readFileSync(ingestKeyFile(), 'utf8').trim() };
  const commander = await apiToken(request, 'commander');
  const { vehicles } = (await (
    await request.get('/api/vehicles', { headers: bearer(commander) })
  ).json()) as {
    vehicles: Array<{ id: string; lon: number; lat: number; kind: string }>;
  };

  // An hour of tracks for 60 vehicles of every kind, sent in time order with their times.
  const now = Date.now();
  const every = Math.max(1, Math.floor(vehicles.length / 60));
  const fixes = drive(
    vehicles.filter((_, i) => i % every === 0),
    now,
  );
  for (let i = 0; i < fixes.length; i += 2000)
    await post(
      request,
      '/api/ingest/positions',
      { positions: fixes.slice(i, i + 2000).map(({ id, lon, lat, at }) => ({ id, lon, lat, at })) },
      key,
    );

  // A road collapse, level Ⅱ, with the recommended units committed and two of them en route.
  const site = vehicles[70]!;
  const created = await request.post('/api/incidents', {
    headers: bearer(commander),
    data: {
      title: '解放路路面塌陷',
      categoryId: 'event-0401',
      severity: 2,
      lon: site.lon,
      lat: site.lat + 0.004,
    },
  });
  expect(created.status()).toBe(201);
  const incidentId = ((await created.json()) as { incident: { id: string } }).incident.id;
  const rec = (await (
    await request.get(`/api/incidents/${incidentId}/recommendations`, { headers: bearer(commander) })
  ).json()) as Recommendation;
  const unitIds = rec.picks.flatMap((p) => p.units.map((u) => u.unitId));
  expect(unitIds.length).toBeGreaterThanOrEqual(3);
  const assign = await request.post(`/api/incidents/${incidentId}/commands`, {
    headers: bearer(commander),
    data: { command: 'assign', unitIds },
  });
  expect(assign.status(), await assign.text()).toBe(200);
  // and a gas leak, level Ⅲ, whose units are dispatched
  const gas = await request.post('/api/incidents', {
    headers: bearer(commander),
    data: {
      title: '海连路燃气泄漏',
      categoryId: 'event-0403',
      severity: 3,
      lon: site.lon - 0.01,
      lat: site.lat,
    },
  });
  expect(gas.status()).toBe(201);
  const gasId = ((await gas.json()) as { incident: { id: string } }).incident.id;
  const gasRec = (await (
    await request.get(`/api/incidents/${gasId}/recommendations`, { headers: bearer(commander) })
  ).json()) as Recommendation;
  const gasUnits = gasRec.picks.flatMap((p) => p.units.map((u) => u.unitId)).slice(0, 2);
  await post(
    request,
    `/api/incidents/${gasId}/commands`,
    { command: 'assign', unitIds: gasUnits },
    bearer(commander),
  );
  for (const id of unitIds.slice(0, 2))
    await post(request, `/api/ingest/units/${id}/status`, { status: 'en_route' }, key);

  // The GPS history is written every few seconds: wait until the hour is readable.
  const leader = await apiToken(request, 'leader');
  const q = `from=${new Date(now - 3_600_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`;
  await expect
    .poll(
      async () =>
        (
          (await (await request.get(`/api/playback/tracks?${q}`, { headers: bearer(leader) })).json()) as {
            fixes: unknown[];
          }
        ).fixes.length,
      { timeout: 60_000 },
    )
    .toBeGreaterThan(fixes.length / 2);

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto('/?wall=briefing');
  await signIn(page, 'leader');
  const board = page.getByRole('region', { name: '应急事件 · 力量动态' });
  await expect(board).toHaveAttribute('data-board', 'live');
  const row = board.locator(`li[data-incident-id="${incidentId}"]`);
  await expect(row).toHaveAttribute('data-units', String(unitIds.length));
  await expect(board.locator('ul > li[data-incident-id]').first()).toHaveAttribute(
    'data-incident-id',
    incidentId,
  );
  await expect(board.locator(`li[data-incident-id="${gasId}"]`)).toContainText('Ⅲ 较大');
  await expect(row).toContainText('Ⅱ 重大');
  await expect(row).toContainText('路面塌陷');
  await expect(row).toContainText('指挥长');
  await expect(row.locator('.unit-chip[data-unit-status="en_route"]')).toHaveText('途中 2');
  await expect(row.locator('.brief-board-eta li')).toHaveCount(2);
  await expect(row.locator('.brief-board-eta li').first()).toContainText('预计');

  // An arrival reaches the board through the stream: no reload.
  await post(request, `/api/ingest/units/${unitIds[0]}/status`, { status: 'on_scene' }, key);
  await expect(row.locator('.unit-chip[data-unit-status="on_scene"]')).toHaveText('到场 1');
  await expect(row.locator('.unit-chip[data-unit-status="en_route"]')).toHaveText('途中 1');
  await expect(row.locator('.brief-board-eta li')).toHaveCount(1);

  const tracks = page.locator('canvas[data-tracks-count]');
  await expect(tracks).toHaveAttribute('data-tracks-ready', 'true', { timeout: 60_000 });
  expect(Number(await tracks.getAttribute('data-tracks-count'))).toBeGreaterThanOrEqual(50);
  await expect(page.locator('canvas[data-hex-ready="true"]')).toHaveCount(1, { timeout: 60_000 });
  await screenshot(page, 'briefing-incidents');
  await context.close();
});
