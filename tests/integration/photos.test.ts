// Site photos: uploaded bytes are sniffed (not the header), size-checked, stored under DATA_DIR and
// served only to readers of the case: with their token, or through the signed URLs their case detail
// carries (an <img> sends no token).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CaseDetail } from '@contract/cases';
import { sniffImage } from '../../server/src/photos/store';
import { startTestServer, type TestServer } from '../support/server';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe('photo sniffing', () => {
  test('JPEG, PNG and WebP by their bytes; nothing else', () => {
    assert.equal(sniffImage(PNG), 'png');
    assert.equal(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])), 'jpg');
    assert.equal(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'webp');
    assert.equal(sniffImage(SVG), null);
    assert.equal(sniffImage(Buffer.from('<html>')), null);
    assert.equal(sniffImage(Buffer.alloc(0)), null);
  });
});

describe('photo upload', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  const upload = (token: string, caseId: string, body: Buffer, type: string) =>
    fetch(`${server.url}/api/cases/${caseId}/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body,
    });

  test('stored, attached, served to readers only', async () => {
    const supervisor = await server.loginAs('supervisor');
    const created = await server.api<CaseDetail>(
      'POST',
      '/api/cases',
      {
        source: 'inspector',
        categoryId: 'event-0102',
        lon: 119.17,
        lat: 34.6,
        address: '照片路 1 号',
        description: 'photo upload',
        photos: [],
      },
      supervisor,
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const caseId = created.body.id;

    const svg = await upload(supervisor, caseId, SVG, 'image/png');
    assert.equal(svg.status, 415, 'an SVG claiming to be a PNG is refused');
    const text = await upload(supervisor, caseId, Buffer.from('hello'), 'text/plain');
    assert.equal(text.status, 415);
    const big = await upload(
      supervisor,
      caseId,
      Buffer.concat([PNG, Buffer.alloc(9 * 1024 * 1024)]),
      'image/png',
    );
    assert.equal(big.status, 413);

    const ok = await upload(supervisor, caseId, PNG, 'image/png');
    assert.equal(ok.status, 201);
    const { url, preview } = (await ok.json()) as { url: string; preview: string };
    assert.match(url, new RegExp(`^/api/cases/${caseId}/photos/[0-9a-f-]{36}\\.png$`));

    // Unsigned and without a token: refused; the signed preview and a reader's token: served.
    assert.equal((await fetch(`${server.url}${url}`)).status, 401);
    const viaPreview = await fetch(`${server.url}${preview}`);
    assert.equal(viaPreview.status, 200);
    assert.equal(viaPreview.headers.get('content-type'), 'image/png');
    assert.equal(viaPreview.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(Buffer.from(await viaPreview.arrayBuffer()), PNG);
    const tampered = preview.replace(/sig=./, 'sig=x');
    assert.equal((await fetch(`${server.url}${tampered}`)).status, 401);

    // Attached to a command, the reader's detail carries a signed URL; a handler of another department
    // may neither upload to nor read the case.
    const current = await server.api<CaseDetail>('GET', `/api/cases/${caseId}`, undefined, supervisor);
    const verifying = await server.api<CaseDetail>(
      'POST',
      `/api/cases/${caseId}/commands`,
      { command: 'verify', version: current.body.version },
      supervisor,
    );
    const commented = await server.api<CaseDetail>(
      'POST',
      `/api/cases/${caseId}/commands`,
      {
        command: 'verifyResult',
        valid: true,
        version: verifying.body.version,
        note: '现场照片',
        attachments: [url],
      },
      supervisor,
    );
    assert.equal(commented.status, 200, JSON.stringify(commented.body));
    const shown = commented.body.events.at(-1)?.attachments[0] ?? '';
    assert.match(shown, /\?exp=\d+&sig=/);
    assert.equal((await fetch(`${server.url}${shown}`)).status, 200);

    const outsider = await server.loginAs('handler.water');
    const denied = await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${outsider}` } });
    assert.equal(denied.status, 403);
    assert.equal((await upload(outsider, caseId, PNG, 'image/png')).status, 403);
    const traversal = await fetch(`${server.url}/api/cases/${caseId}/photos/..%2F..%2Fcity-ops.db`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    assert.equal(traversal.status, 404);
  });
});
