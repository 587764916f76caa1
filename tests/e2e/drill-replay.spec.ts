// The after-action review's 回放 / Replay (issue 15, docs/adr/0024): a drill runs the gas-leak scenario
// and stops (over the API); the trainer opens its review on the live map wall and replays it on the map
// from the drill's own archive: the time bar shows the drill's period, the map shows the drill's case and
// none of live's, and leaving the replay returns to live. Saves drill-history.png and drill-replay.png.
import { expect, test, type Page } from '@playwright/test';
import { bearer, PASSWORD, screenshot, signIn } from './support';

async function mapCases(page: Page): Promise<number | null> {
  const layers = (await page.locator('body').getAttribute('data-map-layers')) ?? '';
  const m = /(?:^|,)cases:(\d+)/.exec(layers);
  return m ? Number(m[1]) : null;
}

test.describe('drill replay on the map wall (WebGL)', { tag: '@webgl' }, () => {
  test('the review replays the drill from its own archive, then back to live', async ({ page, request }) => {
    test.slow();
    const login = await request.post('/api/auth/login', {
      data: { username: 'trainer', password: PASSWORD },
    });
    const token = ((await login.json()) as { token: string }).token;
    const started = await request.post('/api/drills', {
      headers: bearer(token),
      data: { scenarioId: 'gas-leak' },
    });
    expect(started.status()).toBe(201);
    const drill = (await started.json()) as { id: string };
    await request.post(`/api/drills/${drill.id}/scenario`, {
      headers: bearer(token),
      data: { action: 'speed', speed: 60 },
    });
    await expect
      .poll(
        async () => {
          const r = await request.get('/api/drills', { headers: bearer(token) });
          const list = (
            (await r.json()) as { drills: Array<{ id: string; scenario: { clock: { status: string } } }> }
          ).drills;
          return list.find((d) => d.id === drill.id)?.scenario.clock.status;
        },
        { timeout: 60_000 },
      )
      .toBe('finished');
    expect((await request.post(`/api/drills/${drill.id}/stop`, { headers: bearer(token) })).status()).toBe(
      200,
    );

    await page.goto('/');
    await expect(page.locator('body[data-map-ready="true"]')).toHaveCount(1, { timeout: 120_000 });
    await signIn(page, 'trainer');
    const card = page.locator(`.drill-card[data-drill-id="${drill.id}"][data-drill-status="stopped"]`);
    await expect(card).toBeVisible();
    await expect(card.getByRole('button', { name: '删除演练数据' })).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'drill-history');
    await card.getByRole('button', { name: '复盘' }).click();
    const review = page.locator('.drill-review[data-review="ready"]');
    await expect(review).toBeVisible();
    await review.getByRole('button', { name: '回放', exact: true }).click();

    const bar = page.getByRole('region', { name: '回放时间轴' });
    await expect(bar).toBeVisible();
    await expect(review).toHaveCount(0);
    await expect(page.locator('header')).toHaveClass(/header-playback/);
    const note = page.locator(`[data-drill-replay="${drill.id}"]`);
    await expect(note).toContainText('演练回放');
    await expect(page.locator('body[data-playback^="seeked:"]')).toHaveCount(1, { timeout: 30_000 });
    // The end of the drill: its one 12345 case on the map (the drill's archive has no live case).
    await bar.getByRole('slider', { name: '回放时刻' }).press('End');
    await expect.poll(() => mapCases(page), { timeout: 30_000 }).toBe(1);
    await page.evaluate(() =>
      (
        globalThis as unknown as { __cityOpsMap: { view(a: number, b: number, h: number): void } }
      ).__cityOpsMap.view(119.16, 34.6, 6_000),
    );
    await page.waitForTimeout(1500); // the globe settles before the picture (not an assertion)
    await screenshot(page, 'drill-replay');

    await bar.getByRole('button', { name: '退出回放' }).click();
    await expect(bar).toHaveCount(0);
    await expect(note).toHaveCount(0);
    await expect(page.locator('body[data-playback]')).toHaveCount(0);
  });
});
