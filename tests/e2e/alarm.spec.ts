// A gas reading above 25 %LEL (GB/T 50493's lower alarm, 二级/橙 on the wall) raises an alarm on the
// commander's map wall: it pops up, flashes and sounds until acknowledged; acknowledging flies the map
// to it and opens its drawer with the cameras within 300 m; confirming it turns it into a case.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { CaseDetail } from '@contract/cases';
import type { CameraView, SensorView } from '@contract/city';
import { acknowledgeOpenAlarms, apiToken, bearer, ingestKeyFile, screenshot, signIn } from './support';

const M_PER_DEG = 111_320;

test.describe('gas alarm on the map wall (WebGL)', { tag: '@webgl' }, () => {
  test('a reading above 25 %LEL pops up, flashes, is acknowledged and becomes a case', async ({
    page,
    request,
  }) => {
    test.slow();
    const token = await apiToken(request, 'commander');
    const { sensors } = (await (
      await request.get('/api/sensors?type=gas', { headers: bearer(token) })
    ).json()) as {
      sensors: SensorView[];
    };
    const { cameras } = (await (await request.get('/api/cameras', { headers: bearer(token) })).json()) as {
      cameras: CameraView[];
    };
    // The gas well with a camera closest to it, so the drawer has video points to list.
    const metres = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) =>
      Math.hypot(
        (a.lon - b.lon) * M_PER_DEG * Math.cos((a.lat * Math.PI) / 180),
        (a.lat - b.lat) * M_PER_DEG,
      );
    const nearest = (s: SensorView) => Math.min(...cameras.map((c) => metres(s, c)));
    const normal = sensors.filter((s) => s.status === 'normal');
    expect(normal.length).toBeGreaterThan(0);
    const sensor = normal.reduce((best, s) => (nearest(s) < nearest(best) ? s : best));
    const camerasWithin300 = cameras.filter((c) => metres(sensor, c) <= 300).length;

    // Other tests share this server: alarms they left open are acknowledged first, so ours is on top.
    await acknowledgeOpenAlarms(request, token);

    await page.goto('/');
    await expect(page.locator('body[data-map-ready="true"]')).toHaveCount(1, { timeout: 120_000 });
    await signIn(page, 'commander');
    await expect(page.locator('body[data-stream="live"]')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.locator('body')).toHaveAttribute('data-alarm-sound', 'off');

    // Three readings of 31 %LEL (the rule waits for consecutive readings before it raises an alarm).
    const key = { 'x-ingest-key': fs.readFileSync(ingestKeyFile(), 'utf8').trim() };
    for (let i = 0; i < 3; i++) {
      const sent = await request.post('/api/ingest/readings', {
        data: { readings: [{ sensorId: sensor.id, value: 31 }] },
        headers: key,
      });
      expect(sent.status(), await sent.text()).toBe(200);
    }

    // It pops up with its level, the screen edge flashes in orange and the sound plays.
    const popup = page.getByRole('alertdialog', { name: '新告警' });
    await expect(popup).toBeVisible({ timeout: 10_000 });
    await expect(popup).toHaveAttribute('data-level', '2');
    await expect(popup).toContainText(sensor.name);
    await expect(popup).toContainText('31%LEL（阈值 25%LEL）');
    const flash = page.locator('.alert-flash[data-level="2"]');
    await expect(flash).toHaveCount(1);
    await expect(flash).toHaveCSS('animation-name', 'alert-flash');
    await expect(page.locator('body')).toHaveAttribute('data-alarm-sound', 'level-2');
    const alarmId = (await popup.getAttribute('data-alarm-id')) ?? '';
    // The map's alarm layer reloads on the live event: the new alarm is drawn (pulsing).
    await expect(
      page.getByRole('region', { name: '地图图层' }).locator('li[data-layer="alarms"] .layers-count'),
    ).not.toHaveAttribute('data-count', '0', { timeout: 15_000 });
    await screenshot(page, 'alarm-popup');

    // Muting stops the sound, not the pop-up: it must be acknowledged.
    await popup.getByRole('button', { name: '静音' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-alarm-sound', 'muted');
    await expect(popup).toBeVisible();
    await popup.getByRole('button', { name: '确认收到' }).click();
    await expect(popup).toHaveCount(0);
    await expect(page.locator('.alert-flash')).toHaveCount(0);
    await expect(page.locator('body')).toHaveAttribute('data-alarm-sound', 'off');

    // The map flies to it; its drawer lists the cameras within 300 m.
    await expect(page.locator(`body[data-map-focus="alarm:${alarmId}"]`)).toHaveCount(1, { timeout: 60_000 });
    const drawer = page.getByRole('complementary', { name: '告警详情' });
    await expect(drawer).toHaveAttribute('data-alarm-status', 'acknowledged');
    await expect(drawer.getByRole('img', { name: '近期读数' })).toHaveAttribute('data-readings', '3');
    const nearby = drawer.getByRole('region', { name: '周边视频' });
    // The list shows the nearest few first (the actions stay in reach), and says how many there are.
    await expect(nearby).toHaveAttribute('data-nearby-count', String(camerasWithin300), { timeout: 30_000 });
    await screenshot(page, 'alarm-drawer');

    // Verified: it becomes a case, reported by the sensor channel, with the reading in its description.
    await drawer.getByLabel('核实说明').fill('视频核实：井盖周边有燃气异味，已通知燃气公司');
    await drawer.getByRole('button', { name: '确认并立案' }).click();
    await expect(drawer).toHaveAttribute('data-alarm-status', 'confirmed');
    await drawer.getByRole('button', { name: '查看案件' }).click();
    const caseDrawer = page.getByRole('complementary', { name: '案件详情' });
    // A confirmed sensor alarm is a trusted source: the case is opened (立案) at once, not left in 上报.
    await expect(caseDrawer).toHaveAttribute('data-case-state', /^(opened|dispatched)$/);
    const caseId = (await caseDrawer.getAttribute('data-case-id')) ?? '';
    // …and it stays in the commander's workspace, under 告警案件.
    await page.getByRole('tab', { name: /告警案件/ }).click();
    await expect(page.locator(`.row[data-case-id="${caseId}"]`)).toBeVisible();
    await expect(caseDrawer).toContainText('燃气浓度监测');
    const created = CaseDetail.parse(
      await (await request.get(`/api/cases/${caseId}`, { headers: bearer(token) })).json(),
    );
    expect(created.source).toBe('sensor');
    expect(created.description).toContain(sensor.id);
    expect(created.urgency).toBe('urgent'); // 二级 → 紧急
    const alarm = (await (
      await request.get(`/api/alarms/${alarmId}`, { headers: bearer(token) })
    ).json()) as {
      alarm: { status: string; caseId: string | null; note: string };
    };
    expect(alarm.alarm).toMatchObject({ status: 'confirmed', caseId });
    expect(alarm.alarm.note).toContain('视频核实');
  });
});
