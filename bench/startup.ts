// `npm run bench -- startup [--cases 10000] [--loads 2] [--templates 500] [--seed copy|service]`: time
// from page load to an interactive map with 10,000 open cases. One fresh server; the supervisor is
// signed in over the API (the token goes into the app's sessionStorage, as after a reload). Each load is
// a new browser context in Debian Chromium + SwiftShader; the page records when each readiness attribute
// of <body> first shows (a MutationObserver). Interactive = the latest of: the map's first frame with its
// base imagery ready (data-map-first-frame), signed in, divisions drawn, live stream on, and the case layer
// drawing all N cases (data-map-layers has cases:N). Map ready (data-map-ready: every globe tile of the
// view loaded) is printed as its own figure and is not part of interactive: on SwiftShader it takes ~15 s
// of ~2 fps frames after the map can already be used.
// Loads: a warm-up (not counted), --loads with 0 cases (the baseline), then --loads pairs with N cases;
// the figures are the means. Each load of the baseline and the first of each pair starts with no
// snapshot kept on the server (it builds one for this load: `interactive_ms`, the headline); the second
// of a pair comes right after and gets the snapshot kept from the first (`kept_…`: a reload, another
// operator of the same role). Seeding: --templates cases, spread over the city, go through
// CaseService.report (located, routed, numbered, audited); the others are copies of them in SQL (the
// real schema: Case + its CaseEvent; each copy at its own point, located by the service's locatePoint,
// copied from a case in the same street, numbered by the day's serial), because report() one by one
// costs ~7 ms a case and grows with the duplicate search (10,000 took 72 s here). `--seed service`
// reports all of them. Figures, not assertions. Last line: {interactive_ms, …}.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import config from '../playwright.config';
import { loadConfig } from '../server/src/config';
import { locatePoint, type Located } from '../server/src/cases/locate';
import { SYSTEM_ACTOR, caseNumberDay, formatCaseNumber } from '../server/src/domain';
import { createLogger } from '../server/src/log';
import { startServer, type RunningServer } from '../server/src/server';

// The e2e tests' WebGL browser: Debian Chromium with SwiftShader.
const webgl = config.projects?.find((p) => p.name === 'webgl')?.use?.launchOptions;
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const CASES = Number(arg('cases', '10000'));
const TEMPLATES = Math.min(CASES, Math.max(1, Number(arg('templates', '500'))));
const VIA_SERVICE = arg('seed', 'copy') === 'service';
const LOADS = Math.max(1, Number(arg('loads', '2')));

/** The n-th case's point: a grid of 80 columns over the city centre (~90 m x 45 m apart). */
const pointOf = (n: number) => ({
  lon: Math.round((119.14 + (n % 80) * 0.001) * 1e6) / 1e6,
  lat: Math.round((34.575 + Math.floor(n / 80) * 0.0004) * 1e6) / 1e6,
});

/** Where each point is (grid cell, community, street, district), as the case service locates a report. */
async function locateAll(server: RunningServer, count: number): Promise<Located[]> {
  const located: Located[] = [];
  for (let n = 0; n < count; n++) {
    const at = pointOf(n);
    const where = await locatePoint(server.ctx.db, at.lon, at.lat);
    if (!where) throw new Error(`bench point ${at.lon},${at.lat} is outside the city's grid`);
    located.push(where);
  }
  return located;
}

async function seedThroughService(server: RunningServer, points: number[]): Promise<void> {
  const categories = [...server.cases.ref.categories.values()]
    .filter((c) => c.kind === 'event' && c.active && !c.isMajor && !c.safetyCritical)
    .map((c) => c.id);
  for (const n of points)
    await server.cases.report(
      {
        source: 'hotline',
        categoryId: categories[n % categories.length] ?? 'event-0507',
        ...pointOf(n),
        address: '',
        description: 'bench',
        photos: [],
      },
      SYSTEM_ACTOR,
    );
}

/**
 * Copies of the service-made cases (and their report event), each at its own located point, copied
 * from a case in the same street (same routing) where there is one. Returns how many copies had none.
 */
