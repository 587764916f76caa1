// The map wall page against a real server: readiness signals, header, globe canvas, sign-in over the
// globe, the case points and fly-to, language switch, a screenshot, and proof that no request leaves
// the machine.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { CityConfig } from '@contract/http';
import { apiToken, bearer, signIn } from './support';

const SCREENSHOT = fileURLToPath(new URL('../output/screenshots/mapwall.png', import.meta.url));
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for URLs that stay on this machine (the local server, or data:/blob: URLs). */
function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

test.describe('map wall (WebGL)', { tag: '@webgl' }, () => {
  test('comes up online with the globe, header, clock and language switch, all offline', async ({
    page,
    context,
    request,
  }) => {
    const requested: string[] = [];
    context.on('request', (req) => requested.push(req.url()));
    const city = CityConfig.parse(await (await request.get('/api/city')).json());
    const token = await apiToken(request, 'supervisor');
    const filed = await request.post('/api/cases', {
      headers: bearer(token),
      data: {
        source: 'hotline',
        categoryId: 'event-0102',
        lon: city.center.lon + 0.004,
        lat: city.center.lat - 0.003,
        address: '解放中路 66 号',
        description: '路边暴露垃圾',
      },
    });
    expect(filed.status()).toBe(201);
    const caseId = ((await filed.json()) as { id: string }).id;

    await page.goto('/');
    await expect(page.locator('body[data-connection="online"]')).toHaveCount(1);
    await expect(page.locator('body[data-map-ready="true"]')).toHaveCount(1, { timeout: 120_000 });

    const header = page.getByRole('banner');
    const title = header.getByRole('heading', { level: 1 });
    await expect(title).toHaveText(`${city.name}城市运行管理服务平台`);
    await expect(page.getByRole('status', { name: '连接状态' })).toContainText('在线');

    const clock = header.locator('time');
    await expect(clock).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
    const firstTick = await clock.textContent();
    await expect(clock).not.toHaveText(firstTick ?? '', { timeout: 5_000 });

    const canvas = page.locator('.map canvas').first();
    await expect(canvas).toBeVisible();
    const box = await canvas.boundingBox();
    expect(box, 'the Cesium canvas has a layout box').not.toBeNull();
    expect(box?.width ?? 0).toBeGreaterThan(640);
    expect(box?.height ?? 0).toBeGreaterThan(360);

    // Nobody is signed in: the login form sits over the globe.
    await expect(page.locator('body[data-auth="anonymous"]')).toHaveCount(1);
    await expect(page.getByRole('form', { name: '值班登录' })).toBeVisible();
    await signIn(page, 'supervisor');

    // The open queue's cases are points on the map; clicking a row flies the camera there.
    const panel = page.getByRole('complementary', { name: '侧边面板' });
    await expect(panel).toContainText('受理立案');
    await expect(page.locator('body[data-map-points="0"]')).toHaveCount(0);
    await panel.locator(`.row[data-case-id="${caseId}"]`).click();
    await expect(page.locator(`body[data-map-focus="${caseId}"]`)).toHaveCount(1, { timeout: 60_000 });

    await panel.getByRole('button', { name: '值班概况' }).click();
    await expect(panel).toContainText('在岗人员');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(title).toHaveText(`${city.nameEn} Operation Management Service Platform`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Online');
    await expect(page.getByRole('complementary', { name: 'Side panel' })).toContainText('Duty overview');
    await expect(page.getByRole('button', { name: 'EN', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await page.getByRole('button', { name: '中文', exact: true }).click();
    await expect(title).toHaveText(`${city.name}城市运行管理服务平台`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    const offenders = requested.filter((url) => !isLocal(url));
    expect(offenders, `requests that left the machine:\n${offenders.join('\n')}`).toEqual([]);
    expect(requested.some((url) => url.includes('/cesium/Assets/Textures/NaturalEarthII/'))).toBe(true);
  });
});
