// Every role's workspace on the map wall, with real cases in every state prepared over the API, one
// page cycling through the roles (one globe load). Saves tests/output/screenshots/workspace-<role>.png.
import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { CaseDetail } from '@contract/cases';
import { apiToken, bearer, command, screenshot, signIn, ingestKeyFile } from './support';

interface Prepared {
  duplicate: CaseDetail;
  toDispatch: CaseDetail;
  handling: CaseDetail;
  checking: CaseDetail;
}

async function report(
  request: APIRequestContext,
  token: string,
  body: {
    source: string;
    categoryId: string;
    lon: number;
    lat: number;
    address: string;
    description: string;
  },
): Promise<CaseDetail> {
  const response = await request.post('/api/cases', { data: body, headers: bearer(token) });
  expect(response.status(), await response.text()).toBe(201);
  return CaseDetail.parse(await response.json());
}

async function prepare(request: APIRequestContext): Promise<Prepared> {
  const sup = await apiToken(request, 'supervisor');
  const disp = await apiToken(request, 'dispatcher');
  const at = (dx: number, dy: number) => ({ lon: 119.172 + dx, lat: 34.598 + dy });
  const light = { categoryId: 'part-0118', description: '路灯不亮，影响夜间通行' };
  await report(request, sup, { source: 'public', ...light, ...at(0, 0), address: '解放东路 88 号' });
  const duplicate = await report(request, sup, {
    source: 'hotline',
    ...light,
    ...at(0.0002, 0.0001),
    address: '解放东路 90 号',
    description: '市民来电：解放东路路灯连续三晚不亮',
  });
  await report(request, sup, {
    source: 'hotline',
    categoryId: 'event-0505',
    ...at(-0.012, 0.008),
    address: '人民路与通灌路交叉口',
    description: '机动车占用盲道停放',
  });
  const shop = await report(request, sup, {
    source: 'video_ai',
    categoryId: 'event-0504',
    ...at(0.015, -0.006),
    address: '建国路 15 号',
    description: '视频识别：店外经营占道',
  });
  await command(request, sup, shop.id, { command: 'accept' });

  const opened = async (categoryId: string, dx: number, dy: number, address: string, description: string) => {
    const c = await report(request, sup, {
      source: 'inspector',
      categoryId,
      ...at(dx, dy),
      address,
      description,
    });
    return command(request, sup, c.id, { command: 'open' });
  };
  const toDispatch = await opened('event-0111', -0.02, -0.01, '花果山大道 立交桥下', '道路积水约 30 厘米');
  await opened('part-0101', 0.006, 0.012, '朝阳中路 21 号', '上水井盖破损');

  const dispatched = async (dx: number, dy: number, address: string) => {
    const c = await opened('part-0118', dx, dy, address, '路灯灯杆倾斜，灯罩脱落');
    return command(request, disp, c.id, { command: 'dispatch' });
  };
  const handling = await dispatched(0.01, 0.004, '海连中路 5 号');
  const checking = await dispatched(-0.006, -0.004, '苍梧路 18 号');
  const handler = await apiToken(request, `handler.${handling.departmentId ?? ''}`);
  await command(request, handler, handling.id, { command: 'acceptTask' });
  await command(request, handler, checking.id, { command: 'acceptTask' });
  await command(request, handler, checking.id, {
    command: 'handle',
    note: '已扶正灯杆、更换灯罩，夜间试亮正常',
    attachments: ['/samples/site-3.svg', '/samples/site-1.svg'],
  });
  return {
    duplicate,
    toDispatch,
    handling,
    checking: await command(request, sup, checking.id, { command: 'check' }),
  };
}

/** Raises two gas alarms through the device ingest, acknowledges them and opens an incident. */
async function prepareAlarms(request: APIRequestContext): Promise<void> {
  if (!fs.existsSync(ingestKeyFile())) return;
  const key = { 'x-ingest-key': fs.readFileSync(ingestKeyFile(), 'utf8').trim() };
  const devices = await request.get('/api/ingest/devices', { headers: key });
  if (!devices.ok()) return;
  const { sensors } = (await devices.json()) as { sensors: Array<{ id: string; type: string }> };
  const gas = sensors.filter((s) => s.type === 'gas').slice(0, 2);
  const readings = gas.map((s, i) => ({ sensorId: s.id, value: i === 0 ? 62 : 31 }));
  for (let i = 0; i < 3; i++)
    await request.post('/api/ingest/readings', { data: { readings }, headers: key });
  const commander = await apiToken(request, 'commander');
  // The duty room has seen them (the pop-up has its own test): the workspaces are not covered by it.
  const open = await request.get('/api/alarms?status=open', { headers: bearer(commander) });
  for (const { id } of ((await open.json()) as { alarms: Array<{ id: string }> }).alarms)
    await request.post(`/api/alarms/${id}/acknowledge`, { data: {}, headers: bearer(commander) });
  await request.post('/api/incidents', {
    headers: bearer(commander),
    data: {
      title: '燃气管道泄漏',
      categoryId: 'event-0403',
      severity: 1,
      lon: 119.165,
      lat: 34.602,
      address: '繁荣东路',
      description: '燃气浓度超一级报警阈值，已疏散周边居民',
    },
  });
}

