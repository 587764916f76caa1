// Opens the client: the Electron app when its binary is present, otherwise Chromium/Chrome in app mode,
// otherwise nothing (the caller prints the URL).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface OpenedClient {
  kind: 'electron' | 'chromium';
  command: string;
  child: ChildProcess;
}

/** Path of the Electron binary, or null when the package's binary was not downloaded. */
export function electronBinary(): string | null {
  return electronStatus().binary;
}

/** The Electron binary, or why there is none (one line, for `npm start`). */
export function electronStatus(): { binary: string | null; reason: string } {
  const require = createRequire(import.meta.url);
  try {
    require.resolve('electron/package.json');
  } catch {
    return { binary: null, reason: 'the electron package is not installed' };
  }
  try {
    // Under plain Node, `require('electron')` returns the binary path, or throws when it is missing.
    const p = require('electron') as unknown;
    if (typeof p === 'string' && fs.existsSync(p)) return { binary: p, reason: 'installed' };
  } catch {
    // the package is there but its binary was never downloaded (offline install)
  }
  return {
    binary: null,
    reason: 'no Electron desktop binary (not downloaded at install; `npm run electron:install` fetches it)',
  };
}

const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROME_PATH && fs.existsSync(env.CHROME_PATH)) return env.CHROME_PATH;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    for (const name of BROWSERS) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export function browserArgs(url: string, profileDir: string, kiosk: boolean): string[] {
  return [
    `--app=${url}`,
    ...(kiosk ? ['--kiosk'] : []),
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export function openClient(url: string, options: { dataDir: string; kiosk: boolean }): OpenedClient | null {
  const electron = electronBinary();
  if (electron && fs.existsSync('electron/dist/main.cjs')) {
    const child = spawn(
      electron,
      ['electron/dist/main.cjs', `--app-url=${url}`, ...(options.kiosk ? ['--kiosk'] : [])],
      {
        stdio: 'inherit',
        env: { ...process.env, APP_URL: url },
      },
    );
    return { kind: 'electron', command: electron, child };
  }
  const browser = findBrowser();
  if (browser) {
    const profile = path.join(options.dataDir, 'browser-profile');
    fs.mkdirSync(profile, { recursive: true });
    const child = spawn(browser, browserArgs(url, profile, options.kiosk), { stdio: 'ignore' });
    return { kind: 'chromium', command: browser, child };
  }
  return null;
}
