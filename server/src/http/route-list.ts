// The routes an Express application really mounts, read from its router stack (router 2's
// `listRoutes`, recursing into mounted routers and the applications given): `METHOD /path` with
// `{param}` for `:param`, as the OpenAPI document writes them. Static folders (express.static under a
// prefix) are listed as prefixes. tests/integration/openapi-drift.test.ts compares them with the
// OpenAPI document, so a new route cannot stay out of it (and out of the fuzz test).
import type express from 'express';

export interface MountedRoutes {
  /** `get /api/cases/{id}` … (lower-case method, OpenAPI path) */
  routes: string[];
  /** `/tiles` … prefixes served by static middleware */
  staticPrefixes: string[];
  /** routes on a regular expression (the renderer's fallback), by source */
  patterns: string[];
}

interface Listed {
  path: string | RegExp;
  methods: string[] | undefined;
  router: Listing | undefined;
}
interface Listing {
  listRoutes(): Listed[];
  stack: Array<{ rawPath?: unknown; route?: unknown; handle: { name?: string } }>;
}

/** Lower-case methods, without the HEAD Express answers for every GET. */
const verbs = (methods: string[]) =>
  methods.map((m) => m.toLowerCase()).filter((m, _, all) => m !== 'head' || !all.includes('get'));
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function walk(router: Listing, prefix: string, out: MountedRoutes): void {
  for (const { path, methods, router: child } of router.listRoutes()) {
    if (path instanceof RegExp) {
      if (methods) out.patterns.push(`${verbs(methods).join(',')} ${path.source}`);
      continue;
    }
    const full = `${prefix}${path === '/' && child ? '' : path}`;
    if (child) walk(child, full, out);
    else for (const method of verbs(methods ?? [])) out.routes.push(`${method} ${openApiPath(full)}`);
  }
  for (const layer of router.stack) {
    if (!layer.route && layer.handle.name === 'serveStatic' && typeof layer.rawPath === 'string')
      out.staticPrefixes.push(`${prefix}${layer.rawPath}`);
  }
}

/** Every route of these applications (each mounted at the root of the server). */
export function mountedRoutes(...apps: express.Express[]): MountedRoutes {
  const out: MountedRoutes = { routes: [], staticPrefixes: [], patterns: [] };
  for (const app of apps) walk(app.router as unknown as Listing, '', out);
  out.routes = [...new Set(out.routes)].sort();
  return out;
}
