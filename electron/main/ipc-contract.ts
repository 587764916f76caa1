// The IPC contract between the preload and the main process: a const allowlist of channels, each with
// a zod schema for its arguments (a tuple) and its result. Shared by main (which validates every call
// from a renderer) and the preload (which builds its named functions from it). Pure: no `electron`.
import * as z from 'zod';
import { formatIssues, WALL_ROLES, WallLayout } from './wall-layout';

export const AppInfo = z.strictObject({
  version: z.string().max(64),
  platform: z.string().max(32),
  /** The role of the window that asked; null if it is not a wall window. */
  wallRole: z.enum(WALL_ROLES).nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const WallLayoutState = z.strictObject({
  layout: WallLayout,
  /** True when no valid layout file exists and the default layout is in use. */
  isDefault: z.boolean(),
  warnings: z.array(z.string()),
});
export type WallLayoutState = z.infer<typeof WallLayoutState>;

/** Alarm levels follow the city's emergency grading: 1 (一级, most severe) to 4 (四级). */
export const AlarmNotice = z.strictObject({
  level: z.number().int().min(1).max(4),
  title: z.string().trim().min(1).max(200),
  body: z.string().max(1000),
});
export type AlarmNotice = z.infer<typeof AlarmNotice>;

export const IPC_CONTRACT = {
  'app:getInfo': { args: z.tuple([]), result: AppInfo },
  'wall:getLayout': { args: z.tuple([]), result: WallLayoutState },
  /** Saves the layout and re-plans the windows at once. */
  'wall:saveLayout': {
    args: z.tuple([WallLayout]),
    result: z.strictObject({ windows: z.number().int().min(0), warnings: z.array(z.string()) }),
  },
  'window:setFullscreen': {
    args: z.tuple([z.boolean()]),
    result: z.strictObject({ fullscreen: z.boolean() }),
  },
  'window:toggleKiosk': { args: z.tuple([]), result: z.strictObject({ kiosk: z.boolean() }) },
  /** Flashes the sender's window in the taskbar and shows a native notification when supported. */
  'notify:alarm': { args: z.tuple([AlarmNotice]), result: z.strictObject({ shown: z.boolean() }) },
  /** Opens a drill node (演练) of the app server in a window of its own; main checks the address. */
  'drill:openWindow': {
    args: z.tuple([z.string().trim().min(1).max(2048)]),
    result: z.strictObject({ opened: z.boolean() }),
  },
} as const;

export type IpcChannel = keyof typeof IPC_CONTRACT;
export const IPC_CHANNELS = Object.keys(IPC_CONTRACT) as IpcChannel[];
export type IpcArgs<C extends IpcChannel> = z.infer<(typeof IPC_CONTRACT)[C]['args']>;
export type IpcResult<C extends IpcChannel> = z.infer<(typeof IPC_CONTRACT)[C]['result']>;

/** One validated call: `channel` narrows `args`. */
export type IpcCall = { [C in IpcChannel]: { channel: C; args: IpcArgs<C> } }[IpcChannel];

/** The functions the preload exposes as `window.cityOps`, each bound to one channel. */
export const PRELOAD_API = {
  getInfo: 'app:getInfo',
  getWallLayout: 'wall:getLayout',
  saveWallLayout: 'wall:saveLayout',
  setFullscreen: 'window:setFullscreen',
  toggleKiosk: 'window:toggleKiosk',
  notifyAlarm: 'notify:alarm',
  openDrillWindow: 'drill:openWindow',
} as const satisfies Record<string, IpcChannel>;

export type CityOpsApi = {
  [K in keyof typeof PRELOAD_API]: (
    ...args: IpcArgs<(typeof PRELOAD_API)[K]>
  ) => Promise<IpcResult<(typeof PRELOAD_API)[K]>>;
};

export class IpcValidationError extends Error {
  override readonly name = 'IpcValidationError';
  constructor(
    readonly code: 'unknown-channel' | 'invalid-args' | 'invalid-result',
    message: string,
  ) {
    super(message);
  }
}

export function isIpcChannel(channel: unknown): channel is IpcChannel {
  return typeof channel === 'string' && Object.hasOwn(IPC_CONTRACT, channel);
}

function describeArgs(channel: IpcChannel, error: z.ZodError, given: unknown): string {
  const expected = IPC_CONTRACT[channel].args.def.items.length;
  const countIssue = error.issues.find((issue) => issue.path.length === 0);
  if (countIssue && Array.isArray(given)) {
    return `"${channel}" takes ${expected} argument(s), got ${given.length}`;
  }
  const issues = error.issues.map((issue) => ({
    ...issue,
    path: issue.path.map((key, i) => (i === 0 && typeof key === 'number' ? `argument ${key + 1}` : key)),
  }));
  return `invalid arguments for "${channel}": ${formatIssues(new z.ZodError(issues))}`;
}

/** Validates the arguments of a known channel; throws an `IpcValidationError` with a clear message. */
export function parseArgs<C extends IpcChannel>(channel: C, args: unknown): IpcArgs<C> {
  if (!isIpcChannel(channel))
    throw new IpcValidationError('unknown-channel', `unknown IPC channel "${String(channel)}"`);
  const parsed = IPC_CONTRACT[channel].args.safeParse(args);
  if (!parsed.success)
    throw new IpcValidationError('invalid-args', describeArgs(channel, parsed.error, args));
  // safeParse on the generic entry infers the union of all channels' arguments; this entry's is C's.
  return parsed.data as IpcArgs<C>;
}

/** Main checks its own answers too, so the preload and renderer can trust the declared result types. */
export function parseResult<C extends IpcChannel>(channel: C, result: unknown): IpcResult<C> {
  const parsed = IPC_CONTRACT[channel].result.safeParse(result);
  if (!parsed.success) {
    throw new IpcValidationError(
      'invalid-result',
      `invalid result from "${channel}": ${formatIssues(parsed.error)}`,
    );
  }
  // As in parseArgs: the entry for C yields C's result type.
  return parsed.data as IpcResult<C>;
}

export type InvokeCheck = { ok: true; call: IpcCall } | { ok: false; error: IpcValidationError };

/** The edge check for anything arriving over IPC: an allowlisted channel and valid arguments. */
export function validateInvoke(channel: unknown, args: unknown): InvokeCheck {
  try {
    if (!isIpcChannel(channel)) {
      throw new IpcValidationError('unknown-channel', `unknown IPC channel "${String(channel)}"`);
    }
    // Same correlation as above: the arguments were parsed with `channel`'s schema.
    return { ok: true, call: { channel, args: parseArgs(channel, args) } as IpcCall };
  } catch (error) {
    if (error instanceof IpcValidationError) return { ok: false, error };
    throw error;
  }
}
