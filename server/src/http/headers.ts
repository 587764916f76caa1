// Security headers on every answer of the server (helmet): the client's Content Security Policy
// (contract/csp.ts, the same as the Electron shell's), nosniff, no framing, no referrer, same-origin
// resource and opener policies. The browser fallback, `?wall=` windows and a command-hall network
// (HOST=0.0.0.0) get the shell's policy this way. HSTS is off: the server speaks plain HTTP, and a
// proxy that terminates TLS sets its own.
import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import type { RequestHandler } from 'express';
import { cspDirectives } from '@contract/csp';

/** The http(s) origin of a configured URL or template (BASEMAP_URL, CAMERA_STREAM_TEMPLATE), else null. */
function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.replace(/\{[^}]*\}/g, 'x'));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Origins a city configured for base tiles, 3D buildings and video: images, media, data; never scripts. */
export function configuredOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const origins = [env.BASEMAP_URL, env.BUILDINGS_TILESET_URL, env.CAMERA_STREAM_TEMPLATE]
    .map(originOf)
    .filter((o): o is string => o !== null);
  const subdomains = (env.BASEMAP_SUBDOMAINS ?? '').split(',').filter(Boolean);
  if (env.BASEMAP_URL?.includes('{s}'))
    for (const s of subdomains) {
      const o = originOf(env.BASEMAP_URL.replace('{s}', s));
      if (o) origins.push(o);
    }
  return [...new Set(origins)];
}

const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** ws(s)://host of the request, so Socket.IO may connect on engines where 'self' does not cover ws:. */
function webSocketOriginOf(req: IncomingMessage): string | null {
  const host = req.headers.host;
  if (!host || !HOST.test(host)) return null;
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  return `${secure ? 'wss' : 'ws'}://${host}`;
}

export function securityHeaders(env: NodeJS.ProcessEnv = process.env): RequestHandler {
  const extras = configuredOrigins(env);
  const directives: Record<string, Array<string | ((req: IncomingMessage) => string)>> = {};
  for (const [name, ...values] of cspDirectives(null, extras)) directives[name] = values;
  // The connect-src WebSocket origin depends on the address the client used (a hall network has many).
  directives['connect-src']?.splice(1, 0, (req) => webSocketOriginOf(req) ?? "'self'");
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  }) as RequestHandler;
}
