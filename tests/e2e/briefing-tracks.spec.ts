// Tracks of a chosen team for a chosen day on the leaders' briefing (@webgl: the tracks are deck.gl): one
// team's vehicles drive the demo city's roads yesterday afternoon and in the last hour, another team's in
// the last hour too; the leader picks the team, then yesterday, then today, and the tracks view shows that
// team's trips only (as many vehicles as the server's filtered answer has, `data-tracks="<team>:<trips>"`),
// under a city-time label. Screenshots at 1920×1080 and 3840×2160 (briefing-tracks-*.png).
import fs from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { PlaybackTracks } from '@contract/playback';
import { demoRoadGraph } from '../../server/src/incidents/roads';
import { apiToken, bearer, ingestKeyFile, screenshot, signIn } from './support';

const SEED = 20261122;
const DAY_MS = 86_400_000;
const CITY_MS = 8 * 3_600_000;

interface Vehicle {
  id: string;
  lon: number;
  lat: number;
  teamId: string;
}

/** Fixes along the road graph from each vehicle's nearest node, one per node, over [fromMs, toMs). */
function drive(vehicles: Vehicle[], fromMs: number, toMs: number) {
  const graph = demoRoadGraph(SEED);
  const { offset, to, seconds } = graph.forward;
  const fixes: Array<{ id: string; lon: number; lat: number; atMs: number }> = [];
  vehicles.forEach((v, i) => {
    let node = graph.index.nearest(v.lon, v.lat).node;
    let rng = i * 7919 + 17;
    for (let t = fromMs + (i % 5) * 15_000; t < toMs;) {
      fixes.push({ id: v.id, lon: graph.lon[node]!, lat: graph.lat[node]!, atMs: t });
      const from = offset[node]!;
      const count = offset[node + 1]! - from;
      if (count === 0) break;
      rng = (rng * 48271) % 2147483647;
      const edge = from + (rng % count);
      node = to[edge]!;
      t += Math.max(15_000, seconds[edge]! * 1000);
    }
  });
  return fixes.sort((a, b) => a.atMs - b.atMs);
}

async function send(request: APIRequestContext, fixes: ReturnType<typeof drive>) {
  const key = { 'x-ingest-key': fs.readFileSync(ingestKeyFile(), 'utf8').trim() };
  for (let i = 0; i < fixes.length; i += 2000) {
    const positions = fixes
      .slice(i, i + 2000)
      .map(({ id, lon, lat, atMs }) => ({ id, lon, lat, at: new Date(atMs).toISOString() }));
    const r = await request.post('/api/ingest/positions', { data: { positions }, headers: key });
    expect(r.status(), await r.text()).toBeLessThan(300);
  }
}

/** The vehicles with at least two fixes in the server's answer for the team and the day. */
async function vehiclesOnDay(
  request: APIRequestContext,
  token: string,
  team: string,
  fromMs: number,
  toMs: number,
) {
  const q = `from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}&team=${team}`;
  const r = await request.get(`/api/playback/tracks?${q}`, { headers: bearer(token) });
  expect(r.status()).toBe(200);
  const body = (await r.json()) as PlaybackTracks;
  const n = new Map<string, number>();
  for (const f of body.fixes) n.set(f.vehicleId, (n.get(f.vehicleId) ?? 0) + 1);
  return [...n.values()].filter((count) => count >= 2).length;
}

