// The wall windows: one BrowserWindow per display, created from the plan of wall-layout.ts and brought
// in line with a new plan when the layout or the displays change.
import { BrowserWindow, screen, type WebContents, type WebPreferences } from 'electron';
import { wallWindowUrl } from './url-policy';
import {
  diffPlans,
  planWall,
  type DisplayInfo,
  type WallLayout,
  type WallPlan,
  type WallRole,
  type WindowPlan,
} from './wall-layout';

type Log = (line: string) => void;

const BACKGROUND = '#0b1220';
const TITLE = '城市运行管理服务平台 City Operations';
const RETRY_LOAD_MS = 5000;
// Chromium's net error for a load that was aborted (e.g. by a newer navigation): not a failure.
const ERR_ABORTED = -3;

export interface WallWindowsOptions {
  appUrl: URL;
  preferences: WebPreferences;
  forceKiosk: boolean;
  log: Log;
}

interface OpenWall {
  plan: WindowPlan;
  window: BrowserWindow;
}

export function currentDisplays(): DisplayInfo[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, primary: d.id === primaryId }));
}

export class WallWindows {
  private walls: OpenWall[] = [];

  constructor(private readonly options: WallWindowsOptions) {}

  /** Plans the layout on the displays connected now and opens, keeps or closes windows to match. */
  apply(layout: WallLayout): WallPlan {
    const plan = planWall(layout, currentDisplays(), this.options.forceKiosk ? { forceMode: 'kiosk' } : {});
    for (const warning of plan.warnings) this.options.log(`wall layout: ${warning}`);
    // Displays can vanish for a moment (KVM switch, driver reset): keep the windows until one is back.
    if (plan.windows.length === 0 && this.walls.length > 0) return plan;
    const changes = diffPlans(
      this.walls.map((w) => w.plan),
      plan.windows,
    );
    const closing = this.walls.filter((w) => changes.close.includes(w.plan));
    this.walls = this.walls.filter((w) => !changes.close.includes(w.plan));
    // Open before closing: with no window left in between, Electron would emit 'window-all-closed'.
    for (const windowPlan of changes.open) {
      this.walls.push({ plan: windowPlan, window: this.open(windowPlan) });
    }
    for (const wall of closing) if (!wall.window.isDestroyed()) wall.window.destroy();
    return plan;
  }

  /** The wall window showing this web contents, if it is one of ours. */
  windowOf(contents: WebContents): BrowserWindow | null {
    return (
      this.walls.find((w) => !w.window.isDestroyed() && w.window.webContents === contents)?.window ?? null
    );
  }

  roleOf(contents: WebContents): WallRole | null {
    return (
      this.walls.find((w) => !w.window.isDestroyed() && w.window.webContents === contents)?.plan.role ?? null
    );
  }

  /** Brings the map wall (else the first wall) to the front, e.g. when a second instance starts. */
  focus(): void {
    const wall = this.walls.find((w) => w.plan.role === 'map-wall') ?? this.walls[0];
    if (!wall || wall.window.isDestroyed()) return;
    if (wall.window.isMinimized()) wall.window.restore();
    wall.window.focus();
  }

  get count(): number {
    return this.walls.length;
  }

  private open(plan: WindowPlan): BrowserWindow {
    const { log, appUrl, preferences } = this.options;
    const window = new BrowserWindow({
      ...plan.bounds,
      show: false,
      title: TITLE,
      backgroundColor: BACKGROUND,
      autoHideMenuBar: true,
      fullscreen: plan.mode === 'fullscreen',
      kiosk: plan.mode === 'kiosk',
      webPreferences: preferences,
    });
    const url = wallWindowUrl(appUrl, plan.route, plan.role);
    const load = () => window.loadURL(url).catch(() => undefined); // failures arrive as did-fail-load
    let retry: ReturnType<typeof setTimeout> | undefined;

    window.once('ready-to-show', () => window.show());
    window.webContents.on('did-fail-load', (_event, code, description, failedUrl, isMainFrame) => {
      if (!isMainFrame || code === ERR_ABORTED) return;
      log(`${plan.role} on display ${plan.displayId}: ${failedUrl} failed (${description}); retrying`);
      if (!window.isVisible()) window.show();
      clearTimeout(retry);
      retry = setTimeout(() => {
        if (!window.isDestroyed()) void load();
      }, RETRY_LOAD_MS);
    });
    // A wall must come back by itself if its renderer crashes or is killed.
    window.webContents.on('render-process-gone', (_event, details) => {
      log(`${plan.role} on display ${plan.displayId}: renderer gone (${details.reason}); reloading`);
      if (details.reason !== 'clean-exit' && !window.isDestroyed()) void load();
    });
    window.on('closed', () => {
      clearTimeout(retry);
      this.walls = this.walls.filter((w) => w.window !== window);
    });

    void load();
    log(`opened ${plan.role} (${plan.mode}) on display ${plan.displayId}: ${url}`);
    return window;
  }
}
