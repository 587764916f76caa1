// Where the server is. Served over http(s) the renderer always talks to its own origin (the
// server or the Vite proxy). Loaded from file:// or app:// (Electron) it needs the server's
// origin: the `server` query parameter, else the default local port.

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
