// Preload (bundled to electron/dist/preload.cjs; runs sandboxed, so it is one CommonJS file whose only
// `require` is 'electron'). Exposes a few named functions as `window.cityOps`, each bound to one channel
// of the IPC contract. Neither `ipcRenderer` nor a generic invoke ever reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import * as z from 'zod';
import {
  parseArgs,
  type CityOpsApi,
  type IpcArgs,
  type IpcChannel,
  type IpcResult,
} from '../main/ipc-contract';

// The page's CSP has no 'unsafe-eval': tell zod not to probe `new Function` for its fast path.
z.config({ jitless: true });

/** Validates here as well, so a wrong call fails in the page with a clear message before crossing. */
async function call<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> {
  const checked = parseArgs(channel, args);
  // The main process validates the result against the contract before answering.
  return (await ipcRenderer.invoke(channel, ...checked)) as IpcResult<C>;
}

const api: CityOpsApi = {
  getInfo: () => call('app:getInfo'),
  getWallLayout: () => call('wall:getLayout'),
  saveWallLayout: (layout) => call('wall:saveLayout', layout),
  setFullscreen: (flag) => call('window:setFullscreen', flag),
  toggleKiosk: () => call('window:toggleKiosk'),
  notifyAlarm: (notice) => call('notify:alarm', notice),
  openDrillWindow: (url) => call('drill:openWindow', url),
};

contextBridge.exposeInMainWorld('cityOps', Object.freeze(api));
