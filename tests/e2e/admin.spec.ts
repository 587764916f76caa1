// The administrator changes a category's time limit and the gas alarm threshold in the administration
// screens and sees each change in the screen's history; screenshots of two screens at 1920×1080 and
// 3840×2160, and of the thresholds, run cards and department form at 1920×1080 (admin-*.png).
import { expect, test } from '@playwright/test';
import { apiToken, bearer, openAs, screenshot } from './support';

test('admin changes a time limit and a threshold and sees them in the history', async ({ browser }) => {
  const page = await openAs(browser, 'admin');
  await page.getByRole('tab', { name: '系统管理' }).click();
  const nav = page.getByRole('navigation', { name: '系统管理' });
  await expect(nav).toBeVisible();

  // Time limit: 积存垃圾渣土 (event-0103), normal urgency, accept within 45 natural minutes.
  await nav.getByRole('button', { name: '类别时限' }).click();
  await page.getByLabel('类别', { exact: true }).selectOption('event-0103');
  await expect(page.locator('[data-limits-of="event-0103"]')).toHaveCount(1);
  const minutes = page.getByLabel('受理 · 一般 分钟数');
  await minutes.fill('45');
  await page.getByLabel('受理 · 一般 计时方式').selectOption('natural_minutes');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('.admin-saved')).toHaveText('已保存');
  const limitHistory = page.locator('[data-history="timeLimit"]');
  await expect(limitHistory.locator('li').first()).toContainText('event-0103');
  await expect(limitHistory.locator('li').first()).toContainText('normal.accept');
  await expect(limitHistory.locator('li').first()).toContainText('45 natural_minutes');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'admin-time-limits-1920');
  await page.setViewportSize({ width: 3840, height: 2160 });
  await screenshot(page, 'admin-time-limits-3840');
  await page.setViewportSize({ width: 1280, height: 720 });
  // Bad input is refused with a message that says what to fix; nothing changes.
  await minutes.fill('0');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('.admin-error')).toContainText('minutes');
  await expect(limitHistory.locator('li')).toHaveCount(1);

  // Threshold: gas level 2 (seeded 25 %LEL) to 30 %LEL.
  await nav.getByRole('button', { name: '报警阈值' }).click();
  await expect(page.locator('[data-thresholds-of="gas"]')).toBeVisible();
  const level2 = page.getByLabel('2 级阈值');
  await expect(level2).not.toHaveValue('');
  await level2.fill('30');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('.admin-saved')).toHaveText('已保存');
  const thresholdHistory = page.locator('[data-history="threshold"]');
  await expect(thresholdHistory.locator('li').first()).toContainText('gas');
  await expect(thresholdHistory.locator('li').first()).toContainText('→ 30 (clear');
  await expect(level2).toHaveValue('30');
  // The screens built from the shared editable rows and fields (EditableRows.tsx, TextField.tsx).
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'admin-thresholds-1920');
  await nav.getByRole('button', { name: '出动方案' }).click();
  await expect(page.getByLabel('力量类型').first()).toBeVisible();
  await screenshot(page, 'admin-run-cards-1920');
  await nav.getByRole('button', { name: '部门' }).click();
  await page.getByRole('button', { name: '新增部门' }).click();
  await expect(page.getByRole('form', { name: '新增部门' })).toBeVisible();
  await screenshot(page, 'admin-departments-1920');
  await page.setViewportSize({ width: 1280, height: 720 });

  // The working calendar's month grid (for the screenshots): October 2026, with the National Day holidays.
  await nav.getByRole('button', { name: '工作日历' }).click();
  const month = page.locator('[data-month]');
  for (let i = 0; i < 36; i++) {
    const shown = (await month.getAttribute('data-month')) ?? '';
    if (shown === '2026-10') break;
    await page.getByRole('button', { name: shown > '2026-10' ? '上个月' : '下个月' }).click();
    await expect(month).not.toHaveAttribute('data-month', shown);
  }
  await expect(page.locator('.admin-day[data-date="2026-10-01"][data-kind="holiday"]')).toBeVisible();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'admin-calendar-1920');
  await page.setViewportSize({ width: 3840, height: 2160 });
  await screenshot(page, 'admin-calendar-3840');

  // Leave the shared e2e server as it was for the specs after this one.
  const token = await apiToken(page.request, 'admin');
  const limits = await page.request.get('/api/admin/time-limits/event-0103', { headers: bearer(token) });
  const { version } = (await limits.json()) as { version: number };
  expect(
    (
      await page.request.put('/api/admin/time-limits/event-0103', {
        data: { version, rows: [] },
        headers: bearer(token),
      })
    ).status(),
  ).toBe(200);
  const gas = (await (
    await page.request.get('/api/admin/thresholds/gas', { headers: bearer(token) })
  ).json()) as {
    version: number;
    rows: Array<{ level: number; value: number }>;
  };
  const rows = gas.rows.map((r) => (r.level === 2 ? { ...r, value: 25 } : r));
  expect(
    (
      await page.request.put('/api/admin/thresholds/gas', {
        data: { version: gas.version, rows },
        headers: bearer(token),
      })
    ).status(),
  ).toBe(200);
});
