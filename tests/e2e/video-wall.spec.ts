// The wall windows of one machine, as Electron opens them (one per display, `?wall=<role>`), here as
// pages of one browser context (they share a BroadcastChannel, each has its own sessionStorage):
// the map wall signs in; the video-wall window takes its session without a password, draws no map,
// and plays the camera the map wall's 周边视频 sends it, while the map wall opens no overlay wall and
// says where the video went. Its camera list puts more cameras up (one without a stream says so);
// garbage on the channel changes nothing. The briefing window shows the live counters and evaluation. Signing
// out on the map wall signs both out. Nothing leaves the machine. Saves video-wall-window.png,
// briefing.png and video-wall-sent.png (the map wall's note); video.spec.ts already saves
// video-wall.png, the overlay wall on the map wall.
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { CameraView } from '@contract/city';
import { acknowledgeOpenAlarms, apiToken, bearer, filePublicReport, screenshot, signIn } from './support';

/** Whether the demo streams exist on this machine (they are made at build time with ffmpeg). */
const DEMO_STREAMS = fs.existsSync('assets/video/demo/0/index.m3u8');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

async function onlineHlsCameras(request: APIRequestContext): Promise<CameraView[]> {
  const token = await apiToken(request, 'supervisor');
  const { cameras } = (await (await request.get('/api/cameras', { headers: bearer(token) })).json()) as {
    cameras: CameraView[];
  };
  return cameras.filter((c) => c.status === 'online' && c.streamUrl.endsWith('.m3u8'));
}

/** Reads a <video> structurally: the e2e project compiles without the DOM library. */
const media = (page: Page, cameraId: string) =>
  page.locator(`.video-cell[data-camera-id="${cameraId}"] video`).evaluate((v) => {
    const video = v as unknown as { currentTime: number; readyState: number };
    return { currentTime: video.currentTime, readyState: video.readyState };
  });

