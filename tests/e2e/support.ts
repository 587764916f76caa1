// Helpers for the workspace tests: sign in through the login form, sign in over the API, and file a
// public report through the most public path the server offers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { CaseDetail, type ReportBody } from '@contract/cases';

export const PASSWORD = 'demo123';
export const SCREENSHOTS = fileURLToPath(new URL('../output/screenshots/', import.meta.url));

/** The e2e server's key file of machine channels (X-Ingest-Key); playwright.config.ts sets the folder. */
export const ingestKeyFile = (): string =>
  path.resolve(process.env.E2E_DATA_DIR ?? 'tests/output/e2e-data', 'ingest.key');

/** A point inside the demo city, jittered so reports of different runs are not duplicates. */
export function cityPoint(seed = Math.random()): { lon: number; lat: number } {
  return { lon: 119.15 + seed * 0.05, lat: 34.585 + ((seed * 7) % 1) * 0.03 };
}

export async function apiToken(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(response.status(), `login ${username}`).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Signs in through the login form. */
export async function signIn(page: Page, username: string): Promise<void> {
  const form = page.getByRole('form', { name: '值班登录' });
  await expect(form).toBeVisible();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.locator(`body[data-auth="user:${username}"]`)).toHaveCount(1);
}

/**
 * A new browser context with its own session, signed in as `username`. The workflow does not need the
 * 3D map, and several SwiftShader globes at once starve the CPU: these pages run with `?map=off` unless
 * `map` is asked for (then `browser` must have WebGL).
 */
export async function openAs(
  browser: Browser,
  username: string,
  options: { map?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({ baseURL: ORIGIN() });
  const page = await context.newPage();
  await page.goto(options.map ? '/' : '/?map=off');
  if (options.map)
    await expect(page.locator('body[data-map-ready="true"]')).toHaveCount(1, { timeout: 120_000 });
  await signIn(page, username);
  return page;
}

/** The e2e server's origin (playwright.config.ts). */
const ORIGIN = () => `http://127.0.0.1:${process.env.E2E_PORT ?? 5871}`;

export interface FiledReport {
  caseNumber: string;
  /** the channel actually used: the public Open311 endpoint when the server has it */
  via: 'open311' | 'rest';
}

/** Files a public report: through Open311 GeoReport v2 if the server offers it, else the REST API. */
export async function filePublicReport(
  request: APIRequestContext,
  token: string,
  report: { categoryId: string; lon: number; lat: number; address: string; description: string },
): Promise<FiledReport> {
  for (const base of ['/open311/v2', '/api/open311/v2']) {
    const response = await request.post(`${base}/requests.json`, {
      data: {
        service_code: report.categoryId,
        lat: report.lat,
        long: report.lon,
        address_string: report.address,
        description: report.description,
      },
    });
    if (response.status() === 201) {
      const [first] = (await response.json()) as Array<{ service_request_id: string }>;
      if (first) return { caseNumber: first.service_request_id, via: 'open311' };
    }
  }
  const body: ReportBody = { source: 'public', photos: [], ...report };
  const response = await request.post('/api/cases', { data: body, headers: bearer(token) });
  expect(response.status(), await response.text()).toBe(201);
  return { caseNumber: CaseDetail.parse(await response.json()).caseNumber, via: 'rest' };
}

/** Runs a workflow command over the API (to prepare cases for other tests). */
export async function command(
  request: APIRequestContext,
  token: string,
  caseId: string,
  body: Record<string, unknown>,
): Promise<CaseDetail> {
  const current = CaseDetail.parse(
    await (await request.get(`/api/cases/${caseId}`, { headers: bearer(token) })).json(),
  );
  const response = await request.post(`/api/cases/${caseId}/commands`, {
    data: { version: current.version, ...body },
    headers: bearer(token),
  });
  expect(response.status(), await response.text()).toBe(200);
  return CaseDetail.parse(await response.json());
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Acknowledges every open alarm (as a decider): tests share one server, and alarms other tests left
 * open (devices they fed that then went quiet turn "offline") would pop up over the next test's work.
 */
export async function acknowledgeOpenAlarms(request: APIRequestContext, token: string): Promise<void> {
  const open = await request.get('/api/alarms?status=open', { headers: bearer(token) });
  for (const { id } of ((await open.json()) as { alarms: Array<{ id: string }> }).alarms)
    await request.post(`/api/alarms/${id}/acknowledge`, { data: {}, headers: bearer(token) });
}
