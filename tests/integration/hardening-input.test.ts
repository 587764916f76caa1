// Bad input is a 4xx in the project's error shape on every route, never a 500, a stack or a path
// (issue 17, defects 1 and 2), and every answer carries the security headers (defect 6).
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { ApiError } from '../../contract/http';
import { leaksInternals, raw, type RawAnswer } from '../support/raw';
import { startTestServer, type TestServer } from '../support/server';

function assertApiError(answer: RawAnswer, status: number, what: string) {
  assert.equal(answer.status, status, `${what}: ${answer.status} ${answer.text.slice(0, 200)}`);
  assert.ok(
    ApiError.safeParse(answer.json).success,
    `${what}: not the error shape: ${answer.text.slice(0, 200)}`,
  );
  assert.ok(!leaksInternals(answer.text), `${what}: leaks internals: ${answer.text.slice(0, 200)}`);
}

describe('hardening: bad input', () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer();
    token = await server.loginAs('dispatcher');
  });
  after(async () => {
    await server.close();
  });

  test('bad percent-encoding in a :param is a 400 on every route, signed in or not', async () => {
    const routes = [
      '/api/cases/%E0%A4%A',
      '/api/alarms/%E0%A4%A',
      '/api/incidents/%E0%A4%A',
      '/api/sensors/%E0%A4%A',
      '/api/parts/%E0%A4%A',
      '/api/ingest/tickets/%E0%A4%A',
    ];
    for (const path of routes) {
      const headerSets: Array<Record<string, string>> = [
        {},
        { authorization: `Bearer ${token}` },
        { 'x-ingest-key': server.ingestKey },
      ];
      for (const headers of headerSets) {
        const answer = await raw(server.url, 'GET', path, { headers });
        assert.ok(answer.status === 400 || answer.status === 401, `${path}: ${answer.status}`);
        assertApiError(answer, answer.status, path);
      }
    }
    const open311 = await raw(server.url, 'GET', '/open311/v2/requests/%E0%A4%A.json');
    assert.equal(open311.status, 400);
    assert.ok(!leaksInternals(open311.text));
    assert.equal((open311.json as Array<{ code: number }>)[0]?.code, 400);
  });

  test('bodies in an unsupported charset or encoding are 415, a broken gzip body is 400', async () => {
    const body = JSON.stringify({ username: 'dispatcher', password: 'x' });
    const latin1 = await raw(server.url, 'POST', '/api/auth/login', {
      headers: { 'content-type': 'application/json; charset=latin1' },
      body,
    });
    assertApiError(latin1, 415, 'charset=latin1');
    const compress = await raw(server.url, 'POST', '/api/auth/login', {
      headers: { 'content-type': 'application/json', 'content-encoding': 'compress' },
      body,
    });
    assertApiError(compress, 415, 'Content-Encoding: compress');
    const notGzip = await raw(server.url, 'POST', '/api/auth/login', {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    assertApiError(notGzip, 400, 'Content-Encoding: gzip with plain bytes');
    const gzip = await raw(server.url, 'POST', '/api/auth/login', {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: zlib.gzipSync(JSON.stringify({ username: 'dispatcher', password: 'demo123' })),
    });
    assert.equal(gzip.status, 200, 'a real gzip body still works');
    const open311 = await raw(server.url, 'POST', '/open311/v2/requests.json', {
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: '{}',
    });
    assert.equal(open311.status, 415);
  });

  test("asset routes answer bad paths with the error shape, never send's HTML with a stack", async () => {
    for (const prefix of ['/tiles', '/media']) {
      for (const tail of [
        '/..%2f..%2fpackage.json',
        '/%00',
        '/%E0%A4%A',
        '/../../package.json',
        '/nope.png',
      ]) {
        const answer = await raw(server.url, 'GET', `${prefix}${tail}`);
        assert.ok([400, 403, 404].includes(answer.status), `${prefix}${tail}: ${answer.status}`);
        assertApiError(answer, answer.status, `${prefix}${tail}`);
        assert.doesNotMatch(answer.text, /"name"\s*:\s*"city-ops-command"/);
      }
    }
    assert.equal(
      server.logs.lines.filter((e) => e.level === 'error').length,
      0,
      'nothing logged as unhandled',
    );
  });

  test('security headers on the page, the API, assets and errors', async () => {
    for (const path of [
      '/',
      '/?wall=video-wall',
      '/api/health',
      '/api/nope',
      '/tiles/nope.png',
      '/open311/v2/services.json',
    ]) {
      const answer = await raw(server.url, 'GET', path, { headers: { host: `127.0.0.1:${server.port}` } });
      const csp = String(answer.headers['content-security-policy'] ?? '');
      assert.match(csp, /^default-src 'none'/, `${path}: CSP`);
      assert.match(csp, new RegExp(`connect-src 'self' ws://127\\.0\\.0\\.1:${server.port} `), `${path}: ws`);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', `${path}: nosniff`);
      assert.equal(answer.headers['x-frame-options'], 'DENY', `${path}: frame options`);
      assert.equal(answer.headers['x-powered-by'], undefined);
    }
    const spoofed = await raw(server.url, 'GET', '/api/health', { headers: { host: 'evil; script-src *' } });
    assert.doesNotMatch(String(spoofed.headers['content-security-policy']), /script-src \*/);
  });

  test('Open311 serves every call as .xml beside .json, errors too', async () => {
    const services = await raw(server.url, 'GET', '/open311/v2/services.xml');
    assert.equal(services.status, 200);
    assert.match(String(services.headers['content-type']), /application\/xml/);
    assert.match(services.text, /^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>/);
    const post = await raw(server.url, 'POST', '/open311/v2/requests.xml', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'service_code=event-0102&lat=34.6&long=119.18&description=%3Cb%3E%26',
    });
    assert.equal(post.status, 201, post.text);
    const id = /<service_request_id>([^<]+)<\/service_request_id>/.exec(post.text)?.[1];
    assert.ok(id);
    const one = await raw(server.url, 'GET', `/open311/v2/requests/${id}.xml`);
    assert.equal(one.status, 200);
    assert.match(one.text, /<description>&lt;b&gt;&amp;<\/description>/);
    const list = await raw(server.url, 'GET', '/open311/v2/requests.xml');
    assert.match(list.text, /<service_requests><request>/);
    const missing = await raw(server.url, 'GET', '/open311/v2/requests/nope.xml');
    assert.equal(missing.status, 404);
    assert.match(missing.text, /<errors><error><code>404<\/code><description>/);
    const bad = await raw(server.url, 'GET', '/open311/v2/requests/%E0%A4%A.xml');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<errors><error><code>400<\/code>/);
  });
});
