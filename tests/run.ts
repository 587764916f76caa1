// `npm test`: typecheck, lint, unit + integration tests (node:test), then Playwright end-to-end tests in
// Debian's Chromium. `npm test -- unit` runs only the Node tests, `npm test -- e2e` only Playwright.
// The last line is the plain summary "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { ensureBuilt } from '../server/src/cli/build';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const mode = process.argv[2] ?? 'all';
const node = process.execPath;
let passed = 0;
let failed = 0;
const failures: string[] = [];

function findTests(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function step(name: string, cmd: string, args: string[], parse?: (out: string) => void): boolean {
  console.log(`\n=== ${name}: ${[path.basename(cmd), ...args].join(' ').slice(0, 200)}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  parse?.(`${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  const ok = r.status === 0;
  console.log(
    `=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (!ok) failures.push(name);
  return ok;
}

function countNodeTests(out: string): void {
  const pass = /^[#ℹ] pass (\d+)/m.exec(out);
  const fail = /^[#ℹ] fail (\d+)/m.exec(out);
  // A test cancelled because its hook failed did not pass either.
  const cancelled = /^[#ℹ] cancelled (\d+)/m.exec(out);
  passed += Number(pass?.[1] ?? 0);
  failed += Number(fail?.[1] ?? 0) + Number(cancelled?.[1] ?? 0);
}

function countPlaywright(out: string): void {
  passed += Number(/(\d+) passed/.exec(out)?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(out)?.[1] ?? 0);
}

if (mode === 'all' || mode === 'static') {
  ensureBuilt({ log: (l) => console.log(`[build] ${l}`) });
  step('typecheck', node, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
  step('typecheck renderer', node, ['node_modules/typescript/bin/tsc', '-p', 'renderer/tsconfig.json']);
  step('typecheck renderer build', node, [
    'node_modules/typescript/bin/tsc',
    '-p',
    'renderer/tsconfig.node.json',
  ]);
  step('typecheck electron', node, ['node_modules/typescript/bin/tsc', '-p', 'electron/tsconfig.json']);
  step('lint', node, ['node_modules/eslint/bin/eslint.js', '.']);
  step('format', node, ['node_modules/prettier/bin/prettier.cjs', '--check', '.']);
}

if (mode === 'all' || mode === 'unit') {
  ensureBuilt({ log: (l) => console.log(`[build] ${l}`) });
  const files = [...findTests('tests/unit', '.test.ts'), ...findTests('tests/integration', '.test.ts')];
  step(
    'unit + integration',
    node,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
    countNodeTests,
  );
}

if (mode === 'all' || mode === 'e2e') {
  ensureBuilt({ log: (l) => console.log(`[build] ${l}`) });
  process.env.E2E_PORT ??= String(await freePort());
  step(
    'end-to-end (Playwright, Chromium)',
    node,
    ['node_modules/@playwright/test/cli.js', 'test'],
    countPlaywright,
  );
}

if (failures.length) console.log(`\nfailed steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
