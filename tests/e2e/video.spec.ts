// The video wall from a case: a report filed next to a camera lists that camera under 周边视频 in the
// case drawer with its distance; 播放 puts it on the wall, where its demo HLS stream plays (hls.js in
// Debian's Chromium) when the build made the streams with ffmpeg, else the cell shows the snapshot.
// Then the wall switches to a 3x3 grid.
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { CameraView } from '@contract/city';
import { acknowledgeOpenAlarms, apiToken, bearer, filePublicReport, openAs, screenshot } from './support';

/** Whether the demo streams exist on this machine (they are made at build time with ffmpeg). */
// The demo streams ffmpeg made, or else the small clip kept in the repository (served for every camera).
const DEMO_STREAMS =
  fs.existsSync('assets/video/demo/0/index.m3u8') || fs.existsSync('assets/demo-video/index.m3u8');

interface Nearby {
  id: string;
  metres: number;
}

/** The `nth` online camera with an HLS stream, from the server's camera list. */
async function hlsCamera(request: APIRequestContext, nth: number): Promise<CameraView> {
  const token = await apiToken(request, 'supervisor');
  const { cameras } = (await (await request.get('/api/cameras', { headers: bearer(token) })).json()) as {
    cameras: CameraView[];
  };
  const camera = cameras.filter((c) => c.status === 'online' && c.streamUrl.endsWith('.m3u8'))[nth];
  if (!camera) throw new Error('no online HLS camera in the demo city');
  return camera;
}

/**
 * Files a report about 20 m north-east of the camera and opens it in the supervisor's drawer; returns
 * what /api/cameras/near says about the site (nearest first) and the drawer.
 */
async function caseNextToCamera(page: Page, request: APIRequestContext, camera: CameraView) {
  const token = await apiToken(request, 'supervisor');
  const site = { lon: camera.lon + 0.00015, lat: camera.lat + 0.0001 };
  const near = (await (
    await request.get(`/api/cameras/near?lon=${site.lon}&lat=${site.lat}&radius=300`, {
      headers: bearer(token),
    })
  ).json()) as { cameras: Nearby[] };
  const report = await filePublicReport(request, token, {
    categoryId: 'event-0507',
    ...site,
    address: `${camera.name}旁`,
    description: `路边乱堆放杂物 #${Date.now()}`,
  });
  const row = page.locator(`.row[data-case-number="${report.caseNumber}"]`);
  await expect(row).toBeVisible();
  await row.click();
  const drawer = page.getByRole('complementary', { name: '案件详情' });
  await expect(drawer).toHaveAttribute('data-case-state', /.+/);
  return { near: near.cameras, drawer };
}

