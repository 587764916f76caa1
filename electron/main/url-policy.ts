// Where the shell may go. URLs are parsed and compared by origin (scheme, host, port), never by
// substring: `http://127.0.0.1:5870@evil.com` is the host evil.com, `localhost` and `127.0.0.1` are
// different origins unless configured as aliases. Pure: no `electron` import.

export const DEFAULT_APP_URL = 'http://127.0.0.1:5870';

/** A configuration error with a message the operator can act on. */
export class UrlPolicyError extends Error {
  override readonly name = 'UrlPolicyError';
}

/** Parses an http(s) URL without userinfo; anything else (javascript:, file:, data:, garbage) is null. */
export function parseWebUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Credentials in a URL only serve to disguise the real host; the app never uses them.
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

/** The normalised origin of an http(s) URL (`http://127.0.0.1:5870`), or null. */
export function originOf(raw: unknown): string | null {
  return parseWebUrl(raw)?.origin ?? null;
}

/** Normalises a configured origin; throws a `UrlPolicyError` naming the setting when it is not one. */
export function requireOrigin(raw: string, setting: string): string {
  const url = parseWebUrl(raw.trim());
  if (!url) throw new UrlPolicyError(`${setting}: "${raw}" is not an http(s) URL without credentials`);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new UrlPolicyError(`${setting}: "${raw}" must be an origin only (scheme, host and port)`);
  }
  return url.origin;
}

/** The app origin plus the aliases configured for it (e.g. `http://localhost:5870`). */
export interface OriginPolicy {
  appOrigin: string;
  aliases: readonly string[];
}

/** True when `url` is an http(s) URL on the app origin or one of its configured aliases. */
export function isAppUrl(url: unknown, policy: OriginPolicy): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  return origin === originOf(policy.appOrigin) || policy.aliases.some((alias) => origin === originOf(alias));
}

/** `will-navigate` / `will-frame-navigate`: only within the app. */
export function isNavigationAllowed(url: unknown, policy: OriginPolicy): boolean {
  return isAppUrl(url, policy);
}

/** `will-redirect`: a redirect may not leave the app either. */
export function isRedirectAllowed(url: unknown, policy: OriginPolicy): boolean {
  return isAppUrl(url, policy);
}

/**
 * `setWindowOpenHandler`: the shell never opens a new Electron window. An http(s) link whose origin is on
 * the explicit allowlist (empty by default) may be handed to the operating system's browser.
 */
export function decideWindowOpen(
  url: unknown,
  externalAllowlist: readonly string[],
): { action: 'deny'; openExternally: boolean } {
  const origin = originOf(url);
  const listed = origin !== null && externalAllowlist.some((allowed) => originOf(allowed) === origin);
  return { action: 'deny', openExternally: listed };
}

/**
 * A drill node (演练, issue 15) the shell may open in a window of its own: an http(s) URL on the app's
 * own host (a drill is a second server node of the app server, on another port), origin only. A node
 * listening on every interface (0.0.0.0, [::]) is reached through the app's host. Returns the origin, or
 * null for anything else (another host, credentials, javascript:, a path).
 */
export function drillOrigin(raw: unknown, appUrl: URL): string | null {
  const url = parseWebUrl(raw);
  if (!url || url.search !== '' || url.hash !== '' || (url.pathname !== '/' && url.pathname !== ''))
    return null;
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = appUrl.hostname;
  if (url.hostname !== appUrl.hostname || url.protocol !== appUrl.protocol) return null;
  return url.origin;
}

export interface ShellConfig {
  /** Where the renderer is served, e.g. http://127.0.0.1:5870/ */
  appUrl: URL;
  policy: OriginPolicy;
  /** Origins whose links may open in the system browser (deny by default). */
  externalOrigins: string[];
  /** Extra origins the renderer may load images/media/data from (e.g. an intranet tile server). */
  cspExtraOrigins: string[];
  /** `--kiosk`: every wall window in kiosk mode, whatever the layout says. */
  forceKiosk: boolean;
  /** `--wall-layout=` or WALL_LAYOUT_FILE: the layout file; null means `<userData>/wall-layout.json`. */
  layoutFile: string | null;
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return argv.findLast((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

function originList(raw: string | undefined, setting: string): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => requireOrigin(part, setting));
}

/**
 * Reads the shell's settings from the command line and the environment (the command line wins):
 * `--app-url=` / APP_URL (default http://127.0.0.1:5870), APP_ORIGIN_ALIASES, EXTERNAL_LINK_ORIGINS,
 * CSP_EXTRA_ORIGINS (comma-separated origins), `--kiosk`, `--wall-layout=` / WALL_LAYOUT_FILE.
 */
export function resolveShellConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ShellConfig {
  const rawUrl = argValue(argv, 'app-url') ?? env.APP_URL ?? DEFAULT_APP_URL;
  const appUrl = parseWebUrl(rawUrl.trim());
  if (!appUrl) throw new UrlPolicyError(`app URL: "${rawUrl}" is not an http(s) URL without credentials`);
  return {
    appUrl,
    policy: { appOrigin: appUrl.origin, aliases: originList(env.APP_ORIGIN_ALIASES, 'APP_ORIGIN_ALIASES') },
    externalOrigins: originList(env.EXTERNAL_LINK_ORIGINS, 'EXTERNAL_LINK_ORIGINS'),
    cspExtraOrigins: originList(env.CSP_EXTRA_ORIGINS, 'CSP_EXTRA_ORIGINS'),
    forceKiosk: argv.includes('--kiosk'),
    layoutFile: argValue(argv, 'wall-layout') ?? env.WALL_LAYOUT_FILE ?? null,
  };
}

/** The URL a wall window loads: the route on the app origin, with the wall role as a query parameter. */
export function wallWindowUrl(appUrl: URL, route: string, role: string): string {
  const url = new URL(route, appUrl.origin);
  if (url.origin !== appUrl.origin) throw new UrlPolicyError(`route "${route}" leaves the app origin`);
  url.searchParams.set('wall', role);
  return url.toString();
}