test('the leader picks a team and a day; the tracks view shows that team’s trips @webgl', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const leader = await apiToken(request, 'leader');
  const { vehicles, teams } = (await (
    await request.get('/api/vehicles', { headers: bearer(leader) })
  ).json()) as {
    vehicles: Vehicle[];
    teams: Array<{ id: string; name: string }>;
  };
  const sizeOf = (id: string) => vehicles.filter((v) => v.teamId === id).length;
  const team = teams.filter((t) => sizeOf(t.id) >= 8)[0]!;
  const other = teams.filter((t) => t.id !== team.id && sizeOf(t.id) >= 5).at(-1)!;
  const ours = vehicles.filter((v) => v.teamId === team.id);
  const theirs = vehicles.filter((v) => v.teamId === other.id);

  // Yesterday 13:00–17:00 city time for the team, then the last hour for both teams (in time order, as
  // the tracker takes each vehicle's fixes).
  const now = Date.now();
  const todayStart = Math.floor((now + CITY_MS) / DAY_MS) * DAY_MS - CITY_MS;
  const yesterday = { from: todayStart - DAY_MS, to: todayStart };
  await send(request, drive(ours, yesterday.from + 13 * 3_600_000, yesterday.from + 17 * 3_600_000));
  await send(request, drive([...ours, ...theirs], now - 3_600_000, now - 30_000));

  // The GPS history is written every few seconds: wait until both days are readable through the filter.
  let yesterdayVehicles = 0;
  await expect
    .poll(
      async () =>
        (yesterdayVehicles = await vehiclesOnDay(request, leader, team.id, yesterday.from, yesterday.to)),
      {
        timeout: 60_000,
      },
    )
    .toBeGreaterThan(0);
  let todayVehicles = 0;
  await expect
    .poll(
      async () => (todayVehicles = await vehiclesOnDay(request, leader, team.id, todayStart, Date.now())),
      {
        timeout: 60_000,
      },
    )
    .toBe(ours.length);

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto('/?wall=briefing');
  await signIn(page, 'leader');
  const view = page.locator('figure.brief-tracks');
  const canvas = view.locator('canvas.brief-hex');
  // every vehicle, the last hour: at least both teams
  await expect(canvas).toHaveAttribute('data-tracks', /^all:\d+$/, { timeout: 90_000 });
  expect(Number(await canvas.getAttribute('data-tracks-vehicles'))).toBeGreaterThanOrEqual(
    ours.length + theirs.length,
  );

  // The team, yesterday: only its vehicles, as many as the server's filtered answer has.
  await view.getByRole('combobox', { name: '车队' }).selectOption(team.id);
  await view.getByRole('button', { name: '昨天' }).click();
  await expect(view.getByRole('button', { name: '昨天' })).toHaveAttribute('aria-pressed', 'true');
  await expect(canvas).toHaveAttribute('data-tracks', new RegExp(`^${team.id}:[1-9]\\d*$`), {
    timeout: 90_000,
  });
  await expect(canvas).toHaveAttribute('data-tracks-vehicles', String(yesterdayVehicles));
  await expect(view.locator('.brief-tracks-clock')).toContainText(
    new Date(yesterday.from + CITY_MS).toISOString().slice(0, 10),
  );
  await expect(view.locator('.brief-tracks-clock span')).toHaveText(/^\d{2}:\d{2}$/);
  await expect(view.locator('figcaption')).toContainText(`${yesterdayVehicles} 辆`);
  await screenshot(page, 'briefing-tracks-1920');

  // Today: the last hour's drive of the same team, not the other team's.
  await view.getByRole('button', { name: '今天' }).click();
  await expect(canvas).toHaveAttribute('data-tracks-vehicles', String(todayVehicles), { timeout: 90_000 });
  await expect(canvas).toHaveAttribute('data-tracks', new RegExp(`^${team.id}:[1-9]\\d*$`));
  await expect(view.locator('.brief-tracks-clock')).toContainText('今天');

  // The wall: yesterday again, drawn for 3840×2160.
  await view.getByRole('button', { name: '昨天' }).click();
  await expect(canvas).toHaveAttribute('data-tracks-vehicles', String(yesterdayVehicles), {
    timeout: 90_000,
  });
  await page.setViewportSize({ width: 3840, height: 2160 });
  await expect(canvas).toHaveAttribute('data-tracks-size', '3840x2160', { timeout: 90_000 });
  await expect(canvas).toHaveAttribute('data-tracks-ready', 'true');
  await screenshot(page, 'briefing-tracks-3840');

  // In English the team has an English name (department, kind, number) and the day buttons say so.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(view.getByRole('combobox', { name: 'Team' }).locator('option:checked')).toHaveText(
    / team \d+$/,
  );
  await expect(view.getByRole('button', { name: 'Yesterday' })).toHaveAttribute('aria-pressed', 'true');
  await context.close();
});
