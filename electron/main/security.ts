// The hardening settings as plain data and pure decisions: web preferences, the Content Security
// Policy, permissions and IPC sender checks. No `electron` import; index.ts applies them.
import { isAppUrl, originOf, type OriginPolicy } from './url-policy';

/** The subset of Electron's `WebPreferences` the shell sets; index.ts assigns it to the real type. */
export interface ShellWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly experimentalFeatures: false;
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
  readonly spellcheck: false;
  readonly autoplayPolicy: 'no-user-gesture-required';
  readonly devTools: boolean;
}

export function webPreferences(preloadPath: string, options: { devTools: boolean }): ShellWebPreferences {
  return {
    preload: preloadPath,
    // The page and the preload live in separate JavaScript worlds; only contextBridge crosses.
    contextIsolation: true,
    // Set explicitly: a sandboxed renderer has no Node.js, and the preload gets only a small `require`.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Dropping a file or link on a wall must not navigate it away from the app.
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spellchecker downloads dictionaries from Google: useless on a wall and offline machines.
    spellcheck: false,
    // A wall nobody has clicked yet must still sound a new alarm and play its video grid.
    autoplayPolicy: 'no-user-gesture-required',
    devTools: options.devTools,
  };
}

/** The WebSocket origin matching an http(s) app origin (Socket.IO talks to the same server). */
function webSocketOrigin(appOrigin: string): string {
  const url = new URL(appOrigin);
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
}

/**
 * The Content Security Policy for every response the shell loads, starting from `default-src 'none'`.
 * `extraOrigins` (already normalised origins) may serve images, media and data, e.g. an intranet tile
 * server or video gateway; they are never allowed to serve scripts.
 */
export function buildCsp(appOrigin: string, extraOrigins: readonly string[] = []): string {
  const origin = originOf(appOrigin);
  if (origin === null) throw new Error(`buildCsp: "${appOrigin}" is not an http(s) origin`);
  const extras = extraOrigins.map((o) => {
    const normalised = originOf(o);
    if (normalised === null) throw new Error(`buildCsp: "${o}" is not an http(s) origin`);
    return normalised;
  });
  const directives: [string, ...string[]][] = [
    // Nothing is allowed unless a directive below says so.
    ['default-src', "'none'"],
    // The Vite bundle and Cesium come from the app server. 'wasm-unsafe-eval' lets Cesium's
    // WebAssembly decoders (Draco, Basis) compile; it does not allow eval() or new Function().
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    // Stylesheets from the app. 'unsafe-inline': Cesium's CreditDisplay and Widgets inject <style>
    // elements and React renders style attributes; styles cannot run code.
    ['style-src', "'self'", "'unsafe-inline'"],
    // Map tiles, textures and icons: from the app, data: URIs (Cesium's built-in icons) and blob:
    // (imagery decoded off the main thread and handed back as blobs).
    ['img-src', "'self'", 'data:', 'blob:', ...extras],
    // Video walls: hls.js feeds <video> through MediaSource, which needs blob: URLs.
    ['media-src', "'self'", 'blob:', ...extras],
    // REST and Socket.IO on the app server (ws: spelt out for older engines' 'self' matching);
    // Cesium fetches glTF/3D Tiles payloads it has put in data:/blob: URLs.
    ['connect-src', "'self'", webSocketOrigin(origin), 'data:', 'blob:', ...extras],
    // Fonts bundled with the renderer (CJK fonts come from the system).
    ['font-src', "'self'"],
    // Cesium's Web Workers are loaded from the app, or wrapped in blob: URLs by its TaskProcessor.
    ['worker-src', "'self'", 'blob:'],
    // These do not fall back to default-src, so they are closed explicitly.
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ['object-src', "'none'"],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/**
 * Adds the shell's CSP to a response's headers. A policy the server already sent is kept: browsers
 * enforce every policy present, so the result is at least as strict as either.
 */
export function withCsp(
  headers: Readonly<Record<string, string | string[]>> | undefined,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    out[name] = Array.isArray(value) ? [...value] : [value];
  const key = Object.keys(out).find((name) => name.toLowerCase() === 'content-security-policy');
  if (key) out[key] = [...(out[key] ?? []), csp];
  else out['Content-Security-Policy'] = [csp];
  return out;
}

/** Permissions the app may use, and only from its own origin. Camera, microphone, location: never. */
export const ALLOWED_PERMISSIONS: readonly string[] = ['fullscreen', 'notifications'];

/** Used by both the permission request and the permission check handler. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | null | undefined,
  policy: OriginPolicy,
): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isAppUrl(requestingUrl, policy);
}

/** IPC: the frame that sent a message must be showing the app (compared by origin). */
export function isTrustedSender(frameUrl: string | null | undefined, policy: OriginPolicy): boolean {
  return isAppUrl(frameUrl, policy);
}
