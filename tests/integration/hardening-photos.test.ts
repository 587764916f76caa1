// Malformed photo uploads (issue 17): the upload takes the image bytes as the body; forms (with or
// without a boundary, any part name), truncated and empty bodies, files over 8 MB, a non-image sent as an
// image and a polyglot. Each gets a 4xx in the project's error shape, or is stored and served so that it
// can only ever be an image; nothing half-written stays on disk and nothing is logged as an error.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { raw, type RawAnswer } from '../support/raw';
import { startTestServer, type TestServer } from '../support/server';
import { ingest } from './ingest-helpers';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const form = (boundary: string, name: string, body: Buffer) =>
  Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="a.png"\r\n` +
        'Content-Type: image/png\r\n\r\n',
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

describe('hardening: malformed photo uploads', () => {
  let server: TestServer;
  let token: string;
  let caseId: string;
  let uploads: string;

  before(async () => {
    server = await startTestServer();
    token = await server.loginAs('supervisor');
    const site = await server.ctx.db.sensor.findFirstOrThrow();
    const r = await ingest(server, '/api/ingest/reports', {
      source: 'hotline',
      categoryId: 'event-0102',
      lon: site.lon,
      lat: site.lat,
      description: '照片测试',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    caseId = (await server.ctx.db.case.findFirstOrThrow()).id;
    uploads = path.join(server.dataDir, 'uploads', caseId);
  });
  after(async () => {
    await server.close();
  });

  const stored = () => (fs.existsSync(uploads) ? fs.readdirSync(uploads) : []);
  const upload = (type: string | null, body: Buffer, extra: Record<string, string> = {}) =>
    raw(server.url, 'POST', `/api/cases/${caseId}/photos`, {
      headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}), ...extra },
      body,
    });
  const refused = (r: RawAnswer, status: number, what: string) => {
    assert.equal(r.status, status, `${what}: ${r.text.slice(0, 200)}`);
    const body = r.json as { error: { code: string; message: { zh: string; en: string } } };
    assert.equal(typeof body.error.code, 'string', what);
    assert.ok(body.error.message.zh && body.error.message.en, what);
  };

  test('forms: no boundary, a boundary, any part name: 415 saying to send the bytes', async () => {
    const noBoundary = await upload('multipart/form-data', form('x', 'file', PNG));
    refused(noBoundary, 415, 'no boundary');
    assert.match((noBoundary.json as { error: { message: { en: string } } }).error.message.en, /not a form/);
    refused(await upload('multipart/form-data; boundary=x', form('x', 'photo', PNG)), 415, 'a form');
    refused(await upload('multipart/form-data; boundary=x', form('x', 'wrong', PNG)), 415, 'wrong part');
    refused(await upload('multipart/form-data; boundary=y', form('x', 'file', PNG)), 415, 'other boundary');
    assert.deepEqual(stored(), []);
  });

  test('empty, non-image, SVG and HTML under an image type: 400 / 415', async () => {
    refused(await upload('image/png', Buffer.alloc(0)), 400, 'zero bytes');
    refused(await upload(null, Buffer.alloc(0)), 400, 'zero bytes, no type');
    refused(await upload('image/png', Buffer.from('<html><script>alert(1)</script>')), 415, 'html as png');
    refused(await upload('image/jpeg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), 415, 'svg');
    refused(await upload('text/html', PNG), 415, 'a png declared as html');
    refused(await upload('image/png', PNG.subarray(0, 4)), 415, 'a truncated signature');
    assert.deepEqual(stored(), []);
  });

  test('over 8 MB, announced or streamed: 413, nothing stored', async () => {
    const huge = Buffer.alloc(8 * 1024 * 1024 + 1, 0);
    PNG.copy(huge);
    refused(await upload('image/png', huge), 413, 'announced length');
    refused(await upload('image/png', huge, { 'transfer-encoding': 'chunked' }), 413, 'chunked');
    assert.deepEqual(stored(), []);
  });

  test('a body cut off before its Content-Length: nothing stored, nothing logged, the server goes on', async () => {
    const url = new URL(server.url);
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () => {
        socket.write(
          `POST /api/cases/${caseId}/photos HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
            'Content-Type: image/png\r\nContent-Length: 100000\r\n\r\n',
        );
        socket.write(PNG);
        setImmediate(() => socket.destroy());
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    const health = await server.api('GET', '/api/health');
    assert.equal(health.status, 200);
    assert.deepEqual(stored(), []);
    assert.deepEqual(
      server.logs.lines.filter((l) => l.level === 'error'),
      [],
    );
  });

  test('a photo name of ours with no file behind it: 404 in the error shape', async () => {
    const missing = `/api/cases/${caseId}/photos/00000000-0000-4000-8000-000000000000.png`;
    refused(
      await raw(server.url, 'GET', missing, { headers: { authorization: `Bearer ${token}` } }),
      404,
      'missing file',
    );
    refused(await raw(server.url, 'GET', `/api/cases/${caseId}/photos/..%2f..%2fx.png`), 404, 'a path');
  });

  test('a polyglot (PNG bytes, then HTML) is stored as an image and can only be served as one', async () => {
    const polyglot = Buffer.concat([
      PNG,
      Buffer.from('<html><script>alert(document.cookie)</script></html>'),
    ]);
    const r = await upload('image/png', polyglot);
    assert.equal(r.status, 201, r.text);
    const { preview } = r.json as { preview: string };
    const served = await raw(server.url, 'GET', preview);
    assert.equal(served.status, 200);
    assert.equal(served.headers['content-type'], 'image/png');
    assert.equal(served.headers['x-content-type-options'], 'nosniff');
    assert.match(String(served.headers['content-security-policy']), /default-src 'none'/);
    assert.equal(stored().length, 1);
    assert.match(stored()[0]!, /\.png$/);
  });
});