async function openRow(page: Page, caseId: string): Promise<void> {
  await page.locator(`.row[data-case-id="${caseId}"]`).click();
  await expect(page.locator(`aside[data-case-id="${caseId}"]`)).not.toHaveAttribute('data-case-state', '');
  await expect(page.locator(`body[data-map-focus="${caseId}"]`)).toHaveCount(1, { timeout: 60_000 });
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('form', { name: '值班登录' })).toContainText('已退出登录');
}

test.describe('role workspaces on the map wall (WebGL)', { tag: '@webgl' }, () => {
  test('each role sees its workspace; screenshots of every workspace', async ({ page, request }) => {
    test.slow();
    const cases = await prepare(request);
    await prepareAlarms(request);
    await page.goto('/');
    await expect(page.locator('body[data-map-ready="true"]')).toHaveCount(1, { timeout: 120_000 });

    await signIn(page, 'supervisor');
    await expect(page.locator('.queue[data-queue="intake"]')).toHaveAttribute('data-queue-status', 'ready');
    // Other tests share the server: count this queue's rows rather than assume them.
    await expect(page.locator(`.row[data-case-id="${cases.duplicate.id}"]`)).toBeVisible();
    const rows = await page.locator('.row').count();
    expect(rows).toBeGreaterThanOrEqual(4);
    await expect(page.locator('body')).toHaveAttribute('data-map-points', String(rows));
    await openRow(page, cases.duplicate.id);
    await expect(page.getByRole('region', { name: '疑似重复案件' })).toBeVisible();
    await screenshot(page, 'workspace-supervisor');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('tab', { name: /Intake/ })).toBeVisible();
    await screenshot(page, 'workspace-supervisor-en');
    await page.getByRole('button', { name: '中文', exact: true }).click();

    await page.getByRole('tab', { name: /核查结案/ }).click();
    await openRow(page, cases.checking.id);
    const drawer = page.getByRole('complementary', { name: '案件详情' });
    for (const action of ['准予结案', '返工（再次处置）', '不合格办结', '重新派遣'])
      await expect(drawer.getByRole('button', { name: action, exact: true })).toBeVisible();
    await drawer.getByRole('button', { name: '返工（再次处置）', exact: true }).click();
    await expect(drawer.getByRole('form', { name: '返工（再次处置）' }).getByLabel(/理由/)).toBeVisible();
    await screenshot(page, 'workspace-checker');
    await signOut(page);

    await signIn(page, 'dispatcher');
    await openRow(page, cases.toDispatch.id);
    await drawer.getByRole('button', { name: '派遣', exact: true }).click();
    await expect(drawer.getByRole('combobox', { name: /责任单位/ })).toHaveValue(
      cases.toDispatch.suggestedDepartmentId ?? '',
    );
    await screenshot(page, 'workspace-dispatcher');
    await signOut(page);

    await signIn(page, `handler.${cases.handling.departmentId}`);
    await openRow(page, cases.handling.id);
    await drawer.getByRole('button', { name: '处置反馈', exact: true }).click();
    await drawer.getByRole('button', { name: '示例照片 2' }).click();
    await screenshot(page, 'workspace-handler');
    await signOut(page);

    await signIn(page, 'commander');
    await expect(page.locator('[data-alarms]')).toHaveAttribute('data-alarms', /ready|unavailable/);
    await screenshot(page, 'workspace-commander');
    await signOut(page);

    await signIn(page, 'leader');
    const overview = page.locator('.overview');
    await expect(overview).toHaveAttribute('data-overview', 'ready');
    await expect(overview.locator('tr[data-district]')).toHaveCount(4);
    await expect(page.locator('[data-command]')).toHaveCount(0);
    await screenshot(page, 'workspace-leader');
  });
});
