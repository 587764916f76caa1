// Bundles the shell with electron/build.ts, then runs the real bundles against a fake `electron`:
// the preload in a bare JavaScript context (sandbox-safe), the main process end to end.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundleElectron } from '../../../electron/build';
import { IPC_CHANNELS, PRELOAD_API } from '../../../electron/main/ipc-contract';
import {
  createFakeElectron,
  ManualClock,
  runMainBundle,
  runPreloadBundle,
  type FakeDisplay,
  type FakeInvokeEvent,
  type FakeWebContents,
} from './fake-electron';

const APP = 'http://127.0.0.1:5870';
const LEFT: FakeDisplay = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const RIGHT: FakeDisplay = { id: 2, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };

let tmp = '';
let bundles = { main: '', preload: '' };

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'city-ops-shell-'));
  bundles = await bundleElectron(path.join(tmp, 'dist'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('preload bundle', () => {
  function load() {
    const exposed = new Map<string, Record<string, (...args: unknown[]) => Promise<unknown>>>();
    const invoked: unknown[][] = [];
    const ipcRenderer = {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ fullscreen: true });
      },
    };
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: never) => void exposed.set(key, api) },
      ipcRenderer,
    };
    const { required } = runPreloadBundle(bundles.preload, electron);
    return { exposed, invoked, required, ipcRenderer };
  }

  test('runs with nothing but require("electron") and exposes only window.cityOps', () => {
    const { exposed, required } = load();
    assert.deepEqual([...new Set(required)], ['electron']);
    assert.deepEqual([...exposed.keys()], ['cityOps']);
  });

  test('exposes one named function per contract entry, never ipcRenderer or a generic invoke', () => {
    const { exposed, ipcRenderer } = load();
    const api = exposed.get('cityOps') ?? {};
    assert.deepEqual(Object.keys(api).sort(), Object.keys(PRELOAD_API).sort());
    for (const value of Object.values(api)) {
      assert.equal(typeof value, 'function');
      assert.notEqual(value, ipcRenderer.invoke);
    }
    assert.equal(Object.isFrozen(api), true);
  });

  test('validates before sending; a valid call goes to its own channel', async () => {
    const { exposed, invoked } = load();
    const api = exposed.get('cityOps') ?? {};
    await assert.rejects(() => api.setFullscreen?.('yes') ?? Promise.resolve(), /argument 1/);
    await assert.rejects(
      () => api.notifyAlarm?.({ level: 1, title: 'x'.repeat(201), body: '' }) ?? Promise.resolve(),
      /title/,
    );
    assert.equal(invoked.length, 0);
    assert.deepEqual(await api.setFullscreen?.(true), { fullscreen: true });
    assert.deepEqual(invoked, [['window:setFullscreen', true]]);
  });
});

async function startShell(displays: FakeDisplay[], argv: string[] = [], env: Record<string, string> = {}) {
  const appData = fs.mkdtempSync(path.join(tmp, 'appdata-'));
  const fake = createFakeElectron({ displays, appData });
  const clock = new ManualClock();
  const logs: string[] = [];
  runMainBundle(bundles.main, fake.electron, { argv: ['electron', bundles.main, ...argv], env, clock, logs });
  await new Promise((resolve) => setImmediate(resolve)); // let whenReady().then(start) run
  return { ...fake, clock, logs, appData };
}

function invokeEvent(sender: FakeWebContents, url = `${APP}/?wall=map-wall`): FakeInvokeEvent {
  return { sender, senderFrame: { url, parent: null } };
}

