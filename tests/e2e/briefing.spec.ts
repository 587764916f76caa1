// The leaders' briefing (@webgl: the hexagon view is deck.gl): the leader signs in on the briefing
// window; the live counters move when a case is closed in another browser context (pushed by the
// stream, no reload); the rankings, a trend chart and the hex view are drawn; screenshots at 1920×1080
// and 3840×2160, and the monthly report printed to an A4 PDF (briefing-*.png, briefing-report.pdf).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiToken, bearer, cityPoint, SCREENSHOTS, screenshot, signIn } from './support';

interface C {
  id: string;
  version: number;
  state: string;
  departmentId: string | null;
  suggestedDepartmentId: string | null;
}

async function command(request: APIRequestContext, token: string, c: C, command: string, extra = {}) {
  const r = await request.post(`/api/cases/${c.id}/commands`, {
    headers: bearer(token),
    data: { command, version: c.version, ...extra },
  });
  expect(r.status(), `${command}: ${await r.text()}`).toBeLessThan(300);
  return (await r.json()) as C;
}

/** A case taken to 'handled' (waiting for the check); `close` takes it on to closed. */
async function handledCase(request: APIRequestContext, tokens: Record<string, string>, seed: number) {
  const r = await request.post('/api/cases', {
    headers: bearer(tokens.supervisor!),
    data: {
      source: seed % 2 ? 'hotline' : 'public',
      categoryId: seed % 3 ? 'event-0103' : 'event-0507',
      description: '简报测试',
      ...cityPoint(seed / 10),
    },
  });
  expect(r.status()).toBe(201);
  let c = (await r.json()) as C;
  c = await command(request, tokens.supervisor!, c, 'accept');
  c = await command(request, tokens.supervisor!, c, 'open');
  if (c.state !== 'dispatched')
    c = await command(request, tokens.dispatcher!, c, 'dispatch', { departmentId: c.suggestedDepartmentId });
  const handler = await apiToken(request, `handler.${c.departmentId}`);
  c = await command(request, handler, c, 'acceptTask');
  return command(request, handler, c, 'handle', { note: '已处置' });
}

const close = async (request: APIRequestContext, token: string, c: C) =>
  command(request, token, await command(request, token, c, 'check'), 'approve');

test('the briefing: live counters, rankings, trends, hot spots, 4K and the A4 report @webgl', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const tokens = {
    supervisor: await apiToken(request, 'supervisor'),
    dispatcher: await apiToken(request, 'dispatcher'),
  };
  const open: C[] = [];
  for (let i = 1; i <= 6; i++) {
    const c = await handledCase(request, tokens, i);
    if (i <= 3) await close(request, tokens.supervisor, c);
    else open.push(c);
  }

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto('/?wall=briefing');
  await signIn(page, 'leader');
  await expect(page.getByRole('heading', { name: '运行态势概览' })).toBeVisible();
  const counters = page.locator('[data-counters="live"]');
  await expect(counters).toBeVisible();
  const openTile = counters.locator('[data-counter="open"] .brief-tile-value');
  const before = Number(await openTile.innerText());
  expect(before).toBeGreaterThanOrEqual(3);
  await expect(page.locator('[data-ranking="departments"] tr[data-row]').first()).toBeVisible();
  await expect(page.locator('[data-ranking="districts"] tr[data-row]').first()).toBeVisible();
  await expect(page.locator('[data-ranking="departments"] .grade').first()).toHaveText(/^[A-E]$/);
  await expect(page.locator('[data-chart="days"][data-chart-ready="true"]')).toHaveCount(1);
  await expect(page.locator('[data-chart="months"][data-chart-ready="true"]')).toHaveCount(1);
  await expect(page.locator('canvas.brief-hex[data-hex-ready="true"]')).toHaveCount(1, { timeout: 90_000 });
  await expect(page.locator('.brief-bars li').first()).toBeVisible();

  // Another browser context (the supervisor's) closes a case: the counter moves without a reload.
  const other = await browser.newContext();
  const request2 = other.request;
  await close(request2, await apiToken(request2, 'supervisor'), open[0]!);
  await expect(openTile).toHaveText(String(before - 1));
  // … and a new report there adds one to today's reports and to the open cases.
  const todayTile = counters.locator('[data-counter="today"] .brief-tile-value');
  const today = Number((await todayTile.innerText()).replace(/,/g, ''));
  expect(today).toBeGreaterThanOrEqual(6);
  const filed = await request2.post('/api/cases', {
    headers: bearer(await apiToken(request2, 'supervisor')),
    data: { source: 'hotline', categoryId: 'event-0103', description: '简报新上报', ...cityPoint(0.77) },
  });
  expect(filed.status()).toBe(201);
  await expect(todayTile).toHaveText((today + 1).toLocaleString('en'));
  await expect(openTile).toHaveText(String(before));

  // District → street → community, and back up.
  await page.locator('[data-ranking="districts"] tr[data-row] button').first().click();
  await expect(page.locator('[data-ranking="streets"] tr[data-row]').first()).toBeVisible();
  await page.locator('[data-ranking="streets"] tr[data-row] button').first().click();
  await expect(page.locator('[data-ranking="communities"] tr[data-row]').first()).toBeVisible();
  await page.locator('.brief-drill-up').click();
  await page.locator('.brief-drill-up').click();
  await expect(page.locator('[data-ranking="districts"] tr[data-row]').first()).toBeVisible();
  await screenshot(page, 'briefing-1920');

  // The wall: charts and the hex view are drawn again for the new size (type twice as large).
  await page.setViewportSize({ width: 3840, height: 2160 });
  for (const chart of ['days', 'months'])
    await expect(page.locator(`[data-chart="${chart}"][data-chart-size="3840x2160"]`)).toHaveCount(1);
  await expect(page.locator('canvas.brief-hex[data-hex-size="3840x2160"]')).toHaveCount(1, {
    timeout: 90_000,
  });
  const rem = await page.evaluate('parseFloat(getComputedStyle(document.documentElement).fontSize)');
  expect(Math.round(Number(rem)), 'type twice the size of 1920×1080').toBe(32);
  await screenshot(page, 'briefing-3840');

  // The monthly report: A4 pages the browser prints.
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const report = await context.newPage();
  await report.setViewportSize({ width: 1280, height: 1100 });
  await report.goto(`/?wall=briefing&report=${month}`);
  await expect(report.locator('main.report[data-report="ready"]')).toBeVisible();
  await expect(report.locator('.report-page')).toHaveCount(3);
  await expect(report.locator('[data-chart="report-days"][data-chart-ready="true"]')).toHaveCount(1);
  await screenshot(report, 'briefing-report');
  // Every table as CSV, with the settings named in its first line.
  const download = report.waitForEvent('download');
  await report.getByRole('button', { name: '导出表格 CSV' }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toBe(`evaluation-department-${month}.csv`);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text).toMatch(/^\ufeff# period .* settings version \d+ \(domain\)/);
  expect(text).toContain('key,name,nameEn,reports,');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await report.emulateMedia({ media: 'print' });
  const pdf = await report.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  fs.writeFileSync(path.join(SCREENSHOTS, 'briefing-report.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBe(3);
  await other.close();
  await context.close();
});
