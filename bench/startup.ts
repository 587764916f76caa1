// `npm run bench -- startup [--cases 10000]`: time from page load to an interactive map with 10,000 open
// cases. Seeds the cases through the real case service on a fresh server, signs in over the API (the
// token goes into the app's sessionStorage), loads the page in Debian Chromium + SwiftShader and waits
// for the app's readiness signals: <body data-map-ready="true"> and the default layers loaded
// (data-map-layers lists divisions). Figures, not assertions. Last line: {interactive_ms, …}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import config from '../playwright.config';
import { loadConfig } from '../server/src/config';
import { SYSTEM_ACTOR } from '../server/src/domain';
import { createLogger } from '../server/src/log';
import { startServer } from '../server/src/server';

const i = process.argv.indexOf('--cases');
const CASES = i > 0 ? Number(process.argv[i + 1]) : 10_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
const server = await startServer(
  loadConfig({ PORT: '0', HOST: '127.0.0.1', SIM: '0', OPEN: '0', DATA_DIR: dir, LOG_LEVEL: 'error' }),
  { log: createLogger('error') },
);
const seedStart = Date.now();
for (let n = 0; n < CASES; n++)
  await server.cases.report(
    {
      source: 'hotline',
      categoryId: 'event-0507',
      lon: 119.14 + (n % 80) * 0.001,
      lat: 34.575 + Math.floor(n / 80) * 0.0004,
      address: '',
      description: 'bench',
      photos: [],
    },
    SYSTEM_ACTOR,
  );
console.log(`seeded ${CASES} open cases in ${Date.now() - seedStart} ms`);

const origin = `http://127.0.0.1:${server.port}`;
const login = (await (
  await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'demo123' }),
  })
).json()) as { token: string; expiresAt: string; user: unknown };

const browser = await chromium.launch({ ...config.use?.launchOptions, headless: true });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // Signed in already (as after a reload): the app restores the session from sessionStorage.
  await context.addInitScript((session) => {
    (
      globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
    ).sessionStorage.setItem('cityOps.session', JSON.stringify(session));
  }, login);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(origin);
  await page.waitForSelector('body[data-map-ready="true"]', { timeout: 300_000 });
  const mapReadyMs = Date.now() - started;
  await page.waitForSelector('body[data-map-layers*="divisions:"]', { timeout: 300_000 });
  await page.waitForSelector('body[data-auth^="user:"]', { timeout: 300_000 });
  const interactiveMs = Date.now() - started;
  const nav = (await page.evaluate(
    "Math.round(performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0)",
  )) as number;
  console.log(`DOMContentLoaded ${nav} ms, map ready ${mapReadyMs} ms, layers + session ${interactiveMs} ms`);
  console.log(
    JSON.stringify({ interactive_ms: interactiveMs, map_ready_ms: mapReadyMs, dom_ms: nav, cases: CASES }),
  );
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