async function seedCopies(server: RunningServer, points: number[], located: Located[]): Promise<number> {
  if (!points.length) return 0;
  const { db } = server.ctx;
  const columns = async (table: string) =>
    (await db.$queryRawUnsafe<Array<{ name: string }>>(`PRAGMA table_info("${table}")`)).map((c) => c.name);
  const q = (names: string[]) => names.map((c) => `"${c}"`).join(', ');
  const own = ['id', 'caseNumber', 'lon', 'lat', 'gridCellId', 'districtCode', 'streetCode', 'communityCode'];
  const copied = (await columns('Case')).filter((c) => !own.includes(c));
  const insertCase =
    `INSERT INTO "Case" (${q([...own, ...copied])}) ` +
    `SELECT ${own.map(() => '?').join(', ')}, ${q(copied)} FROM "Case" WHERE "id" = ?`;
  const eventColumns = (await columns('CaseEvent')).filter((c) => c !== 'id' && c !== 'caseId');
  const insertEvent =
    `INSERT INTO "CaseEvent" ("caseId", ${q(eventColumns)}) ` +
    `SELECT ?, ${q(eventColumns)} FROM "CaseEvent" WHERE "caseId" = ?`;
  const templates = await db.case.findMany({ select: { id: true, streetCode: true, districtCode: true } });
  const byKey = new Map<string, string[]>();
  for (const t of templates)
    for (const key of [`s${t.streetCode}`, `d${t.districtCode}`, '*'])
      byKey.set(key, [...(byKey.get(key) ?? []), t.id]);
  const now = server.ctx.clock.now();
  const day = caseNumberDay(now);
  const serial = (await db.caseSerial.findUnique({ where: { day } }))?.last ?? 0;
  const rows: unknown[][] = [];
  let otherStreet = 0;
  for (const n of points) {
    const at = pointOf(n);
    const where = located[n]!;
    const same = byKey.get(`s${where.streetCode}`);
    if (!same) otherStreet++;
    const pool = same ?? byKey.get(`d${where.districtCode}`) ?? byKey.get('*')!;
    const template = pool[n % pool.length]!;
    const number = formatCaseNumber(now, serial + rows.length + 1);
    const { gridCellId, districtCode, streetCode, communityCode } = where;
    rows.push([
      crypto.randomUUID(),
      number,
      at.lon,
      at.lat,
      gridCellId,
      districtCode,
      streetCode,
      communityCode,
      template,
    ]);
  }
  await db.$transaction(async (tx) => {
    for (const row of rows) {
      await tx.$executeRawUnsafe(insertCase, ...row);
      await tx.$executeRawUnsafe(insertEvent, row[0], row[8]);
    }
    await tx.caseSerial.update({ where: { day }, data: { last: serial + rows.length } });
  });
  return otherStreet;
}

interface Load {
  dom: number;
  firstFrame: number;
  mapReady: number;
  signedIn: number;
  divisions: number;
  stream: number;
  cases: number;
  interactive: number;
}

/** The readiness attributes a load waits for (map ready too, to print it; interactive does not include it). */
const MILESTONES = ['firstFrame', 'mapReady', 'signedIn', 'divisions', 'stream', 'cases'] as const;

/**
 * Records in the page when each readiness attribute of <body> first shows (performance.now(), ms from
 * navigation start) in window.__milestones. A string, not a function: tsx would add helpers to it.
 */
const milestonesScript = (cases: number) => `
  const marks = (window.__milestones = {});
  const casesDrawn = /(^|,)cases:${cases}(,|$)/;
  const seen = (name, yes) => { if (yes && marks[name] === undefined) marks[name] = performance.now(); };
  const check = () => {
    const d = document.body.dataset;
    seen('firstFrame', d.mapFirstFrame === 'true');
    seen('mapReady', d.mapReady === 'true');
    seen('signedIn', (d.auth || '').startsWith('user:'));
    seen('divisions', /(^|,)divisions:\\d+/.test(d.mapLayers || ''));
    seen('stream', d.stream === 'live');
    seen('cases', casesDrawn.test(d.mapLayers || ''));
  };
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver(check).observe(document.body, { attributes: true });
    check();
  });
`;

/** One page load in a fresh context; milestone times in ms from navigation start. */
async function load(browser: Browser, origin: string, session: unknown, cases: number): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    // Signed in already (as after a reload): the app restores the session from sessionStorage.
    await context.addInitScript((session) => {
      (
        globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
      ).sessionStorage.setItem('cityOps.session', JSON.stringify(session));
    }, session);
    await context.addInitScript({ content: milestonesScript(cases) });
    const page = await context.newPage();
    await page.goto(origin);
    await page
      .waitForFunction(
        (names) => {
          const m = (globalThis as unknown as { __milestones?: Record<string, number> }).__milestones;
          return !!m && names.every((k) => k in m);
        },
        MILESTONES,
        { timeout: 180_000, polling: 100 },
      )
      .catch(async (error: unknown) => {
        const seen = await page.evaluate(
          'JSON.stringify({ ...document.body.dataset, ...window.__milestones })',
        );
        throw new Error(`the page never became interactive: ${String(seen)}`, { cause: error });
      });
    const marks = (await page.evaluate(
      () => (globalThis as unknown as { __milestones: Record<string, number> }).__milestones,
    )) as Omit<Load, 'dom' | 'interactive'>;
    const dom = (await page.evaluate(
      "performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0",
    )) as number;
    const r = (n: number) => Math.round(n);
    const ms = {
      dom: r(dom),
      firstFrame: r(marks.firstFrame),
      mapReady: r(marks.mapReady),
      signedIn: r(marks.signedIn),
      divisions: r(marks.divisions),
      stream: r(marks.stream),
      cases: r(marks.cases),
    };
    // Not map ready: the map is usable from its first frame; finer tiles keep loading after that.
    return { ...ms, interactive: Math.max(ms.firstFrame, ms.signedIn, ms.divisions, ms.stream, ms.cases) };
  } finally {
    await context.close();
  }
}

