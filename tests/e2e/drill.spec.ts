// A drill (演练, issue 15) end to end: the trainer signs in on the live map wall, starts the gas-leak
// scenario from the 演练 console, speeds it up and sees its scenario clock and address; 加入演练 opens the
// drill node in a new window, where a trainee (commander) signs in as in live and every screen carries
// the 演练 banner that cannot be closed (map wall, briefing and video-wall windows, 1920×1080 and
// 3840×2160); the commander handles the alarm and the incident (over the drill node's API); the trainer's
// review (复盘) shows those steps with who and when and the response times. Saves drill-console.png,
// drill-banner.png, drill-banner-4k.png, drill-banner-briefing.png and drill-review.png.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { bearer, PASSWORD, screenshot, signIn } from './support';

async function tokenAt(request: APIRequestContext, base: string, username: string): Promise<string> {
  const r = await request.post(`${base.replace(/\/$/, '')}/api/auth/login`, {
    data: { username, password: PASSWORD },
  });
  expect(r.status(), `login ${username} at ${base}`).toBe(200);
  return ((await r.json()) as { token: string }).token;
}

async function expectBanner(page: Page): Promise<void> {
  const banner = page.locator('[data-drill-banner="true"]');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('演练');
  await expect(page.locator('body[data-drill="true"]')).toHaveCount(1);
  // inside the viewport, not covered, nothing to close it with
  const box = await banner.boundingBox();
  const view = page.viewportSize();
  expect(
    box && view && box.y + box.height <= view.height && box.x >= 0 && box.x + box.width <= view.width,
  ).toBe(true);
  expect(await banner.locator('button, a, [role="button"]').count()).toBe(0);
  // The e2e project compiles without the DOM library: the page's objects are described structurally.
  const onTop = await banner.evaluate((node) => {
    type Style = { zIndex: string; pointerEvents: string };
    const el = node as unknown as {
      getBoundingClientRect(): { left: number; top: number; width: number; height: number };
    };
    const w = globalThis as unknown as {
      document: {
        elementFromPoint(x: number, y: number): unknown;
        querySelectorAll(s: string): Iterable<unknown>;
      };
      getComputedStyle(e: unknown): Style;
    };
    const r = el.getBoundingClientRect();
    const hit = w.document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    // The banner takes no clicks (pointer-events: none), so what is under it answers a click; it stays on
    // top when no element of the page has a higher z-index.
    const z = Number(w.getComputedStyle(node).zIndex);
    const higher = [...w.document.querySelectorAll('body *')].some(
      (o) => o !== node && Number(w.getComputedStyle(o).zIndex) > z,
    );
    return { hit: hit !== null, higher, events: w.getComputedStyle(node).pointerEvents };
  });
  expect(onTop).toEqual({ hit: true, higher: false, events: 'none' });
  await expect(page).toHaveTitle(/^【演练】/);
}

