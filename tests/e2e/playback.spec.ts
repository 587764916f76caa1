// Playback (回放) on the map wall: history is made through the API (cases reported and moved on, a gas
// alarm, an incident with its units committed, vehicles driving for 20 minutes by GPS with past
// timestamps), the archive settles, then a
// supervisor opens playback of the last hour from the header, plays at 600×, sees the vehicles' tracks,
// seeks on the bar and steps; the header says 回放 with the time shown; the map's case count at a moment
// equals GET /api/playback/state at that moment; a case reported during the replay does not reach the
// replay, and leaving playback shows the live picture with it, without a reload.
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { SensorView, VehicleView } from '@contract/city';
import type { Recommendation } from '@contract/incidents';
import type { PlaybackState, PlaybackTracks } from '@contract/playback';
import { ACTIVE_CASE_STATES } from '@contract/rules';
import {
  acknowledgeOpenAlarms,
  apiToken,
  bearer,
  cityPoint,
  command,
  ingestKeyFile,
  screenshot,
  signIn,
} from './support';

const CENTRE = { lon: 119.175, lat: 34.6 };
const DRIVE_MIN = 40;

/** Fixes every 10 s for DRIVE_MIN minutes up to `endMs`, each vehicle on its own spoke out of the centre. */
function drives(vehicles: string[], endMs: number) {
  const steps = (DRIVE_MIN * 60) / 10;
  const positions: Array<{ id: string; lon: number; lat: number; at: string; speedKmh: number }> = [];
  for (let k = 0; k <= steps; k++) {
    const at = new Date(endMs - (steps - k) * 10_000).toISOString();
    vehicles.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / vehicles.length;
      const r = 0.004 + (0.06 * k) / steps;
      const wobble = 0.002 * Math.sin(k / 12 + i);
      positions.push({
        id,
        lon: CENTRE.lon + Math.cos(angle) * r + wobble,
        lat: CENTRE.lat + Math.sin(angle) * r * 0.8,
        at,
        speedKmh: 30,
      });
    });
  }
  return positions;
}

async function get<T>(request: APIRequestContext, token: string, url: string): Promise<T> {
  const r = await request.get(url, { headers: bearer(token) });
  expect(r.status(), url).toBe(200);
  return (await r.json()) as T;
}

async function viewAt(page: Page, lon: number, lat: number, heightM: number) {
  await page.evaluate(
    ([x, y, h]) =>
      (
        globalThis as unknown as { __cityOpsMap: { view(a: number, b: number, h: number): void } }
      ).__cityOpsMap.view(x, y, h),
    [lon, lat, heightM] as const,
  );
}

/** The case layer's count in <body data-map-layers> ("cases:N"). */
async function mapCases(page: Page): Promise<number | null> {
  const layers = (await page.locator('body').getAttribute('data-map-layers')) ?? '';
  const m = /(?:^|,)cases:(\d+)/.exec(layers);
  return m ? Number(m[1]) : null;
}

