// `postinstall` of the project (and `npm run electron:install`): fetches the Electron desktop binary with
// the electron package's own downloader, and never fails the install. Offline (a command hall on an
// isolated network), the download fails within a second and `npm start` opens Chromium instead; the
// reason is printed in one line. Electron's own install script is not allowed to run (package.json
// allowScripts), because its failure rolls back the whole `npm install`. See docs/adr/0003.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = path.join(root, 'node_modules', 'electron');
const say = (line) => console.log(`[electron] ${line}`);

function installed() {
  try {
    const rel = fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
    return rel !== '' && fs.existsSync(path.join(pkg, 'dist', rel));
  } catch {
    return false;
  }
}

function main() {
  if (!fs.existsSync(path.join(pkg, 'install.js'))) {
    say('the electron package is not installed; `npm start` will open Chromium/Chrome instead');
    return;
  }
  if (installed()) return;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    say('ELECTRON_SKIP_BINARY_DOWNLOAD is set: no desktop binary; `npm start` will open Chromium/Chrome');
    return;
  }
  say('downloading the Electron desktop binary (once, about 100 MB)…');
  const r = spawnSync(process.execPath, [path.join(pkg, 'install.js')], {
    cwd: pkg,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status === 0 && installed()) {
    say('desktop binary installed');
    return;
  }
  const output = `${r.stderr ?? ''}\n${r.stdout ?? ''}`;
  const reason =
    r.error?.message ??
    output
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /error|fail|ENOTFOUND|ECONN|ETIMEDOUT/i.test(l)) ??
    `exit code ${r.status}`;
  say(
    `no desktop binary (download failed: ${reason.slice(0, 160)}); ` +
      '`npm start` will open Chromium/Chrome instead. Retry with `npm run electron:install`.',
  );
}

main();