test.describe('drills', () => {
  test('a trainer starts the gas-leak drill; a commander handles it on the drill node; the review shows it', async ({
    page,
    context,
    request,
  }) => {
    test.slow();
    // The trainer's console on the live map wall.
    await page.goto('/?map=off');
    await signIn(page, 'trainer');
    await expect(page.locator('[data-workspace="trainer"]')).toBeVisible();
    await expect(page.locator('body[data-drill="false"]')).toHaveCount(1);
    await expect(page.locator('[data-drill-banner]')).toHaveCount(0);
    const gas = page.locator('.drill-card[data-scenario="gas-leak"]');
    await expect(gas).toContainText('燃气泄漏');
    await gas.getByRole('button', { name: '开始演练' }).click();
    const running = page.locator('.drill-card[data-drill-status="running"]');
    await expect(running).toBeVisible({ timeout: 60_000 });
    await expect(running.locator('[data-drill-url]')).toHaveAttribute(
      'data-drill-url',
      /^http:\/\/127\.0\.0\.1:\d+\/$/,
    );
    await running.getByRole('button', { name: '暂停' }).click();
    await expect(running).toHaveAttribute('data-scenario-status', 'paused');
    await running.getByRole('button', { name: '继续' }).click();
    await expect(running).toHaveAttribute('data-scenario-status', 'playing');
    await running.getByRole('button', { name: '60×' }).click();
    await expect(running.getByRole('button', { name: '60×' })).toHaveAttribute('aria-pressed', 'true');
    await expect(running).toHaveAttribute('data-scenario-status', 'finished', { timeout: 60_000 });
    await expect(running.locator('.drill-clock')).toContainText('脚本时间');
    await screenshot(page, 'drill-console');
    const drillUrl = (await running.locator('[data-drill-url]').getAttribute('data-drill-url')) as string;
    const drillId = (await running.getAttribute('data-drill-id')) as string;

    // 加入演练 opens the drill node in a new window; the trainee signs in there as in live.
    const [trainee] = await Promise.all([
      context.waitForEvent('page'),
      running.getByRole('button', { name: '加入演练' }).click(),
    ]);
    await trainee.waitForLoadState();
    expect(new URL(trainee.url()).origin + '/').toBe(drillUrl);
    await trainee.goto(`${drillUrl}?map=off`); // this browser has no WebGL: the wall without its globe
    await expectBanner(trainee); // already on the sign-in form
    await signIn(trainee, 'commander');
    await trainee.setViewportSize({ width: 1920, height: 1080 });
    await expectBanner(trainee);
    await trainee.keyboard.press('Escape');
    await expectBanner(trainee);
    await screenshot(trainee, 'drill-banner');
    await trainee.setViewportSize({ width: 3840, height: 2160 });
    await expectBanner(trainee);
    await screenshot(trainee, 'drill-banner-4k');
    await trainee.setViewportSize({ width: 1280, height: 720 });

    // The other wall windows of the drill node carry it too.
    for (const wall of ['briefing', 'video-wall']) {
      const w = await context.newPage();
      await w.setViewportSize({ width: 1920, height: 1080 });
      await w.goto(`${drillUrl}?wall=${wall}`);
      await expect(w.locator(`body[data-wall="${wall}"]`)).toHaveCount(1);
      await expectBanner(w);
      if (wall === 'briefing') {
        await screenshot(w, 'drill-banner-briefing');
        // printed (the monthly report), the banner heads the page
        await w.emulateMedia({ media: 'print' });
        const printed = await w.locator('[data-drill-banner="true"]').boundingBox();
        expect(printed && printed.y < 10, 'at the top of the printed page').toBe(true);
        await w.emulateMedia({ media: 'screen' });
      }
      await w.close();
    }

    // The commander handles the gas alarm and the incident on the drill node (its REST API).
    const commander = await tokenAt(request, drillUrl, 'commander');
    const api = async <T>(method: 'get' | 'post', url: string, data?: unknown): Promise<T> => {
      const r = await request[method](`${drillUrl.replace(/\/$/, '')}${url}`, {
        data,
        headers: bearer(commander),
      });
      expect(r.status(), `${method} ${url}: ${await r.text()}`).toBeLessThan(300);
      return (await r.json()) as T;
    };
    const { alarms } = await api<{ alarms: Array<{ id: string; sensorType: string; version: number }> }>(
      'get',
      '/api/alarms',
    );
    const alarm = alarms.find((a) => a.sensorType === 'gas');
    expect(alarm, 'the scenario raised a gas alarm').toBeTruthy();
    if (!alarm) return;
    const ack = await api<{ alarm: { version: number } }>('post', `/api/alarms/${alarm.id}/acknowledge`, {
      version: alarm.version,
    });
    const confirmed = await api<{ alarm: { incidentId: string } }>(
      'post',
      `/api/alarms/${alarm.id}/confirm`,
      {
        version: ack.alarm.version,
        as: 'incident',
      },
    );
    const incident = confirmed.alarm.incidentId;
    const rec = await api<{ picks: Array<{ units: Array<{ unitId: string }> }> }>(
      'get',
      `/api/incidents/${incident}/recommendations`,
    );
    const unitIds = rec.picks.flatMap((p) => p.units.map((u) => u.unitId)).slice(0, 2);
    let step = await api<{ incident: { version: number } }>('post', `/api/incidents/${incident}/commands`, {
      command: 'assign',
      unitIds,
    });
    for (const status of ['en_route', 'on_scene'])
      step = await api('post', `/api/incidents/${incident}/commands`, {
        command: 'unitStatus',
        unitId: unitIds[0],
        status,
      });
    await api('post', `/api/incidents/${incident}/commands`, {
      command: 'close',
      summary: '演练：泄漏点已封堵，现场恢复',
      version: step.incident.version,
    });

    // The trainer's review: the commander's steps with who and when, and the response times.
    await running.getByRole('button', { name: '复盘' }).click();
    const review = page.locator('.drill-review[data-review="ready"]');
    await expect(review).toBeVisible();
    await expect(review).toContainText('演练 DRILL');
    for (const command of ['acknowledge', 'confirm', 'assign', 'close'])
      await expect(
        review.locator(`tr[data-trainee="true"][data-command="${command}"]`).first(),
      ).toContainText('commander');
    await expect(review.locator('tr[data-trainee-name="commander"]')).toBeVisible();
    await expect(review.locator('tr[data-figure="firstAction"] td').first()).toHaveText('1');
    await expect(review.locator('tr[data-figure="dispatch"] td').first()).toHaveText('1');
    await expect(review.locator('tr[data-figure="close"] td').first()).toHaveText('1');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'drill-review');

    // The CSV export from the review.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      review.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^演练复盘-drill-.*\.csv$/);
    await review.getByRole('button', { name: '关闭复盘' }).click();

    // Stop: the drill node goes away, the review stays.
    await running.getByRole('button', { name: '结束演练' }).click();
    const done = page.locator(`.drill-card[data-drill-id="${drillId}"][data-drill-status="stopped"]`);
    await expect(done).toBeVisible();
    await done.getByRole('button', { name: '复盘' }).click();
    await expect(
      page.locator('.drill-review[data-review="ready"] tr[data-trainee-name="commander"]'),
    ).toBeVisible();
  });
});
