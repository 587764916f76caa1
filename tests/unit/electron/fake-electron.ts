// A stand-in for the `electron` module, just large enough to run the bundled main process and preload
// under plain Node (the Electron binary is not installed here). It records what the shell asks for:
// windows and their options, handlers, IPC channels, dialogs, notifications.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

export interface FakeDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/** An Electron-style event: the listener may call preventDefault(). */
export interface FakeEvent {
  url: string;
  prevented: boolean;
  preventDefault(): void;
}

export interface FakeInvokeEvent {
  sender: FakeWebContents;
  senderFrame: { url: string; parent: object | null } | null;
}

type HeadersCallback = (response: { responseHeaders?: Record<string, string[]> }) => void;
type HeadersHandler = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: HeadersCallback,
) => void;
type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: object,
) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean;
type IpcHandler = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;
type OpenHandler = (details: { url: string }) => { action: string };

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
  /** Emits e.g. 'will-navigate' the way Electron 41 does and says whether a listener prevented it. */
  fire(name: string, url: string): boolean {
    const event: FakeEvent = {
      url,
      prevented: false,
      preventDefault() {
        event.prevented = true;
      },
    };
    this.emit(name, event, {}, {});
    return event.prevented;
  }
}

export function createFakeElectron(options: { displays: FakeDisplay[]; appData: string }) {
  const state = {
    displays: options.displays,
    windows: [] as FakeBrowserWindow[],
    ipc: new Map<string, IpcHandler>(),
    headers: null as HeadersHandler | null,
    permissionRequest: null as RequestHandler | null,
    permissionCheck: null as CheckHandler | null,
    devicePermission: null as (() => boolean) | null,
    errorBoxes: [] as string[],
    exitCode: null as number | null,
    sandboxEnabled: false,
    openedExternally: [] as string[],
    notifications: [] as Record<string, unknown>[],
  };
  const paths = new Map<string, string>([['appData', options.appData]]);

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: () => void (state.sandboxEnabled = true),
    setPath: (name: string, value: string) => void paths.set(name, value),
    getPath: (name: string) => paths.get(name) ?? path.join(options.appData, name),
    getVersion: () => '41.10.7',
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit: () => void (state.exitCode ??= 0),
    exit: (code: number) => void (state.exitCode = code),
  });

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    readonly loaded: string[] = [];
    destroyed = false;
    fullscreen: boolean;
    kiosk: boolean;
    flashing = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      this.fullscreen = options.fullscreen === true;
      this.kiosk = options.kiosk === true;
      state.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed = () => this.destroyed;
    destroy(): void {
      this.destroyed = true;
      this.emit('closed');
      // As Electron does: when the last window goes, the app hears about it (and the shell quits).
      if (state.windows.every((w) => w.destroyed)) app.emit('window-all-closed');
    }
    show(): void {}
    isVisible = () => true;
    setFullScreen = (flag: boolean) => void (this.fullscreen = flag);
    isKiosk = () => this.kiosk;
    setKiosk = (flag: boolean) => void (this.kiosk = flag);
    flashFrame = (flag: boolean) => void (this.flashing = flag);
    focus(): void {}
    isMinimized = () => false;
    restore(): void {}
  }

  class FakeNotification extends EventEmitter {
    static isSupported = () => true;
    constructor(readonly options: Record<string, unknown>) {
      super();
    }
    show(): void {
      state.notifications.push(this.options);
    }
  }

  const screen = Object.assign(new EventEmitter(), {
    getAllDisplays: () => state.displays,
    // Electron always answers; with nothing connected it reports a 0×0 display.
    getPrimaryDisplay: () => state.displays[0] ?? { id: 0, bounds: { x: 0, y: 0, width: 0, height: 0 } },
  });

  const electron = {
    app,
    screen,
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    Menu: { setApplicationMenu: () => undefined },
    dialog: {
      showErrorBox: (title: string, content: string) => void state.errorBoxes.push(`${title}: ${content}`),
    },
    shell: { openExternal: (url: string) => Promise.resolve(void state.openedExternally.push(url)) },
    ipcMain: { handle: (channel: string, handler: IpcHandler) => void state.ipc.set(channel, handler) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (handler: HeadersHandler) => void (state.headers = handler) },
        setPermissionRequestHandler: (handler: RequestHandler) => void (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: CheckHandler) => void (state.permissionCheck = handler),
        setDevicePermissionHandler: (handler: () => boolean) => void (state.devicePermission = handler),
      },
    },
  };
  return { electron, state, app, screen };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeBrowserWindow = FakeElectron['state']['windows'][number];

/** Timers the test advances itself instead of waiting. */
export class ManualClock {
  private pending = new Map<number, () => void>();
  private next = 1;
  readonly setTimeout = (fn: () => void) => {
    const id = this.next++;
    this.pending.set(id, fn);
    return id;
  };
  readonly clearTimeout = (id: number | undefined) => {
    if (id !== undefined) this.pending.delete(id);
  };
  runAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const fn of due) fn();
  }
}

export interface MainGlobals {
  argv: string[];
  env: Record<string, string>;
  clock: ManualClock;
  logs: string[];
}

/** Runs a CommonJS bundle with `require('electron')` answered by the fake and chosen globals shadowed. */
export function runMainBundle(file: string, electron: unknown, globals: MainGlobals): void {
  const code = fs.readFileSync(file, 'utf8');
  const params =
    'exports, require, module, __filename, __dirname, process, console, setTimeout, clearTimeout';
  const wrapper = vm.runInThisContext(`(function (${params}) {${code}\n})`, { filename: file }) as (
    ...args: unknown[]
  ) => void;
  const realRequire = createRequire(file);
  const fakeProcess = Object.create(process, {
    argv: { value: globals.argv },
    env: { value: globals.env },
  }) as unknown;
  const fakeConsole = {
    log: (line: string) => globals.logs.push(line),
    error: (line: string) => globals.logs.push(line),
  };
  const module = { exports: {} };
  const requireFn = (id: string) => (id === 'electron' ? electron : realRequire(id));
  const { clock } = globals;
  wrapper(
    module.exports,
    requireFn,
    module,
    file,
    path.dirname(file),
    fakeProcess,
    fakeConsole,
    clock.setTimeout,
    clock.clearTimeout,
  );
}

/**
 * Runs the preload bundle in a fresh JavaScript context holding only `require`, `module` and `exports`,
 * stricter than Electron's sandbox: no Node.js and no DOM globals at all.
 */
export function runPreloadBundle(file: string, electron: unknown): { required: string[] } {
  const required: string[] = [];
  const module = { exports: {} };
  const require = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${id}"`);
  };
  vm.runInNewContext(
    fs.readFileSync(file, 'utf8'),
    vm.createContext({ require, module, exports: module.exports }),
    {
      filename: file,
    },
  );
  return { required };
}
