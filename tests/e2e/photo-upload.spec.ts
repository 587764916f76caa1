// Photos from the desk (issue 19): a department's handler uploads a site photo with the handling report
// (a non-image is refused with a reason), and the supervisor sees it in the case's timeline: the image
// loads for them through the signed URL their case detail carries.
import { expect, test } from '@playwright/test';
import { CaseDetail } from '@contract/cases';
import { apiToken, bearer, cityPoint, command, filePublicReport, openAs, screenshot } from './support';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test.describe('photo upload', () => {
  test('a handler uploads a site photo (a non-image is refused); the supervisor sees it in the timeline', async ({
    browser,
    request,
  }) => {
    test.slow();
    const supToken = await apiToken(request, 'supervisor');
    const filed = await filePublicReport(request, supToken, {
      categoryId: 'event-0102',
      ...cityPoint(),
      address: '照片测试路 8 号',
      description: `暴露垃圾 photo-upload #${Date.now()}`,
    });
    const { items } = (await (
      await request.get(`/api/cases?q=${filed.caseNumber}&limit=1`, { headers: bearer(supToken) })
    ).json()) as { items: Array<{ id: string }> };
    const caseId = items[0]?.id ?? '';
    await command(request, supToken, caseId, { command: 'accept' });
    let detail = await command(request, supToken, caseId, { command: 'open' });
    if (detail.state === 'opened')
      detail = await command(request, await apiToken(request, 'dispatcher'), caseId, { command: 'dispatch' });
    expect(detail.state).toBe('dispatched');
    const department = detail.departmentId ?? '';

    const handler = await openAs(browser, `handler.${department}`);
    await handler.locator(`.row[data-case-id="${caseId}"]`).click();
    const drawer = handler.getByRole('complementary', { name: '案件详情' });
    await drawer.getByRole('button', { name: '签收', exact: true }).click();
    await drawer.getByRole('form', { name: '签收' }).getByRole('button', { name: '确认签收' }).click();
    await expect(drawer).toHaveAttribute('data-case-state', 'handling');
    await drawer.getByRole('button', { name: '处置反馈', exact: true }).click();
    const form = drawer.getByRole('form', { name: '处置反馈' });
    await form.getByLabel('说明').fill('已清运完毕，现场照片见附件');
    const picker = form.getByLabel('从本机上传照片');

    // A text file named like a photo is refused by its bytes.
    await picker.setInputFiles({
      name: 'site.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not an image'),
    });
    await expect(form.getByRole('alert')).toContainText('只接受 JPEG、PNG 或 WebP 图片');
    await expect(form.locator('.photo-chosen img')).toHaveCount(0);

    await picker.setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG });
    await expect(form.locator('.photo-chosen img')).toHaveCount(1);
    await form.getByRole('button', { name: '确认处置反馈' }).click();
    await expect(drawer).toHaveAttribute('data-case-state', 'handled');
    await handler.context().close();

    // The supervisor (another role) sees the photo in the timeline, and it loads.
    const supervisor = await openAs(browser, 'supervisor');
    await supervisor.getByRole('tab', { name: /核查结案/ }).click();
    await supervisor.locator(`.row[data-case-id="${caseId}"]`).click();
    const supDrawer = supervisor.getByRole('complementary', { name: '案件详情' });
    await expect(supDrawer).toHaveAttribute('data-case-state', 'handled');
    const photo = supDrawer.locator(`img[src*="/api/cases/${caseId}/photos/"]`).first();
    await photo.scrollIntoViewIfNeeded();
    await expect
      .poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(1);
    const stored = CaseDetail.parse(
      await (await request.get(`/api/cases/${caseId}`, { headers: bearer(supToken) })).json(),
    );
    expect(stored.events.at(-1)?.attachments[0]).toMatch(/\/photos\/[0-9a-f-]{36}\.png\?exp=/);
    await screenshot(supervisor, 'photo-in-timeline');
    await supervisor.context().close();
  });
});
