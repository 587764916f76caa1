// Intake at volume (issue 19): 2,000 reports waiting in 受理. The supervisor's list is virtualised and
// pages on while scrolling, so it reaches the last case; a batch void of 50 (shift-click range) goes
// through and every count follows. The cases are voided again at the end: other specs share the server.
import fs from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiToken, bearer, ingestKeyFile, openAs, screenshot } from './support';

const INTAKE = 'state=reported,verifying,accepted';
const N = 2_000;

async function intakeTotal(request: APIRequestContext, token: string): Promise<number> {
  const page = await request.get(`/api/cases?${INTAKE}&limit=1`, { headers: bearer(token) });
  return ((await page.json()) as { total: number }).total;
}

test.describe('intake at volume', () => {
  test('2,000 cases in 受理: the list reaches the last one, a batch void of 50 works, counts follow', async ({
    browser,
    request,
  }) => {
    test.setTimeout(600_000);
    const token = await apiToken(request, 'supervisor');
    const key = { 'x-ingest-key': fs.readFileSync(ingestKeyFile(), 'utf8').trim() };
    const run = Date.now();
    const ids: string[] = [];
    for (let batch = 0; batch < N / 500; batch++) {
      const reports = Array.from({ length: 500 }, (_, i) => {
        const n = batch * 500 + i;
        return {
          source: 'hotline',
          categoryId: 'event-0102',
          lon: 119.15 + (n % 50) * 0.001,
          lat: 34.585 + Math.floor(n / 50) * 0.0007,
          address: `批量测试路 ${n} 号`,
          description: `12345 热线：暴露垃圾 volume-${run}-${n}`,
          photos: [],
        };
      });
      const sent = await request.post('/api/ingest/reports', {
        data: { reports },
        headers: key,
        timeout: 120_000,
      });
      expect(sent.status(), await sent.text()).toBe(201);
      const body = (await sent.json()) as { results: Array<{ id: string }> };
      ids.push(...body.results.map((r) => r.id));
    }
    expect(ids).toHaveLength(N);
    const before = await intakeTotal(request, token);
    expect(before).toBeGreaterThanOrEqual(N);

    const page = await openAs(browser, 'supervisor');
    const queue = page.locator('.queue[data-queue="intake"]');
    await expect(queue).toHaveAttribute('data-queue-count', String(before), { timeout: 30_000 });
    const tab = page.getByRole('tab', { name: /受理立案/ });
    await expect(tab).toContainText(String(before));
    // Only the rows on screen are in the DOM.
    expect(await page.locator('.queue-item').count()).toBeLessThan(60);

    // Scroll to the end until every row is loaded and the last one is on screen.
    const scroller = page.locator('.queue-scroll');
    await expect
      .poll(
        async () => {
          await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
          return Number(await queue.getAttribute('data-queue-loaded'));
        },
        { timeout: 120_000, intervals: [300, 600, 1_000] },
      )
      .toBe(before);
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = (await (
      await request.get(`/api/cases?${INTAKE}&sort=-reportedAt&limit=1&offset=${before - 1}`, {
        headers: bearer(token),
      })
    ).json()) as { items: Array<{ caseNumber: string }> };
    const lastNumber = last.items[0]?.caseNumber ?? '';
    await expect(page.locator(`.row[data-case-number="${lastNumber}"]`)).toBeInViewport();
    await screenshot(page, 'intake-volume-last-row');

    // Back to the top: select 50 rows with a shift-click range and void them in one go.
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await page.locator('li[data-index="0"] .row-select').click();
    await scroller.evaluate((el) => el.scrollTo({ top: 49 * 84 - 200 }));
    await page.locator('li[data-index="49"] .row-select').click({ modifiers: ['Shift'] });
    const bar = page.getByRole('region', { name: '批量处理' });
    await expect(bar).toHaveAttribute('data-selected', '50');
    await bar.getByRole('button', { name: '批量作废（50）' }).click();
    await bar.getByLabel('作废原因（适用于全部所选）').fill('测试批量作废：重复的热线工单');
    await bar.getByRole('button', { name: '确认作废 50 条' }).click();
    await expect(bar.locator('.batch-result')).toHaveAttribute('data-done', '50', { timeout: 60_000 });
    await expect(bar.locator('.batch-result')).toHaveAttribute('data-failed', '0');
    await screenshot(page, 'intake-volume-batch-void');

    // Every count follows: the list, the tab, the server.
    expect(await intakeTotal(request, token)).toBe(before - 50);
    await expect(queue).toHaveAttribute('data-queue-count', String(before - 50), { timeout: 30_000 });
    await expect(tab).toContainText(String(before - 50));
    await page.context().close();

    // Leave the server as it was for the other specs: void what is left of ours.
    const left = [...ids];
    const voidOne = async (id: string) => {
      const current = (await (await request.get(`/api/cases/${id}`, { headers: bearer(token) })).json()) as {
        state: string;
        version: number;
      };
      if (current.state === 'voided') return;
      await request.post(`/api/cases/${id}/commands`, {
        data: { command: 'void', reason: '测试结束', version: current.version },
        headers: bearer(token),
      });
    };
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let id = left.pop(); id; id = left.pop()) await voidOne(id);
      }),
    );
  });
});
