// The map's data layers against a real server: the city's base tiles and 3D buildings, layer toggles
// whose counts match the API, grid cells at street level, the deck.gl heat view, search that flies the
// map, screenshots at city and street zoom, and proof that every request stayed on this machine.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CityConfig } from '@contract/http';
import { SCREENSHOTS, apiToken, bearer, ingestKeyFile, signIn } from './support';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const isLocal = (url: string) => {
  const parsed = new URL(url);
  return ['data:', 'blob:', 'about:'].includes(parsed.protocol) || LOCAL_HOSTS.has(parsed.hostname);
};

/** Waits until the globe and buildings have no tiles left to load (window.__cityOpsMap.idle()). */
async function mapIdle(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          (globalThis as unknown as { __cityOpsMap?: { idle(): boolean } }).__cityOpsMap?.idle(),
        ),
      {
        timeout: 60_000,
        intervals: [250, 500, 1_000],
      },
    )
    .toBe(true);
}

/** Moves the map's camera (window.__cityOpsMap.view): above lon/lat at heightM, pitched pitchDeg. */
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

const layerRow = (page: Page, id: string) =>
  page.getByRole('region', { name: '地图图层' }).locator(`li[data-layer="${id}"]`);

async function toggleAndCount(page: Page, id: string, expected: number) {
  await layerRow(page, id).getByRole('checkbox').first().check();
  await expect(layerRow(page, id).locator('.layers-count').first()).toHaveAttribute(
    'data-count',
    String(expected),
    {
      timeout: 60_000,
    },
  );
}