test.describe('wall windows', () => {
  test('the video-wall window borrows the session and plays what the map wall sends; the briefing', async ({
    page: mapWall,
    context,
    request,
  }) => {
    test.slow();
    await acknowledgeOpenAlarms(request, await apiToken(request, 'supervisor'));
    const requested: string[] = [];
    context.on('request', (req) => requested.push(req.url()));
    const [camera, other, noStream] = await onlineHlsCameras(request);
    if (!camera || !other || !noStream) throw new Error('the demo city has fewer than 3 online HLS cameras');

    // The map wall (no globe: the play action is in the case drawer) signs in with a password.
    await mapWall.goto('/?map=off');
    await signIn(mapWall, 'supervisor');
    await expect(mapWall.locator('body[data-wall="map-wall"][data-video-wall="none"]')).toHaveCount(1);

    // The video-wall window: nobody types a password there.
    const videoWall = await context.newPage();
    const wallRequests: string[] = [];
    videoWall.on('request', (req) => wallRequests.push(new URL(req.url()).pathname));
    // As a gateway might list it: one camera without a stream URL.
    await videoWall.route(
      (url) => url.pathname === '/api/cameras',
      async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { cameras: CameraView[] };
        for (const c of body.cameras) if (c.id === noStream.id) c.streamUrl = '';
        await route.fulfill({ response, json: body });
      },
    );
    await videoWall.goto('/?wall=video-wall');
    await expect(videoWall.locator('body[data-auth="user:supervisor"]')).toHaveCount(1);
    await expect(videoWall.locator('body[data-wall="video-wall"][data-wall-session="borrowed"]')).toHaveCount(
      1,
    );
    await expect(videoWall.getByRole('form', { name: '值班登录' })).toHaveCount(0);
    const header = videoWall.getByRole('banner');
    await expect(header.locator('time')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
    await expect(header.getByRole('group', { name: '当前用户' })).toContainText('退出登录');
    // No map at all: no canvas, no map slot, Cesium never fetched; the wall is always open.
    await expect(videoWall.locator('canvas, .map')).toHaveCount(0);
    const wall = videoWall.getByRole('region', { name: '视频墙' });
    await expect(wall).toBeVisible();
    await expect(wall.getByRole('button', { name: '关闭视频墙' })).toHaveCount(0);
    await expect(wall.locator('.video-cell-free').first()).toHaveText('空闲 — 从地图墙或左侧列表选择摄像头');

    // The map wall sees it: 视频墙已连接.
    await expect(mapWall.locator('body[data-video-wall="linked"]')).toHaveCount(1);
    await expect(mapWall.getByRole('banner')).toContainText('视频墙已连接');

    // A case next to the camera; 周边视频 → 播放 on the map wall…
    const token = await apiToken(request, 'supervisor');
    const report = await filePublicReport(request, token, {
      categoryId: 'event-0507',
      lon: camera.lon + 0.00015,
      lat: camera.lat + 0.0001,
      address: `${camera.name}旁`,
      description: `路边乱堆放杂物 #${Date.now()}`,
    });
    const row = mapWall.locator(`.row[data-case-number="${report.caseNumber}"]`);
    await expect(row).toBeVisible();
    await row.click();
    const nearby = mapWall
      .getByRole('complementary', { name: '案件详情' })
      .getByRole('region', { name: '周边视频' });
    await expect(nearby).toHaveAttribute('data-nearby-status', 'ready');
    await nearby
      .locator(`.nearby-camera[data-camera-id="${camera.id}"]`)
      .getByRole('button', { name: '播放' })
      .click();

    // …plays on the video wall; the map wall only says so.
    const cell = wall.locator(`.video-cell[data-camera-id="${camera.id}"]`);
    await expect(cell).toContainText(camera.name);
    await expect(mapWall.locator('[data-wall-sent]')).toHaveText('已在视频墙播放（1 路）');
    await expect(mapWall.getByRole('dialog', { name: '视频墙' })).toHaveCount(0);
    await screenshot(mapWall, 'video-wall-sent');
    if (DEMO_STREAMS) {
      await expect(cell).toHaveAttribute('data-video-state', 'playing');
      const t0 = (await media(videoWall, camera.id)).currentTime;
      await expect
        .poll(async () => (await media(videoWall, camera.id)).currentTime, { message: 'video time advances' })
        .toBeGreaterThan(t0 + 0.5);
      expect((await media(videoWall, camera.id)).readyState).toBeGreaterThanOrEqual(2);
    } else {
      await expect(cell).toHaveAttribute('data-video-state', 'fallback');
    }

    // The camera list: filter by ID, put it up; the one without a stream says it has none.
    const picker = videoWall.getByRole('complementary', { name: '摄像头列表' });
    await expect(picker).toHaveAttribute('data-picker-status', 'ready');
    await expect(picker.locator(`[data-camera-id="${camera.id}"] .picker-onwall`)).toHaveText('上墙中');
    const filter = picker.getByLabel('筛选摄像头');
    await filter.fill(other.id);
    await expect(picker.locator('.picker-camera')).toHaveCount(1);
    await expect(picker.locator('.picker-camera')).toContainText('在线');
    await picker.getByRole('button', { name: `${other.name} 上墙` }).click();
    const otherCell = wall.locator(`.video-cell[data-camera-id="${other.id}"]`);
    await expect(otherCell).toHaveAttribute('data-video-state', DEMO_STREAMS ? 'playing' : 'fallback');
    await filter.fill(noStream.id);
    await picker.getByRole('button', { name: `${noStream.name} 上墙` }).click();
    const blank = wall.locator(`.video-cell[data-camera-id="${noStream.id}"]`);
    await expect(blank).toHaveAttribute('data-video-state', /fallback|error/);
    await expect(blank).toContainText('该视频点位没有配置视频流');
    await filter.fill('');

    // Garbage on the channel (anything same-origin can post there) changes nothing.
    await mapWall.evaluate(() => {
      const channel = new BroadcastChannel('cityOps.wall.v1');
      for (const data of [
        null,
        'play',
        { type: 'play', from: 'x', to: 'y', id: '1', cameras: [] },
        { type: 'play', from: 'x', to: 'y', id: '1', cameras: [{ id: 7 }] },
        { type: 'session.offer', from: 'x', to: 'y', id: '1', session: { token: 'forged' } },
        { type: 'session.ended', from: 'x' },
        { type: 'presence', from: 'x', role: 'cinema', on: true },
      ])
        channel.postMessage(data);
      channel.close();
    });
    await expect(wall.locator('.video-cell[data-camera-id]')).toHaveCount(3);
    await expect(cell).toHaveAttribute('data-video-state', DEMO_STREAMS ? 'playing' : 'fallback');
    await expect(videoWall.locator('body[data-auth="user:supervisor"]')).toHaveCount(1);
    await screenshot(videoWall, 'video-wall-window');
    expect(
      wallRequests.filter((p) => /cesium/i.test(p)),
      'the video-wall window loads no Cesium',
    ).toEqual([]);

    // The briefing window (briefing.spec.ts has the rest): live counters and the evaluation, no 3D map.
    const briefing = await context.newPage();
    await briefing.goto('/?wall=briefing');
    await expect(briefing.locator('body[data-wall="briefing"][data-wall-session="borrowed"]')).toHaveCount(1);
    await expect(briefing.getByRole('heading', { name: '运行态势概览' })).toBeVisible();
    await expect(briefing.locator('[data-counters="live"]')).toBeVisible();
    await expect(briefing.locator('[data-briefing="ready"]')).toBeVisible();
    await expect(briefing.getByText(/^数据更新于 \d{2}:\d{2}:\d{2}$/)).toBeVisible();
    await expect(briefing.locator('.map')).toHaveCount(0);
    // Nothing that changes a case below the header: the period, the category, printing (and drill-down).
    await expect(briefing.locator('.brief-controls button')).toHaveText(['打印月报']);
    await screenshot(briefing, 'briefing');

    // The map wall signs out: the windows that borrowed its session are signed out too.
    await mapWall.getByRole('button', { name: '退出登录' }).click();
    await expect(videoWall.locator('body[data-auth="anonymous"]')).toHaveCount(1);
    await expect(videoWall.getByRole('form', { name: '值班登录' })).toBeVisible();
    await expect(briefing.locator('body[data-auth="anonymous"]')).toHaveCount(1);

    const outside = requested.filter((url) => !isLocal(url));
    expect(outside, 'no request leaves the machine').toEqual([]);
  });
});