describe('main process bundle', () => {
  test('opens one sandboxed window per display, at its bounds, loading the app with its role', async () => {
    const shell = await startShell([LEFT, RIGHT]);
    assert.equal(shell.state.sandboxEnabled, true);
    assert.equal(shell.state.windows.length, 2);
    const [map, video] = shell.state.windows;
    assert.deepEqual(map?.loaded, [`${APP}/?wall=map-wall`]);
    assert.deepEqual(video?.loaded, [`${APP}/?wall=video-wall`]);
    assert.equal(video?.options.x, 1920);
    assert.equal(video?.options.width, 3840);
    assert.equal(video?.fullscreen, true);
    const prefs = map?.options.webPreferences as Record<string, unknown>;
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.preload, path.join(path.dirname(bundles.main), 'preload.cjs'));
  });

  test('--kiosk and --app-url are honoured', async () => {
    const shell = await startShell([LEFT], ['--kiosk', '--app-url=http://127.0.0.1:6100/']);
    assert.equal(shell.state.windows[0]?.kiosk, true);
    assert.deepEqual(shell.state.windows[0]?.loaded, ['http://127.0.0.1:6100/?wall=map-wall']);
  });

  test('a bad APP_URL stops with an error box and no window', async () => {
    const shell = await startShell([LEFT], [], { APP_URL: 'file:///opt/app/index.html' });
    assert.equal(shell.state.exitCode, 2);
    assert.equal(shell.state.windows.length, 0);
    assert.match(shell.state.errorBoxes[0] ?? '', /not an http\(s\) URL/);
  });

  test('CSP on every response, permissions and devices denied', async () => {
    const shell = await startShell([LEFT]);
    let headers: Record<string, string[]> | undefined;
    shell.state.headers?.(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (r) => (headers = r.responseHeaders),
    );
    assert.match(headers?.['Content-Security-Policy']?.[0] ?? '', /^default-src 'none'; script-src 'self'/);
    const ask = (permission: string, url: string) => {
      let granted: boolean | undefined;
      shell.state.permissionRequest?.({}, permission, (g) => (granted = g), { requestingUrl: url });
      return granted;
    };
    assert.equal(ask('media', `${APP}/`), false);
    assert.equal(ask('geolocation', `${APP}/`), false);
    assert.equal(ask('notifications', `${APP}/`), true);
    assert.equal(ask('notifications', 'https://evil.com/'), false);
    assert.equal(shell.state.permissionCheck?.({}, 'media', APP, {}), false);
    assert.equal(shell.state.permissionCheck?.({}, 'fullscreen', APP, {}), true);
    assert.equal(shell.state.devicePermission?.(), false);
  });

  test('navigation, redirects, new windows and webviews are blocked outside the app', async () => {
    const shell = await startShell([LEFT], [], { EXTERNAL_LINK_ORIGINS: 'https://www.gov.cn' });
    const contents = shell.state.windows[0]?.webContents;
    assert.ok(contents);
    assert.equal(contents.fire('will-navigate', 'https://evil.com/'), true);
    assert.equal(contents.fire('will-navigate', 'http://127.0.0.1:5870@evil.com/'), true);
    assert.equal(contents.fire('will-navigate', `${APP}/login`), false);
    assert.equal(contents.fire('will-frame-navigate', 'file:///etc/passwd'), true);
    assert.equal(contents.fire('will-redirect', 'http://localhost:5870/'), true);
    assert.equal(contents.fire('will-redirect', `${APP}/home`), false);
    assert.equal(contents.fire('will-attach-webview', `${APP}/`), true);
    assert.deepEqual(contents.openHandler?.({ url: `${APP}/popup` }), { action: 'deny' });
    assert.deepEqual(contents.openHandler?.({ url: 'https://www.gov.cn/zhengce/' }), { action: 'deny' });
    assert.deepEqual(shell.state.openedExternally, ['https://www.gov.cn/zhengce/']);
  });

  test('IPC: only contract channels, only from our windows on the app origin, arguments validated', async () => {
    const shell = await startShell([LEFT, RIGHT]);
    assert.deepEqual([...shell.state.ipc.keys()].sort(), [...IPC_CHANNELS].sort());
    const [map, video] = shell.state.windows;
    assert.ok(map && video);
    const call = (channel: string, event: FakeInvokeEvent, ...args: unknown[]) =>
      shell.state.ipc.get(channel)?.(event, ...args);
    const packageJson = fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
    const { version } = JSON.parse(packageJson) as { version: string };

    assert.deepEqual(call('app:getInfo', invokeEvent(video.webContents)), {
      version,
      platform: process.platform,
      wallRole: 'video-wall',
    });
    assert.deepEqual(call('window:toggleKiosk', invokeEvent(map.webContents)), { kiosk: true });
    assert.equal(map.kiosk, true);

    assert.throws(() => call('window:setFullscreen', invokeEvent(map.webContents), 'yes'), /argument 1/);
    assert.throws(() => call('app:getInfo', invokeEvent(map.webContents, 'https://evil.com/')), /app origin/);
    assert.throws(
      () => call('app:getInfo', { sender: map.webContents, senderFrame: { url: `${APP}/`, parent: {} } }),
      /top-level frame/,
    );
    assert.throws(
      () => call('app:getInfo', { sender: map.webContents, senderFrame: null }),
      /top-level frame/,
    );
    const stranger = new shell.electron.BrowserWindow({}).webContents; // not one of the shell's walls
    assert.throws(() => call('app:getInfo', invokeEvent(stranger)), /wall window/);

    const alarm = { level: 1, title: '积水 Flooding', body: '人民路 Renmin Road' };
    assert.deepEqual(call('notify:alarm', invokeEvent(map.webContents), alarm), { shown: true });
    assert.equal(map.flashing, true);
    assert.equal(shell.state.notifications[0]?.urgency, 'critical');
  });

  test('saving a layout writes the file and re-plans; display changes re-plan', async () => {
    const shell = await startShell([LEFT, RIGHT]);
    const [first] = shell.state.windows;
    assert.ok(first);
    const layout = {
      version: 1,
      windows: [
        { displayId: RIGHT.id, role: 'map-wall', mode: 'kiosk', route: '/' },
        { displayId: LEFT.id, role: 'briefing', mode: 'windowed', route: '/briefing' },
      ],
    };
    assert.deepEqual(shell.state.ipc.get('wall:saveLayout')?.(invokeEvent(first.webContents), layout), {
      windows: 2,
      warnings: [],
    });
    const file = path.join(shell.appData, 'city-ops-command', 'wall-layout.json');
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), layout);
    const open = () => shell.state.windows.filter((w) => !w.destroyed);
    assert.deepEqual(
      open().map((w) => [w.options.x, w.loaded[0], w.kiosk]),
      [
        [0, `${APP}/briefing?wall=briefing`, false],
        [1920, `${APP}/?wall=map-wall`, true],
      ],
    );

    // The map wall's display is unplugged: the map wall takes the remaining (primary) display.
    shell.state.displays = [LEFT];
    shell.screen.emit('display-removed', {}, RIGHT);
    assert.equal(open().length, 2, 're-planning waits for the displays to settle');
    shell.clock.runAll();
    assert.deepEqual(
      open().map((w) => [w.options.x, w.loaded[0], w.kiosk]),
      [[0, `${APP}/?wall=map-wall`, true]],
    );
    assert.ok(shell.logs.some((line) => line.includes('display id 2 is not connected')));

    // Plugged back in: both windows again, and re-planning never rewrote the saved file.
    shell.state.displays = [LEFT, RIGHT];
    shell.screen.emit('display-added', {}, RIGHT);
    shell.clock.runAll();
    assert.equal(open().length, 2);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), layout);
    // Replacing every window never left the app without one (which would have quit it).
    assert.equal(shell.state.exitCode, null);

    // A moment with no usable display (a KVM switch, a driver reset) keeps the windows.
    shell.state.displays = [];
    shell.screen.emit('display-removed', {}, LEFT);
    shell.clock.runAll();
    assert.equal(open().length, 2);
    assert.equal(shell.state.exitCode, null);
  });
});
