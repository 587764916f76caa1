// Emergency command on the map wall: a gas reading above 50 %LEL raises an alarm, the commander
// escalates it to an incident, at least 3 units are recommended by road ETA, all are assigned, their
// routes draw, the vehicles move (their GPS is sent along the route, as the simulator does), the first
// to come within 50 m turns on scene by itself, the timeline lists every step, the incident is closed
// with a summary and the response-time segments are shown. Screenshots at city and street zoom.
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { SensorView } from '@contract/city';
import type { UnitRoute } from '@contract/incidents';
import { acknowledgeOpenAlarms, apiToken, bearer, ingestKeyFile, screenshot, signIn } from './support';

/** Points every `stepM` metres along a path of [lon, lat]. */
function along(path: Array<[number, number]>, stepM: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 1; i < path.length; i++) {
    const [a, b] = [path[i - 1] as [number, number], path[i] as [number, number]];
    const m = Math.hypot((b[0] - a[0]) * 92_000, (b[1] - a[1]) * 111_000);
    const n = Math.max(1, Math.ceil(m / stepM));
    for (let k = 1; k <= n; k++) out.push([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
  }
  return out;
}

test.describe('emergency command on the map wall (WebGL)', { tag: '@webgl' }, () => {
  test('gas alarm → incident → units by road ETA → routes → arrival → close with segments', async ({
    page,
    request,
  }) => {
    test.slow();
    const token = await apiToken(request, 'commander');
    const key = { 'x-ingest-key': fs.readFileSync(ingestKeyFile(), 'utf8').trim() };
    const { sensors } = (await (
      await request.get('/api/sensors?type=gas', { headers: bearer(token) })
    ).json()) as { sensors: SensorView[] };
    const sensor = sensors.filter((s) => s.status === 'normal')[3];
    expect(sensor).toBeTruthy();
    await acknowledgeOpenAlarms(request, token);

    await page.goto('/');
    await expect(page.locator('body[data-map-ready="true"]')).toHaveCount(1, { timeout: 120_000 });
    await signIn(page, 'commander');
    await expect(page.locator('body[data-stream="live"]')).toHaveCount(1, { timeout: 30_000 });

    // Above 50 %LEL: 一级/红 (consecutive readings: the engine debounces single spikes).
    for (const value of [58, 61, 63]) {
      const sent = await post(
        request,
        '/api/ingest/readings',
        { readings: [{ sensorId: sensor!.id, value }] },
        key,
      );
      expect(sent).toBe(200);
    }
    const popup = page.getByRole('alertdialog', { name: '新告警' });
    await expect(popup).toBeVisible({ timeout: 15_000 });
    await expect(popup).toHaveAttribute('data-level', '1');
    await popup.getByRole('button', { name: '确认收到' }).click();
    const alarmDrawer = page.getByRole('complementary', { name: '告警详情' });
    await expect(alarmDrawer).toHaveAttribute('data-alarm-status', 'acknowledged');
    await alarmDrawer.getByRole('button', { name: '升级为应急事件' }).click();
    await expect(alarmDrawer).toHaveAttribute('data-alarm-status', 'confirmed');

    // The incident is on the board (new: flashing); its drawer recommends at least 3 units by road ETA.
    const row = page.locator('[data-incident-id][data-incident-state="reported"]').first();
    await expect(row).toBeVisible({ timeout: 15_000 });
    await row.click();
    const drawer = page.getByRole('complementary', { name: '应急指挥' });
    await expect(drawer).toHaveAttribute('data-incident-state', 'reported');
    const recs = drawer.locator('[data-rec-unit]');
    await expect.poll(() => recs.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await expect(drawer).toContainText('到达最快');
    // the cameras within 300 m, to send to the video wall in one action
    await expect(drawer.getByRole('region', { name: '周边视频' })).toBeVisible();
    const incidentId = (await drawer.getAttribute('data-incident-id')) ?? '';

    // Assign all: the roster fills, routes draw with ETA labels.
    await drawer.getByRole('button', { name: '全部调派' }).click();
    await expect(drawer).toHaveAttribute('data-incident-state', 'dispatched', { timeout: 15_000 });
    const roster = drawer.getByRole('list', { name: '已调派力量' });
    await expect.poll(() => roster.locator('li').count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator('body')).toHaveAttribute('data-incident-routes', /[1-9]/, { timeout: 15_000 });
    await expect(page.locator('body')).toHaveAttribute(
      'data-incident-layer',
      new RegExp(`^${incidentId}:[1-9]`),
    );
    // The map beside the drawer: the panel folded away, the vehicles layer on, the city seen from 9 km.
    await page.getByRole('button', { name: '收起面板' }).click();
    await page.getByRole('checkbox', { name: '作业车辆' }).check();
    const site = (await (
      await request.get(`/api/incidents/${incidentId}/command`, { headers: bearer(token) })
    ).json()) as { incident: { lon: number; lat: number } };
    await viewAt(page, site.incident.lon, site.incident.lat, 9000, -90);
    await mapIdle(page);
    await screenshot(page, 'incident-city');

    // The units turn out and drive their routes (GPS every 40 m); the first within 50 m is on scene by itself.
    const routes = (await (
      await request.get(`/api/incidents/${incidentId}/routes`, { headers: bearer(token) })
    ).json()) as { routes: UnitRoute[] };
    for (const r of routes.routes)
      expect(await post(request, `/api/ingest/units/${r.unitId}/status`, { status: 'en_route' }, key)).toBe(
        200,
      );
    await expect(drawer).toHaveAttribute('data-incident-state', 'responding', { timeout: 15_000 });
    const first = routes.routes.reduce((a, b) => (a.etaS <= b.etaS ? a : b));
    const [siteLon, siteLat] = first.path.at(-1) as [number, number];
    await viewAt(page, siteLon, siteLat - 0.008, 1600, -50);
    const points = along(first.path, 40);
    const halfway = points.slice(0, Math.floor(points.length / 2));
    for (const [lon, lat] of halfway)
      await post(request, '/api/ingest/positions', { positions: [{ id: first.unitId, lon, lat }] }, key);
    await mapIdle(page);
    await screenshot(page, 'incident-street');
    for (const [lon, lat] of points.slice(halfway.length))
      await post(request, '/api/ingest/positions', { positions: [{ id: first.unitId, lon, lat }] }, key);
    await expect(drawer).toHaveAttribute('data-incident-state', 'on_scene', { timeout: 15_000 });
    await expect(roster.locator(`li[data-unit-id="${first.unitId}"]`)).toHaveAttribute(
      'data-unit-status',
      'on_scene',
    );

    // Close with a summary; the timeline lists every step with times; the segments are shown.
    await drawer.getByLabel('处置总结').fill('燃气阀门已关闭，泄漏点封堵，现场警戒解除');
    await drawer.getByRole('button', { name: '结束事件' }).click();
    await expect(drawer).toHaveAttribute('data-incident-state', 'closed', { timeout: 15_000 });
    const timeline = drawer.getByRole('list', { name: '处置时间线' });
    for (const c of ['assign', 'unitStatus', 'close'])
      await expect(timeline.locator(`li[data-command="${c}"]`).first()).toBeVisible();
    await expect(timeline.locator('time').first()).toHaveText(/\d{1,2}:\d{2}:\d{2}/);
    for (const k of ['callProcessingS', 'turnoutS', 'travelS', 'responseS'])
      await expect(drawer.locator(`[data-segment="${k}"]`)).not.toHaveAttribute('data-against', 'none');
    await screenshot(page, 'incident-closed');
  });
});

async function viewAt(page: Page, lon: number, lat: number, heightM: number, pitchDeg: number) {
  await page.evaluate(
    ([x, y, h, p]) =>
      (
        globalThis as unknown as {
          __cityOpsMap: { view(a: number, b: number, h: number, p: number): void };
        }
      ).__cityOpsMap.view(x, y, h, p),
    [lon, lat, heightM, pitchDeg] as const,
  );
}

/** Waits until the globe and buildings have no tiles left to load (window.__cityOpsMap.idle()). */
async function mapIdle(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          (globalThis as unknown as { __cityOpsMap?: { idle(): boolean } }).__cityOpsMap?.idle(),
        ),
      { timeout: 60_000, intervals: [250, 500, 1_000] },
    )
    .toBe(true);
}

async function post(request: APIRequestContext, url: string, data: unknown, headers: Record<string, string>) {
  const r = await request.post(url, { data, headers });
  return r.status();
}
