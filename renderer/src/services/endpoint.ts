// Where the server is. Served over http(s) the renderer always talks to its own origin (the
// server or the Vite proxy). Loaded from file:// or app:// (Electron) it needs the server's
// origin: the `server` query parameter, else the default local port.
import { isWallRole, type WallRole } from '../state/wall';

export const DEFAULT_SERVER_ORIGIN = 'http://127.0.0.1:5870';

export interface PageLocation {
  protocol: string;
  origin: string;
  search: string;
}

export function serverOrigin(location: PageLocation): string {
  if (location.protocol === 'http:' || location.protocol === 'https:') return location.origin;
  const param = new URLSearchParams(location.search).get('server');
  if (param) {
    try {
      const url = new URL(param);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
    } catch {
      // Not a URL: fall through to the default.
    }
  }
  return DEFAULT_SERVER_ORIGIN;
}

/**
 * `?map=off` runs the workspaces without the 3D map: for desk computers without a usable GPU (a
 * department's office PC) and for tests of the workflow that do not need WebGL.
 */
export function mapEnabled(search: string): boolean {
  return new URLSearchParams(search).get('map') !== 'off';
}

/**
 * The role of this window on the command hall's wall: Electron opens one window per display with
 * `?wall=map-wall | video-wall | briefing` (electron/main/url-policy.ts `wallWindowUrl`). A plain
 * browser tab, a missing or an unknown role is the map wall, the window that does everything.
 */
export function wallRole(search: string): WallRole {
  let value: string | null;
  try {
    value = new URLSearchParams(search).get('wall');
  } catch {
    return 'map-wall';
  }
  const role = value?.trim().toLowerCase();
  return isWallRole(role) ? role : 'map-wall';
}

export interface AttachmentView {
  /** shown inline (same server, an image) or as a link (another site, or not an image) */
  kind: 'image' | 'link';
  href: string;
}

const IMAGE = /\.(jpe?g|png|gif|webp|svg|avif)(\?.*)?$/i;

/**
 * How to show an attachment URL: paths are resolved against the server; images from the server are
 * shown inline, anything from elsewhere only as a link, so the wall never loads third-party content
 * by itself.
 */
export function attachmentView(url: string, origin: string): AttachmentView {
  let resolved: URL;
  try {
    resolved = new URL(url, `${origin}/`);
  } catch {
    return { kind: 'link', href: url };
  }
  const sameServer = resolved.origin === new URL(origin).origin;
  const href = resolved.toString();
  return { kind: sameServer && IMAGE.test(resolved.pathname) ? 'image' : 'link', href };
}

/** Sample site photos served with the renderer (public/samples), for demos and drills. */
export const SAMPLE_PHOTOS: readonly string[] = [1, 2, 3, 4].map((n) => `/samples/site-${n}.svg`);
