// Electron main process (bundled to electron/dist/main.cjs by electron/build.ts). Opens one hardened
// window per display from the saved wall layout and serves the preload's few IPC calls.
//   electron electron/dist/main.cjs --app-url=http://127.0.0.1:5870 [--kiosk] [--wall-layout=FILE]
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, screen, session, type WebPreferences } from 'electron';
import { hardenSession, hardenWebContents } from './harden';
import { registerIpc } from './ipc';
import { readLayoutFile, writeLayoutFile } from './layout-store';
import { buildCsp, webPreferences } from './security';
import { drillOrigin, resolveShellConfig, type ShellConfig } from './url-policy';
import { LAYOUT_FILE_NAME, type LoadedLayout, type WallLayout } from './wall-layout';
import { WallWindows } from './walls';

// Replaced by electron/build.ts with the version in package.json.
declare const __CITY_OPS_VERSION__: string | undefined;

const APP_DIR_NAME = 'city-ops-command';
// Displays announce changes in bursts (added, then metrics changed); re-plan once they settle.
const REPLAN_DELAY_MS = 500;

const log = (line: string) => console.log(`[shell] ${line}`);

function readConfig(): ShellConfig | null {
  try {
    return resolveShellConfig(process.argv, process.env);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('启动失败 Cannot start', `配置错误 Configuration error: ${message}`);
    return null;
  }
}

function start(config: ShellConfig): void {
  Menu.setApplicationMenu(null);
  hardenSession(
    session.defaultSession,
    config.policy,
    buildCsp(config.policy.appOrigin, config.cspExtraOrigins),
    log,
  );

  // Checked against Electron's own type: the pure module's object must be valid WebPreferences.
  const preferences: WebPreferences = webPreferences(path.join(__dirname, 'preload.cjs'), {
    devTools: !app.isPackaged,
  });
  const layoutFile = config.layoutFile ?? path.join(app.getPath('userData'), LAYOUT_FILE_NAME);
  let loaded: LoadedLayout = readLayoutFile(layoutFile);
  for (const warning of loaded.warnings) log(`${layoutFile}: ${warning}`);

  const walls = new WallWindows({ appUrl: config.appUrl, preferences, forceKiosk: config.forceKiosk, log });
  const saveLayout = (layout: WallLayout) => {
    try {
      writeLayoutFile(layoutFile, layout);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`无法保存墙面布局 Could not save the wall layout to ${layoutFile}: ${reason}`);
    }
    loaded = { layout, isDefault: false, warnings: [] };
    return walls.apply(layout);
  };
  // Drill nodes (演练): one window per node. Its contents are hardened like every other (web-contents-created
  // below: no new windows, no navigation at all, since the app policy does not list the node); it has the
  // preload, but IPC refuses it (not the app origin, not a wall window). loadURL is not a navigation.
  const drills = new Map<string, BrowserWindow>();
  const openDrill = (url: string): boolean => {
    const origin = drillOrigin(url, config.appUrl);
    if (!origin) {
      log(`refused a drill window for ${url}: not a node of ${config.appUrl.origin}'s host`);
      return false;
    }
    const open = drills.get(origin);
    if (open && !open.isDestroyed()) {
      open.focus();
      return true;
    }
    const window = new BrowserWindow({
      width: 1600,
      height: 900,
      title: '演练 DRILL',
      backgroundColor: '#050a14',
      autoHideMenuBar: true,
      webPreferences: preferences,
    });
    drills.set(origin, window);
    window.on('closed', () => drills.delete(origin));
    window.loadURL(`${origin}/`).catch((error: unknown) => log(`drill window ${origin}: ${String(error)}`));
    return true;
  };
  registerIpc({
    openDrill,
    policy: config.policy,
    walls,
    version: typeof __CITY_OPS_VERSION__ === 'string' ? __CITY_OPS_VERSION__ : app.getVersion(),
    getLayout: () => loaded,
    saveLayout,
    log,
  });

  walls.apply(loaded.layout);

  let replan: ReturnType<typeof setTimeout> | undefined;
  const replanSoon = (reason: string) => {
    clearTimeout(replan);
    replan = setTimeout(() => {
      log(`${reason}: re-planning the wall`);
      walls.apply(loaded.layout);
    }, REPLAN_DELAY_MS);
  };
  screen.on('display-added', () => replanSoon('display added'));
  screen.on('display-removed', () => replanSoon('display removed'));
  screen.on('display-metrics-changed', () => replanSoon('display changed'));
  app.on('second-instance', () => walls.focus());
  app.on('activate', () => {
    if (walls.count === 0) walls.apply(loaded.layout);
  });
}

function main(): void {
  // Every renderer sandboxed, whatever a window asks for. Must run before the app is ready.
  app.enableSandbox();
  app.setPath('userData', path.join(app.getPath('appData'), APP_DIR_NAME));

  const config = readConfig();
  if (!config) {
    app.exit(2);
    return;
  }
  if (!app.requestSingleInstanceLock()) {
    log('another instance is running; handing over to it');
    app.quit();
    return;
  }

  // Registered before any window exists so that no web contents escapes the rules.
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, config.policy, config.externalOrigins, log),
  );
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => start(config))
    .catch((error: unknown) => {
      dialog.showErrorBox('启动失败 Cannot start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

main();