const describe = (label: string, l: Load) =>
  `${label.padEnd(10)} DOMContentLoaded ${l.dom} ms, first frame ${l.firstFrame} ms, signed in ${l.signedIn} ms, ` +
  `divisions ${l.divisions} ms, stream live ${l.stream} ms, cases drawn ${l.cases} ms → interactive ` +
  `${l.interactive} ms; map ready (all tiles) ${l.mapReady} ms`;

/** The mean of each milestone over several loads. */
const mean = (loads: Load[]): Load => {
  const keys = Object.keys(loads[0]!) as Array<keyof Load>;
  return Object.fromEntries(
    keys.map((k) => [k, Math.round(loads.reduce((n, l) => n + l[k], 0) / loads.length)]),
  ) as unknown as Load;
};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
const server = await startServer(
  loadConfig({ PORT: '0', HOST: '127.0.0.1', SIM: '0', OPEN: '0', DATA_DIR: dir, LOG_LEVEL: 'error' }),
  { log: createLogger('error') },
);
const origin = `http://127.0.0.1:${server.port}`;
const login = (await (
  await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'demo123' }),
  })
).json()) as { token: string; expiresAt: string; user: unknown };

const browser = await chromium.launch({ ...webgl, headless: true });
try {
  await load(browser, origin, login, 0);
  const baselines: Load[] = [];
  for (let n = 0; n < LOADS; n++) {
    server.live.hub.snapshots.invalidate();
    baselines.push(await load(browser, origin, login, 0));
    console.log(describe('0 cases', baselines[n]!));
  }

  let started = Date.now();
  const located = await locateAll(server, CASES);
  const locateMs = Date.now() - started;
  // Reported: the first point of every street, then points spread evenly over the grid.
  const all = Array.from({ length: CASES }, (_, n) => n);
  const firstOfStreet = new Map<string, number>();
  for (const n of all)
    if (!firstOfStreet.has(located[n]!.streetCode)) firstOfStreet.set(located[n]!.streetCode, n);
  const reported = new Set(VIA_SERVICE ? all : firstOfStreet.values());
  for (let k = 0; k < TEMPLATES && reported.size < TEMPLATES; k++)
    reported.add(Math.floor((k * CASES) / TEMPLATES));
  const viaService = [...reported].sort((a, b) => a - b);
  started = Date.now();
  await seedThroughService(server, viaService);
  const serviceMs = Date.now() - started;
  started = Date.now();
  const otherStreet = await seedCopies(
    server,
    all.filter((n) => !reported.has(n)),
    located,
  );
  const copyMs = Date.now() - started;
  console.log(
    `seeded ${viaService.length} open cases through CaseService.report in ${serviceMs} ms ` +
      `(${(serviceMs / Math.max(1, viaService.length)).toFixed(1)} ms a case)` +
      (CASES > viaService.length
        ? `, ${CASES - viaService.length} copies in SQL in ${copyMs} ms (${otherStreet} from another street)`
        : '') +
      ` (points located in ${locateMs} ms)`,
  );

  // Each load with a snapshot built for it (the server keeps none: as for the first operator of a
  // role after a quiet spell), then one right after that gets the snapshot the server kept from it
  // (a reload, a second operator of the role; server/src/stream/snapshot.ts SnapshotCache).
  const fulls: Load[] = [];
  const keptLoads: Load[] = [];
  for (let n = 0; n < LOADS; n++) {
    server.live.hub.snapshots.invalidate();
    fulls.push(await load(browser, origin, login, CASES));
    console.log(describe(`${CASES} cases`, fulls[n]!));
    keptLoads.push(await load(browser, origin, login, CASES));
    console.log(describe(`${CASES} cases, kept snapshot`, keptLoads[n]!));
  }
  const [baseline, full, kept] = [mean(baselines), mean(fulls), mean(keptLoads)];
  if (LOADS > 1) {
    console.log(describe(`mean of 0`, baseline));
    console.log(describe(`mean of ${CASES}`, full));
    console.log(describe(`mean of ${CASES}, kept snapshot`, kept));
  }
  console.log(
    JSON.stringify({
      interactive_ms: full.interactive,
      dom_ms: full.dom,
      map_first_frame_ms: full.firstFrame,
      map_ready_ms: full.mapReady,
      signed_in_ms: full.signedIn,
      divisions_ms: full.divisions,
      stream_ms: full.stream,
      cases_drawn_ms: full.cases,
      cases: CASES,
      kept_interactive_ms: kept.interactive,
      kept_stream_ms: kept.stream,
      kept_cases_drawn_ms: kept.cases,
      baseline_interactive_ms: baseline.interactive,
      baseline_map_first_frame_ms: baseline.firstFrame,
      baseline_map_ready_ms: baseline.mapReady,
      baseline_cases_drawn_ms: baseline.cases,
      ratio_to_baseline: Math.round((full.interactive / baseline.interactive) * 100) / 100,
      loads: LOADS,
      seed_service_ms: serviceMs,
      seed_copy_ms: copyMs,
      seed_locate_ms: locateMs,
    }),
  );
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