test.describe('video wall', () => {
  test('a case shows the cameras around it; one plays on the wall; 9-panel layout', async ({
    browser,
    request,
  }) => {
    test.slow();
    await acknowledgeOpenAlarms(request, await apiToken(request, 'supervisor'));
    const supervisor = await openAs(browser, 'supervisor');
    const camera = await hlsCamera(request, 0);
    const { near, drawer } = await caseNextToCamera(supervisor, request, camera);
    const expected = near.find((c) => c.id === camera.id);
    expect(expected, 'the camera is within 300 m of the site').toBeTruthy();

    // 周边视频: the camera with its distance, nearest first.
    const nearby = drawer.getByRole('region', { name: '周边视频' });
    await expect(nearby).toHaveAttribute('data-nearby-status', 'ready');
    const item = nearby.locator(`.nearby-camera[data-camera-id="${camera.id}"]`);
    await expect(item).toContainText(camera.name);
    await expect(item).toContainText(`${expected?.metres ?? -1} 米`);
    await expect(nearby.locator('.nearby-camera').first()).toHaveAttribute(
      'data-camera-id',
      near[0]?.id ?? '',
    );

    // 播放: the wall opens with a cell for that camera, name and 20-digit ID on it.
    await item.getByRole('button', { name: '播放' }).click();
    const wall = supervisor.getByRole('dialog', { name: '视频墙' });
    await expect(wall).toBeVisible();
    const cell = wall.locator(`.video-cell[data-camera-id="${camera.id}"]`);
    await expect(cell).toContainText(camera.id);
    await expect(cell).toContainText(camera.name);
    expect(camera.id).toMatch(/^\d{20}$/);

    if (DEMO_STREAMS) {
      await expect(cell).toHaveAttribute('data-video-state', 'playing');
      const video = cell.locator('video');
      // The e2e project compiles without the DOM library: the element is read structurally.
      const time = () => video.evaluate((v) => (v as unknown as { currentTime: number }).currentTime);
      const t0 = await time();
      await expect.poll(time, { message: 'video time advances' }).toBeGreaterThan(t0 + 0.5);
      test.info().annotations.push({ type: 'video', description: 'demo HLS stream playing through hls.js' });
    } else {
      await expect(cell).toHaveAttribute('data-video-state', 'fallback');
      await expect(cell.locator('img.video-snapshot')).toBeVisible();
      test.info().annotations.push({ type: 'video', description: 'no demo streams (no ffmpeg): snapshot' });
    }

    // 全部上墙 adds the other online cameras; the 9-panel layout shows 9 cells.
    await nearby.getByRole('button', { name: '全部上墙' }).click();
    await wall.getByRole('button', { name: '9 画面' }).click();
    await expect(wall).toHaveAttribute('data-video-layout', '9');
    await expect(wall.locator('[data-video-cell]')).toHaveCount(9);
    await expect(wall.getByRole('button', { name: '9 画面' })).toHaveAttribute('aria-pressed', 'true');
    await expect(cell).toHaveAttribute('data-video-state', DEMO_STREAMS ? 'playing' : 'fallback');
    await screenshot(supervisor, 'video-wall');

    // One large panel keeps the first camera, still playing.
    await wall.getByRole('button', { name: '1 画面' }).click();
    await expect(wall.locator('[data-video-cell]')).toHaveCount(1);
    await expect(cell).toHaveAttribute('data-video-state', DEMO_STREAMS ? 'playing' : 'fallback');

    // Remove and close.
    await cell.getByRole('button', { name: `移除 ${camera.name}` }).click();
    await expect(cell).toHaveCount(0);
    await wall.getByRole('button', { name: '关闭视频墙' }).click();
    await expect(wall).toHaveCount(0);
    await supervisor.context().close();
  });

  test('without a stream the cell shows the snapshot; a format it cannot play is named with its URL', async ({
    browser,
    request,
  }) => {
    const supervisor = await openAs(browser, 'supervisor');
    // As on a machine without ffmpeg: /media answers 404. Another nearby camera gets an HTTP-FLV URL.
    await supervisor.route('**/media/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const camera = await hlsCamera(request, 1);
    const flv = 'https://gw.city.example/live/32070000001310000001.flv';
    await supervisor.route(
      (url) => url.pathname === '/api/cameras/near',
      async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { cameras: Array<{ id: string; streamUrl: string }> };
        const other = body.cameras.find((c) => c.id !== camera.id);
        if (other) other.streamUrl = flv;
        await route.fulfill({ response, json: body });
      },
    );
    const { near, drawer } = await caseNextToCamera(supervisor, request, camera);
    const nearby = drawer.getByRole('region', { name: '周边视频' });
    await expect(nearby).toHaveAttribute('data-nearby-status', 'ready');
    await nearby
      .locator(`.nearby-camera[data-camera-id="${camera.id}"]`)
      .getByRole('button', { name: '播放' })
      .click();
    const wall = supervisor.getByRole('dialog', { name: '视频墙' });
    const cell = wall.locator(`.video-cell[data-camera-id="${camera.id}"]`);
    await expect(cell).toHaveAttribute('data-video-state', 'fallback');
    await expect(cell.getByRole('img', { name: `${camera.name} 最近截图` })).toBeVisible();
    await expect(cell).toContainText('视频流不存在或未开通');

    const second = near.find((c) => c.id !== camera.id);
    expect(second, 'a second camera near the site').toBeTruthy();
    await nearby
      .locator(`.nearby-camera[data-camera-id="${second?.id}"]`)
      .getByRole('button', { name: '播放' })
      .click();
    const flvCell = wall.locator(`.video-cell[data-camera-id="${second?.id}"]`);
    await expect(flvCell).toHaveAttribute('data-video-state', 'fallback');
    await expect(flvCell).toContainText('HTTP-FLV');
    await expect(flvCell).toContainText(flv);
    await screenshot(supervisor, 'video-wall-fallback');
    await supervisor.context().close();
  });
});
