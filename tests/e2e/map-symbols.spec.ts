// The map's symbols after the layer refactor (ADR 0023), against a real server: active cases filed
// over the API, an alarm raised by sensor readings and the fleet, drawn by their layers (counts match),
// vehicles as their team's symbol; the legend shows the same vehicle symbols. Screenshots:
// maplayers-after.png (the city), maplayers-street.png (a few streets) and maplayers-legend.png.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { SensorView, VehicleView } from '@contract/city';
import { CityConfig } from '@contract/http';
import { SCREENSHOTS, apiToken, bearer, filePublicReport, ingestKeyFile, signIn } from './support';

const layerRow = (page: Page, id: string) =>
  page.getByRole('region', { name: '地图图层' }).locator(`li[data-layer="${id}"]`);

const layerCount = (page: Page, id: string) =>
  page
    .locator('body')
    .getAttribute('data-map-layers')
    .then((s) => {
      const hit = (s ?? '').split(',').find((p) => p.startsWith(`${id}:`));
      return hit ? Number(hit.slice(id.length + 1)) : -1;
    });

test.describe('map symbols (WebGL)', { tag: '@webgl' }, () => {
  test('cases, an alarm and vehicles by team on the map; the legend shows the vehicle symbols', async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    const city = CityConfig.parse(await (await request.get('/api/city')).json());
    const token = await apiToken(request, 'supervisor');
    const { vehicles } = (await (await request.get('/api/vehicles', { headers: bearer(token) })).json()) as {
      vehicles: VehicleView[];
    };
    expect(new Set(vehicles.map((v) => v.kind)).size, 'the fleet has several teams').toBeGreaterThan(1);
    // Everything around the vehicle nearest the city's centre, so one view shows all three.
    const near = (p: { lon: number; lat: number }) =>
      Math.hypot(p.lon - city.center.lon, (p.lat - city.center.lat) * 1.2);
    const anchor = vehicles.reduce((best, v) => (near(v) < near(best) ? v : best));
    const { lon, lat } = anchor;
    // Three reports around it: active cases on the map.
    for (const [i, [dx, dy]] of [
      [0.003, 0.001],
      [-0.004, -0.002],
      [0.001, -0.004],
    ].entries())
      await filePublicReport(request, token, {
        categoryId: 'event-0505',
        lon: lon + (dx ?? 0),
        lat: lat + (dy ?? 0),
        address: `解放东路 ${10 + i} 号`,
        description: '机动车占用盲道停放（地图符号测试）',
      });
    // Three readings of 31 %LEL on the nearest gas sensor: an open level-2 alarm.
    const { sensors } = (await (await request.get('/api/sensors', { headers: bearer(token) })).json()) as {
      sensors: SensorView[];
    };
    const dist = (p: { lon: number; lat: number }) => Math.hypot(p.lon - lon, p.lat - lat);
    const gas = sensors
      .filter((s) => s.type === 'gas' && s.status === 'normal')
      .reduce<SensorView | undefined>((best, s) => (!best || dist(s) < dist(best) ? s : best), undefined);
    expect(gas, 'a gas sensor in normal state').toBeTruthy();
    const key = { 'x-ingest-key': fs.readFileSync(ingestKeyFile(), 'utf8').trim() };
    for (let i = 0; i < 3; i++) {
      const sent = await request.post('/api/ingest/readings', {
        data: { readings: [{ sensorId: gas?.id, value: 31 }] },
        headers: key,
      });
      expect(sent.status(), await sent.text()).toBe(200);
    }

    await page.goto('/');
    await expect(page.locator('body[data-map-ready="true"]')).toHaveCount(1, { timeout: 120_000 });
    await signIn(page, 'supervisor');
    await layerRow(page, 'vehicles').getByRole('checkbox').first().check();
    await expect.poll(() => layerCount(page, 'vehicles'), { timeout: 60_000 }).toBe(vehicles.length);
    await expect.poll(() => layerCount(page, 'alarms'), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => layerCount(page, 'cases'), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);

    // The alarm's pop-up is put aside for the pictures (the alarm stays open on the map).
    await page.getByRole('button', { name: '知道了' }).click();
    const idle = () =>
      expect
        .poll(
          () =>
            page.evaluate(() =>
              (globalThis as unknown as { __cityOpsMap?: { idle(): boolean } }).__cityOpsMap?.idle(),
            ),
          { timeout: 60_000, intervals: [250, 500, 1_000] },
        )
        .toBe(true);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await idle();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'maplayers-after.png') });
    // A few streets, oblique from the south (the view's centre ~1.3 km north of the camera).
    await page.evaluate(
      ([x, y]) =>
        (
          globalThis as unknown as {
            __cityOpsMap: { view(a: number, b: number, h: number, p: number): void };
          }
        ).__cityOpsMap.view(x, y, 1_500, -50),
      [lon, lat - 0.0115] as const,
    );
    await idle();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'maplayers-street.png') });

    await page.getByRole('button', { name: '图例' }).click();
    const legend = page.getByRole('region', { name: '图例' });
    await expect(legend.locator('img[data-symbol^="vehicle-"]')).toHaveCount(4);
    await legend.screenshot({ path: path.join(SCREENSHOTS, 'maplayers-legend.png') });
  });
});