test.describe('map layers (WebGL)', { tag: '@webgl' }, () => {
  test('city tiles, buildings and data layers with counts that match the API, all offline', async ({
    page,
    context,
    request,
  }) => {
    test.setTimeout(150_000);
    const requested: string[] = [];
    context.on('request', (req) => requested.push(req.url()));
    const city = CityConfig.parse(await (await request.get('/api/city')).json());
    const token = await apiToken(request, 'supervisor');
    const api = async <T>(p: string) =>
      (await (await request.get(`/api${p}`, { headers: bearer(token) })).json()) as T;
    type Fc = { features: Array<{ properties: { level: string } }> };
    const districts = (await api<Fc>('/divisions?level=district')).features.filter(
      (f) => f.properties.level === 'district',
    ).length;
    const streets = (await api<Fc>('/divisions?level=street')).features.filter(
      (f) => f.properties.level === 'street',
    ).length;
    const cameras = (await api<{ cameras: unknown[] }>('/cameras')).cameras.length;
    const sensors = (await api<{ sensors: unknown[] }>('/sensors')).sensors.length;
    const fleet = (await api<{ vehicles: Array<{ id: string; lon: number; lat: number }> }>('/vehicles'))
      .vehicles;
    const vehicles = fleet.length;
    const parts = await api<{ count: number; id: string[]; lon: number[]; lat: number[] }>('/parts/columnar');

    await page.goto('/');
    await expect(page.locator('body[data-map-ready="true"]')).toHaveCount(1, { timeout: 120_000 });
    await signIn(page, 'supervisor');
    await expect(page.locator('body[data-map-buildings="ready"]')).toHaveCount(1, { timeout: 60_000 });

    // On by default: active cases (from the live stream's snapshot), divisions and alarms.
    const active =
      'reported,verifying,accepted,opened,returned,dispatched,handling,reworked,handled,checking,suspended';
    const { total } = await api<{ total: number }>(`/cases?state=${active}&limit=1`);
    await expect(layerRow(page, 'cases').locator('.layers-count').first()).toHaveAttribute(
      'data-count',
      String(total),
      { timeout: 60_000 },
    );
    await expect(layerRow(page, 'divisions').locator('.layers-count')).toHaveAttribute(
      'data-count',
      String(districts + streets),
      { timeout: 60_000 },
    );
    await toggleAndCount(page, 'cameras', cameras);
    await toggleAndCount(page, 'sensors', sensors);
    await toggleAndCount(page, 'vehicles', vehicles);
    // GPS fixes reach the map through the socket's live feed (inside the viewport), not a poll.
    const key = { 'x-ingest-key': fs.readFileSync(ingestKeyFile(), 'utf8').trim() };
    const moved = fleet.slice(0, 5).map((v) => ({ id: v.id, lon: v.lon + 0.0005, lat: v.lat + 0.0003 }));
    expect(
      (await request.post('/api/ingest/positions', { data: { positions: moved }, headers: key })).status(),
    ).toBe(200);
    await expect(page.locator('body')).toHaveAttribute('data-live-items', /^[1-9]\d*:/, { timeout: 15_000 });
    await toggleAndCount(page, 'parts', parts.count);
    await expect(page.locator('body')).toHaveAttribute('data-map-layers', /parts:\d+/);

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await mapIdle(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-city.png') });

    // Street level: grid cells appear (only when close), buildings in perspective.
    await layerRow(page, 'grid').getByRole('checkbox').check();
    await viewAt(page, city.center.lon, city.center.lat - 0.012, 1_400, -40);
    await expect(layerRow(page, 'grid').locator('.layers-count')).not.toHaveAttribute('data-count', /^0?$/, {
      timeout: 60_000,
    });
    await mapIdle(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-street.png') });

    // The deck.gl heat view renders (in its own 2D canvas).
    await layerRow(page, 'heat').getByRole('checkbox').check();
    await expect(page.locator('body[data-heat-ready="true"]')).toHaveCount(1, { timeout: 60_000 });

    // Search by a 16-digit part ID flies the map there.
    const partId = parts.id[123] ?? '';
    const search = page.getByRole('search');
    await search.getByRole('searchbox').fill(partId);
    await search.getByRole('button').click();
    await expect(page.locator(`body[data-map-focus="part:${partId}"]`)).toHaveCount(1, { timeout: 60_000 });

    // Hover and click in English: the tooltip and the pick detail speak the interface language. Only
    // the parts stay on (the heat view's canvas would take the pointer); the camera looks straight down
    // at a part, so it is under the canvas centre (a part inside a building's footprint picks the
    // building instead: then the next one).
    for (const id of ['heat', 'grid', 'cases', 'alarms', 'cameras', 'sensors', 'vehicles'])
      await layerRow(page, id).getByRole('checkbox').first().uncheck();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    const box = await page.locator('.cesium-widget canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const tooltip = page.getByRole('tooltip');
    let hovered: { id: string; text: string } | null = null;
    for (const i of [123, 4_567, 20_000, 45_000, 77_777, 99_000]) {
      const [lon, lat] = [parts.lon[i] ?? 0, parts.lat[i] ?? 0];
      await viewAt(page, lon, lat, 250, -90);
      // The tooltip follows picks at most ~6 times a second: move a little, a few times.
      for (let k = 0; k < 8 && !hovered; k++) {
        await page.mouse.move(cx + (k % 2), cy);
        await page.waitForTimeout(250);
        if (await tooltip.isVisible())
          hovered = { id: parts.id[i] ?? '', text: (await tooltip.textContent()) ?? '' };
      }
      if (hovered) break;
    }
    expect(hovered, 'a part under the pointer shows a tooltip').not.toBeNull();
    // "Part <category name in English> <part ID>": the category named from the reference data.
    expect(hovered?.text).toMatch(/^Part [A-Za-z].* \d{16}$/);
    expect(hovered?.text).not.toContain('part-');
    await page.mouse.click(cx, cy);
    const detail = page.locator(`.layers-pick[data-pick="part:${hovered?.id ?? ''}"]`);
    await expect(detail).toBeVisible({ timeout: 10_000 });
    await expect(detail.locator('p')).toHaveText(hovered?.text ?? '');
    await expect(detail.locator('dt').filter({ hasText: /^Category$/ })).toHaveCount(1, { timeout: 30_000 });
    await expect(detail.locator('dt').filter({ hasText: /^Longitude$/ })).toHaveCount(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-pick-en.png') });

    // A camera that goes offline greys out live and says so when hovered (a live `camera` event makes
    // the layer read the list again and recolour what changed).
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await layerRow(page, 'parts').getByRole('checkbox').first().uncheck();
    await layerRow(page, 'cameras').getByRole('checkbox').first().check();
    const { cameras: cameraList } = await api<{
      cameras: Array<{ id: string; name: string; lon: number; lat: number; status: string }>;
    }>('/cameras');
    const camera = cameraList.find((c) => c.status === 'online');
    if (!camera) throw new Error('no online camera');
    await viewAt(page, camera.lon, camera.lat, 250, -90);
    const hoverText = async () => {
      await page.mouse.move(cx + 1, cy);
      await page.mouse.move(cx, cy);
      return (await tooltip.isVisible()) ? await tooltip.textContent() : null;
    };
    await expect.poll(hoverText, { timeout: 20_000 }).toBe(`视频点位 ${camera.name}`);
    const offline = await request.post('/api/ingest/cameras/status', {
      data: { items: [{ cameraId: camera.id, status: 'offline' }] },
      headers: key,
    });
    expect(offline.status()).toBe(200);
    await expect.poll(hoverText, { timeout: 20_000 }).toBe(`视频点位 ${camera.name}（离线）`);
    await request.post('/api/ingest/cameras/status', {
      data: { items: [{ cameraId: camera.id, status: 'online' }] },
      headers: key,
    });

    const remote = requested.filter((url) => !isLocal(url));
    expect(remote, 'requests that left the machine').toEqual([]);
    expect(requested.some((url) => url.includes('/tiles/base/'))).toBe(true);
    expect(requested.some((url) => url.includes('/tiles/buildings/'))).toBe(true);
  });
});
