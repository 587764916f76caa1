// Readable on a desk monitor and on a wall: the whole interface scales with the screen (one rem is 16 px
// at 1920×1080 and 32 px at 3840×2160), so a 4K wall shows the same layout twice as large, not a small
// island of text. Saves workspace-dispatcher-1080p.png and workspace-dispatcher-4k.png.
import { expect, test, type Browser } from '@playwright/test';
import { screenshot, signIn } from './support';

async function measure(browser: Browser, width: number, height: number, name: string) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto('/?map=off');
  await signIn(page, 'dispatcher');
  const queue = page.locator('.queue[data-queue="dispatch"]');
  await expect(queue).toHaveAttribute('data-queue-status', 'ready');
  const rem = await page.evaluate('parseFloat(getComputedStyle(document.documentElement).fontSize)');
  const panel = await page.getByRole('complementary', { name: '侧边面板' }).boundingBox();
  const title = await page.getByRole('banner').getByRole('heading', { level: 1 }).boundingBox();
  await screenshot(page, name);
  await context.close();
  return { rem: Number(rem), panelWidth: panel?.width ?? 0, titleHeight: title?.height ?? 0 };
}

test.describe('desk monitor and video wall', () => {
  test('the layout at 3840×2160 is the 1920×1080 layout at twice the size', async ({ browser }) => {
    const desk = await measure(browser, 1920, 1080, 'workspace-dispatcher-1080p');
    const wall = await measure(browser, 3840, 2160, 'workspace-dispatcher-4k');
    expect(desk.rem).toBeCloseTo(16, 0);
    expect(wall.rem).toBeCloseTo(32, 0);
    // The panel keeps its share of the screen and the text its share of the panel.
    expect(wall.panelWidth / desk.panelWidth).toBeCloseTo(2, 1);
    expect(wall.titleHeight / desk.titleHeight).toBeCloseTo(2, 0);
  });
});
