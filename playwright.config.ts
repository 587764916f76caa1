// End-to-end tests in Debian's Chromium (Playwright cannot download browsers here), against a
// real server node that serves the built renderer. Build the renderer first: `npm run build:renderer`.
import { defineConfig } from '@playwright/test';

// tests/run.ts picks a free port and passes it as E2E_PORT, so a server left on 5871 cannot break a run.
const PORT = Number(process.env.E2E_PORT ?? 5871);
const ORIGIN = `http://127.0.0.1:${PORT}`;
// One data directory per port, so two runs on one machine never delete each other's database.
const DATA_DIR = process.env.E2E_DATA_DIR ?? `tests/output/e2e-data-${PORT}`;
process.env.E2E_DATA_DIR = DATA_DIR;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Any host other than the local server fails to resolve: nothing can leave the machine.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];
// WebGL through SwiftShader (CPU). It also composites every page on the CPU, which makes clicks slow:
// only the tests tagged @webgl get it; the workflow tests run their pages with `?map=off` (a workflow
// test that needs one map page launches its own SwiftShader browser for it, see case-loop.spec.ts).
export const SWIFTSHADER_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/output/e2e',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  // SwiftShader renders WebGL on the CPU: the bare globe takes several seconds to load.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  use: {
    baseURL: ORIGIN,
    headless: true,
    // Small on purpose: SwiftShader's cost grows with the pixel count.
    viewport: { width: 1280, height: 720 },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'webgl',
      grep: /@webgl/,
      use: {
        launchOptions: { executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...SWIFTSHADER_ARGS] },
      },
    },
    {
      name: 'workflow',
      grepInvert: /@webgl/,
      use: { launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS } },
    },
  ],
  webServer: {
    // A fresh database every run: the server seeds the demo city into an empty data directory.
    command: `node -e "require('fs').rmSync('${DATA_DIR}', { recursive: true, force: true })" && node --import tsx server/src/main.ts`,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      OPEN: '0',
      SIM: '0',
      DATA_DIR,
      // playback.spec.ts: the archive takes settled stream rows within a second, not 5 s
      PLAYBACK_SETTLE_MS: '500',
      PLAYBACK_ARCHIVE_MS: '500',
    },
    url: `${ORIGIN}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
