// IPC handlers: only the channels of the contract are registered. Every call is checked: the sending
// frame shows the app (by origin) and is the main frame of one of our wall windows; then its arguments
// are validated, and so is the answer.
import { ipcMain, Notification, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  IPC_CHANNELS,
  parseArgs,
  parseResult,
  type IpcArgs,
  type IpcChannel,
  type IpcResult,
  type WallLayoutState,
} from './ipc-contract';
import { isTrustedSender } from './security';
import type { OriginPolicy } from './url-policy';
import type { WallLayout, WallPlan } from './wall-layout';
import type { WallWindows } from './walls';

export interface IpcDeps {
  policy: OriginPolicy;
  walls: WallWindows;
  version: string;
  getLayout: () => WallLayoutState;
  /** Saves the layout and applies it; throws with a user-facing message when the file cannot be written. */
  saveLayout: (layout: WallLayout) => WallPlan;
  log: (line: string) => void;
  /** Opens (or focuses) the window of a drill node's URL; false when it is no drill node of the app's host. */
  openDrill: (url: string) => boolean;
}

type Handlers = {
  [C in IpcChannel]: (args: IpcArgs<C>, window: BrowserWindow) => IpcResult<C>;
};

/** Thrown to the renderer (which sees its message) when a sender is not trusted. */
export class IpcSenderError extends Error {
  override readonly name = 'IpcSenderError';
}

function handlers(deps: IpcDeps): Handlers {
  // Held until closed: a notification that is garbage-collected loses its click handler.
  const shown = new Set<Notification>();
  return {
    'app:getInfo': (_args, window) => ({
      version: deps.version,
      platform: process.platform,
      wallRole: deps.walls.roleOf(window.webContents),
    }),
    'wall:getLayout': () => deps.getLayout(),
    'wall:saveLayout': ([layout]) => {
      const plan = deps.saveLayout(layout);
      return { windows: plan.windows.length, warnings: plan.warnings };
    },
    'window:setFullscreen': ([flag], window) => {
      window.setFullScreen(flag);
      return { fullscreen: flag };
    },
    'window:toggleKiosk': (_args, window) => {
      const kiosk = !window.isKiosk();
      window.setKiosk(kiosk);
      return { kiosk };
    },
    'drill:openWindow': ([url]) => ({ opened: deps.openDrill(url) }),
    'notify:alarm': ([notice], window) => {
      window.flashFrame(true);
      window.once('focus', () => window.flashFrame(false));
      if (!Notification.isSupported()) return { shown: false };
      const notification = new Notification({
        title: notice.title,
        body: notice.body,
        urgency: notice.level <= 2 ? 'critical' : 'normal',
        timeoutType: notice.level <= 2 ? 'never' : 'default',
      });
      notification.on('click', () => {
        if (!window.isDestroyed()) window.focus();
      });
      notification.on('close', () => shown.delete(notification));
      shown.add(notification);
      notification.show();
      return { shown: true };
    },
  };
}

/** The wall window that sent this call, or an error explaining why the call is refused. */
function trustedWindow(event: IpcMainInvokeEvent, deps: IpcDeps): BrowserWindow {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null)
    throw new IpcSenderError('IPC is only accepted from a top-level frame');
  if (!isTrustedSender(frame.url, deps.policy))
    throw new IpcSenderError('IPC is only accepted from the app origin');
  const window = deps.walls.windowOf(event.sender);
  if (!window) throw new IpcSenderError('IPC is only accepted from a wall window');
  return window;
}

function register<C extends IpcChannel>(channel: C, table: Handlers, deps: IpcDeps): void {
  ipcMain.handle(channel, (event, ...raw: unknown[]) => {
    try {
      const window = trustedWindow(event, deps);
      const args = parseArgs(channel, raw);
      return parseResult(channel, table[channel](args, window));
    } catch (error) {
      deps.log(`IPC "${channel}" refused: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  });
}

export function registerIpc(deps: IpcDeps): void {
  const table = handlers(deps);
  for (const channel of IPC_CHANNELS) register(channel, table, deps);
}
