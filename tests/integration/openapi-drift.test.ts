// Every route the server mounts is in the OpenAPI document (so tools and the fuzz test find it), and the
// document names no route the server does not have. The routes are read from Express's router stack of
// a running server, not from a list kept by hand.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mountedRoutes } from '../../server/src/http/route-list';
import { startTestServer, type TestServer } from '../support/server';

/** Routes on a regular expression, and the document path that stands for each. */
const PATTERNS: Record<string, string> = {
  // the renderer's single-page fallback (app.ts): every non-API path serves index.html
  'get ^\\/(?!api\\/|socket\\.io\\/).*': 'get /',
};

describe('OpenAPI document: no drift from the mounted routes', () => {
  let server: TestServer;
  let documented: Set<string>;

  before(async () => {
    server = await startTestServer();
    const doc = (
      await server.api<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json')
    ).body;
    documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method} ${path}`),
      ),
    );
  });
  after(async () => {
    await server.close();
  });

  test('the walk finds the routes (it is not comparing empty lists)', () => {
    const mounted = mountedRoutes(...server.apps);
    assert.ok(mounted.routes.length >= 90, `${mounted.routes.length} routes mounted`);
    for (const known of ['get /api/health', 'post /api/cases/{id}/commands', 'get /open311/v2/services.xml'])
      assert.ok(mounted.routes.includes(known), `${known} is found by the walk`);
    assert.deepEqual(mounted.staticPrefixes.filter((p) => p !== '/').sort(), ['/media', '/tiles']);
  });

  test('every mounted route is in the document', () => {
    const mounted = mountedRoutes(...server.apps);
    const missing = mounted.routes.filter((r) => !documented.has(r));
    assert.deepEqual(missing, [], 'add these to server/src/http/openapi-routes.ts');
    for (const pattern of mounted.patterns) {
      const stands = PATTERNS[pattern];
      assert.ok(stands, `a route on a regular expression (${pattern}): name its document path here`);
      assert.ok(documented.has(stands), `${stands} (for ${pattern}) is in the document`);
    }
  });

  test('every documented route is mounted (or served from a static folder)', () => {
    const mounted = mountedRoutes(...server.apps);
    const real = new Set([...mounted.routes, ...Object.values(PATTERNS)]);
    const prefixes = mounted.staticPrefixes.filter((p) => p !== '/');
    const stale = [...documented].filter(
      (r) => !real.has(r) && !prefixes.some((p) => r.startsWith(`get ${p}/`)),
    );
    assert.deepEqual(stale, [], 'the document names routes the server does not mount');
  });
});