test.describe('playback on the map wall (WebGL)', { tag: '@webgl' }, () => {
  test('last hour at 600× with tracks, seek, step, the count at T equals the API, back to live', async ({
    page,
    request,
  }) => {
    test.setTimeout(300_000);
    const supervisor = await apiToken(request, 'supervisor');
    const dispatcher = await apiToken(request, 'dispatcher');
    const key = { 'x-ingest-key': fs.readFileSync(ingestKeyFile(), 'utf8').trim() };

    // History: cases reported and moved on, a level-1 gas alarm, eight vehicles driving for 20 minutes.
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await request.post('/api/cases', {
        headers: bearer(supervisor),
        data: {
          source: 'hotline',
          categoryId: 'event-0103',
          description: `回放测试：路边积存垃圾 ${i}`,
          address: `回放路 ${i} 号`,
          ...cityPoint(0.1 + i * 0.2),
        },
      });
      expect(r.status(), await r.text()).toBe(201);
      made.push(((await r.json()) as { id: string }).id);
    }
    await command(request, supervisor, made[0] as string, { command: 'accept' });
    const opened = await command(request, supervisor, made[0] as string, { command: 'open' });
    await command(request, dispatcher, made[0] as string, {
      command: 'dispatch',
      departmentId: opened.suggestedDepartmentId,
    });
    await command(request, supervisor, made[1] as string, { command: 'void', reason: '重复上报' });
    const { sensors } = await get<{ sensors: SensorView[] }>(request, supervisor, '/api/sensors?type=gas');
    const sensor = sensors.filter((s) => s.status === 'normal').at(-2);
    expect(sensor).toBeTruthy();
    for (const value of [58, 61, 63])
      expect(
        (
          await request.post('/api/ingest/readings', {
            headers: key,
            data: { readings: [{ sensorId: sensor?.id, value }] },
          })
        ).status(),
      ).toBe(200);
    // acknowledged: still active (in the replay), but no pop-up over the time bar
    await expect
      .poll(
        async () =>
          (await get<{ alarms: unknown[] }>(request, supervisor, '/api/alarms?status=open')).alarms.length >
          0,
      )
      .toBe(true);
    await acknowledgeOpenAlarms(request, supervisor);
    // An incident at the centre with its recommended units committed: the replay draws them at its site.
    const commander = await apiToken(request, 'commander');
    const incident = await request.post('/api/incidents', {
      headers: bearer(commander),
      data: { title: '回放路积水', categoryId: 'event-0401', severity: 2, ...CENTRE },
    });
    expect(incident.status(), await incident.text()).toBe(201);
    const incidentId = ((await incident.json()) as { incident: { id: string } }).incident.id;
    const rec = await get<Recommendation>(request, commander, `/api/incidents/${incidentId}/recommendations`);
    const assigned = await request.post(`/api/incidents/${incidentId}/commands`, {
      headers: bearer(commander),
      data: { command: 'assign', unitIds: rec.picks.flatMap((p) => p.units.map((u) => u.unitId)) },
    });
    expect(assigned.status(), await assigned.text()).toBe(200);
    const { vehicles } = await get<{ vehicles: VehicleView[] }>(request, supervisor, '/api/vehicles');
    const driving = vehicles.slice(-8).map((v) => v.id);
    const now = Date.now();
    const sent = await request.post('/api/ingest/positions', {
      headers: key,
      data: { positions: drives(driving, now - 5_000) },
    });
    expect(sent.status(), await sent.text()).toBe(200);

    // The archive settles (PLAYBACK_SETTLE_MS is short in playwright.config.ts) and the GPS history is written.
    const lastCommand = Date.now();
    await expect
      .poll(
        async () =>
          Date.parse(
            (await get<{ to: string | null }>(request, supervisor, '/api/playback/range')).to ?? '0',
          ) >=
          lastCommand - 2_000,
        { timeout: 30_000 },
      )
      .toBe(true);
    const period = `from=${new Date(now - 30 * 60_000).toISOString()}&to=${new Date().toISOString()}`;
    await expect
      .poll(
        async () =>
          (await get<PlaybackTracks>(request, supervisor, `/api/playback/tracks?${period}`)).fixes.length,
        { timeout: 30_000 },
      )
      .toBeGreaterThan(100);

    await page.goto('/');
    await expect(page.locator('body[data-map-ready="true"]')).toHaveCount(1, { timeout: 120_000 });
    await signIn(page, 'supervisor');
    await expect(page.locator('body[data-stream="live"]')).toHaveCount(1, { timeout: 30_000 });
    // The live picture on the map: every active case the supervisor may see (the layer counts 0 until the
    // stream's snapshot is in, and earlier specs on this server leave cases open).
    const active = await get<{ total: number }>(
      request,
      supervisor,
      `/api/cases?state=${ACTIVE_CASE_STATES.join(',')}&limit=1`,
    );
    await expect.poll(() => mapCases(page), { timeout: 30_000 }).toBe(active.total);
    const liveCount = active.total;
    // A reload would lose this mark.
    await page.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // Open playback of the last hour from the header.
    const header = page.locator('header');
    await header.getByRole('button', { name: '回放', exact: true }).click();
    const bar = page.getByRole('region', { name: '回放时间轴' });
    await expect(bar).toBeVisible();
    await expect(header).toHaveClass(/header-playback/);
    const badge = header.locator('[data-playback-badge]');
    await expect(badge).toContainText(/回放\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await expect(bar.getByRole('button', { name: '近1小时' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('body[data-playback^="seeked:"]')).toHaveCount(1, { timeout: 30_000 });

    // Play at 600× (an hour in six seconds) from 30 minutes before the end: the vehicles drive and draw
    // their tracks. Paused when they show, for the screenshot.
    await bar.getByRole('button', { name: '600×', exact: true }).click();
    const slider = bar.getByRole('slider', { name: '回放时刻' });
    await slider.press('End');
    for (let i = 0; i < 3; i++) await bar.getByRole('button', { name: '后退一步' }).click();
    const toMs = Number(await slider.getAttribute('max'));
    await expect(bar).toHaveAttribute('data-playback-at', String(toMs - 1_800_000));
    await page.getByRole('button', { name: '收起面板' }).click();
    await viewAt(page, CENTRE.lon, CENTRE.lat - 0.012, 14_000);
    await bar.getByRole('button', { name: '播放' }).click();
    await expect(bar).toHaveAttribute('data-playback-status', 'playing');
    await expect(page.locator('body')).toHaveAttribute('data-playback-tracks', /^[1-9]\d*:[1-9]\d*:/, {
      timeout: 30_000,
    });
    await bar.getByRole('button', { name: '暂停' }).click();
    await expect(bar).toHaveAttribute('data-playback-status', 'paused', { timeout: 30_000 });
    await screenshot(page, 'playback-600x');
    expect(Number(await bar.getAttribute('data-playback-at'))).toBeGreaterThan(toMs - 1_800_000);
    expect(await badge.textContent()).toMatch(/^回放/);

    // Seek: drag on the bar, then to its start and its end (keys on the slider); pause there.
    const box = (await slider.boundingBox()) as { x: number; y: number; width: number; height: number };
    const before = await bar.getAttribute('data-playback-at');
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(bar).not.toHaveAttribute('data-playback-at', before ?? '');
    const fromMs = Number(await slider.getAttribute('min'));
    const countAt = async (ms: number) => {
      const at = new Date(ms).toISOString();
      return get<PlaybackState>(request, supervisor, `/api/playback/state?at=${at}`);
    };
    await slider.press('Home');
    await expect(bar).toHaveAttribute('data-playback-at', String(fromMs));
    await expect(bar).toHaveAttribute('data-playback-status', 'paused', { timeout: 30_000 });
    const first = await countAt(fromMs);
    await expect.poll(() => mapCases(page), { timeout: 30_000 }).toBe(first.cases.length);
    await slider.press('End');
    const target = toMs;
    await expect(bar).toHaveAttribute('data-playback-at', String(target));
    await expect(bar).toHaveAttribute('data-playback-status', 'paused', { timeout: 30_000 });
    const state = await countAt(target);
    expect(state.cases.map((c) => c.id)).toContain(made[0]);
    expect(state.cases.map((c) => c.id)).not.toContain(made[1]);
    expect(state.alarms.map((a) => a.sensorId)).toContain(sensor?.id);
    // the incident's units as they were at T, drawn by the incident layer
    const units = (state.units ?? []).filter((u) => u.incidentId === incidentId);
    expect(units.length).toBeGreaterThan(0);
    await expect(page.locator('body')).toHaveAttribute(
      'data-playback-units',
      String((state.units ?? []).filter((u) => state.incidents.some((i) => i.id === u.incidentId)).length),
      { timeout: 30_000 },
    );
    await expect.poll(() => mapCases(page), { timeout: 30_000 }).toBe(state.cases.length);
    await expect(bar.locator('[data-playback-cases]')).toHaveAttribute(
      'data-playback-cases',
      String(state.cases.length),
    );
    await expect(badge).toHaveAttribute('data-playback-badge', String(target));
    // The panel slot shows the open cases at that moment; the interface also speaks English.
    await page.getByRole('button', { name: '展开面板' }).click();
    const queue = page.getByRole('region', { name: '该时刻的在办案件' });
    await expect(queue).toHaveAttribute('data-playback-queue', String(state.cases.length));
    await expect(queue.locator(`li[data-case-id="${made[0]}"]`)).toHaveAttribute(
      'data-case-state',
      'dispatched',
    );
    await viewAt(page, CENTRE.lon, CENTRE.lat - 0.012, 14_000);
    await screenshot(page, 'playback-cases');
    await page.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'EN' }).click();
    await expect(badge).toContainText('PLAYBACK');
    await expect(page.getByRole('region', { name: 'Playback time bar' })).toContainText('Back to live');
    await page
      .getByRole('group', { name: 'Interface language' })
      .getByRole('button', { name: '中文' })
      .click();
    await expect(badge).toContainText('回放');

    // A step back at 600× is ten minutes; the history was not made yet then.
    await bar.getByRole('button', { name: '后退一步' }).click();
    await expect(bar).toHaveAttribute('data-playback-at', String(target - 600_000));
    const earlier = await get<PlaybackState>(
      request,
      supervisor,
      `/api/playback/state?at=${new Date(target - 600_000).toISOString()}`,
    );
    await expect.poll(() => mapCases(page), { timeout: 30_000 }).toBe(earlier.cases.length);
    expect(earlier.cases.map((c) => c.id)).not.toContain(made[0]);

    // A case reported now reaches the live picture underneath, not the replay.
    const late = await request.post('/api/cases', {
      headers: bearer(supervisor),
      data: {
        source: 'hotline',
        categoryId: 'event-0103',
        description: '回放期间的新上报',
        address: '回放路 9 号',
        ...cityPoint(0.93),
      },
    });
    expect(late.status()).toBe(201);
    await bar.getByRole('button', { name: '前进一步' }).click();
    await expect(bar).toHaveAttribute('data-playback-at', String(target));
    await expect.poll(() => mapCases(page), { timeout: 30_000 }).toBe(state.cases.length);

    // Back to live without a reload: the badge goes, the live picture has the new case.
    await bar.getByRole('button', { name: '退出回放' }).click();
    await expect(bar).toHaveCount(0);
    await expect(badge).toHaveCount(0);
    await expect(header).not.toHaveClass(/header-playback/);
    await expect(header.getByRole('button', { name: '回放', exact: true })).toBeVisible();
    await expect(page.locator('body[data-playback]')).toHaveCount(0);
    await expect(page.locator('body')).not.toHaveAttribute('data-playback-tracks', /.*/);
    await expect.poll(() => mapCases(page), { timeout: 30_000 }).toBe(liveCount + 1);
    expect(
      await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
  });
});
