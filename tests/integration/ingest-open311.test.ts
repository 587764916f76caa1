import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/server';
import { send } from './ingest-helpers';

type Open311Error = Array<{ code: number; description: string }>;

describe('Open311 GeoReport v2', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  test('services.json lists the subclasses in the spec shape', async () => {
    const r = await send<Array<Record<string, unknown>>>(server, 'GET', '/open311/v2/services.json');
    assert.equal(r.status, 200);
    const rubbish = r.body.find((s) => s.service_code === 'event-0102');
    assert.deepEqual(Object.keys(rubbish ?? {}).sort(), [
      'description',
      'group',
      'keywords',
      'metadata',
      'service_code',
      'service_name',
      'type',
    ]);
    assert.equal(rubbish?.service_name, '暴露垃圾');
    assert.equal(rubbish?.metadata, false);
    assert.equal(rubbish?.type, 'realtime');
    assert.ok(!r.body.some((s) => s.service_code === 'event-01'), 'major classes are not services');
  });

  test('a form-encoded request creates a public report and answers [{service_request_id, service_notice}]', async () => {
    const form = new URLSearchParams({
      service_code: 'event-0102',
      lat: '34.6012',
      long: '119.1801',
      address_string: '海州市朝阳路88号',
      description: '路边有一堆垃圾',
      media_url: 'https://example.org/photo.jpg',
    });
    const r = await send<Array<{ service_request_id: string; service_notice: string }>>(
      server,
      'POST',
      '/open311/v2/requests.json',
      form,
    );
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.length, 1);
    const id = r.body[0]?.service_request_id ?? '';
    assert.match(id, /^\d{8}-\d{6}$/);
    assert.match(r.body[0]?.service_notice ?? '', new RegExp(id));
    const one = await send<Array<Record<string, unknown>>>(server, 'GET', `/open311/v2/requests/${id}.json`);
    assert.equal(one.status, 200);
    const req = one.body[0] ?? {};
    assert.equal(req.service_request_id, id);
    assert.equal(req.status, 'open');
    assert.equal(req.service_code, 'event-0102');
    assert.equal(req.lat, 34.6012);
    assert.equal(req.long, 119.1801);
    assert.equal(req.address, '海州市朝阳路88号');
    assert.equal(req.media_url, 'https://example.org/photo.jpg');
    assert.match(String(req.requested_datetime), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    for (const key of [
      'status_notes',
      'service_name',
      'description',
      'agency_responsible',
      'service_notice',
      'updated_datetime',
      'expected_datetime',
      'address_id',
      'zipcode',
    ]) {
      assert.ok(key in req, key);
    }
    const c = await server.ctx.db.case.findFirst({ where: { caseNumber: id } });
    assert.equal(c?.source, 'public');
    const list = await send<Array<{ service_request_id: string }>>(
      server,
      'GET',
      '/open311/v2/requests.json?status=open',
    );
    assert.ok(list.body.some((x) => x.service_request_id === id));
    const closed = await send<unknown[]>(server, 'GET', '/open311/v2/requests.json?status=closed');
    assert.deepEqual(closed.body, []);
    const byId = await send<unknown[]>(server, 'GET', `/open311/v2/requests.json?service_request_id=${id}`);
    assert.equal(byId.body.length, 1);
  });

  test('JSON requests work too; errors are [{code, description}] with the HTTP status', async () => {
    const ok = await send<unknown[]>(server, 'POST', '/open311/v2/requests.json', {
      service_code: 'part-0101',
      lat: 34.6,
      long: 119.17,
    });
    assert.equal(ok.status, 201);
    const noLat = await send<Open311Error>(server, 'POST', '/open311/v2/requests.json', {
      service_code: 'event-0102',
      long: 119.18,
    });
    assert.equal(noLat.status, 400);
    assert.equal(noLat.body[0]?.code, 400);
    assert.match(noLat.body[0]?.description ?? '', /lat/);
    const unknown = await send<Open311Error>(server, 'POST', '/open311/v2/requests.json', {
      service_code: 'event-9999',
      lat: 34.6,
      long: 119.18,
    });
    assert.equal(unknown.status, 404);
    assert.match(unknown.body[0]?.description ?? '', /service_code/);
    const outside = await send<Open311Error>(server, 'POST', '/open311/v2/requests.json', {
      service_code: 'event-0102',
      lat: 30,
      long: 120,
    });
    assert.equal(outside.status, 400);
    const badJson = await send<Open311Error>(
      server,
      'POST',
      '/open311/v2/requests.json',
      '{"service_code":',
      { 'content-type': 'application/json' },
    );
    assert.equal(badJson.status, 400);
    assert.equal(badJson.body[0]?.code, 400);
    const big = await send<Open311Error>(server, 'POST', '/open311/v2/requests.json', {
      service_code: 'event-0102',
      lat: 34.6,
      long: 119.18,
      description: 'x'.repeat(100_000),
    });
    assert.equal(big.status, 413);
    const missing = await send<Open311Error>(server, 'GET', '/open311/v2/requests/20200101-000001.json');
    assert.equal(missing.status, 404);
    assert.equal(missing.body[0]?.code, 404);
    const xml = await send<string>(server, 'GET', '/open311/v2/services.xml');
    assert.equal(xml.status, 200, 'XML is the spec default and is served (issue 17)');
    const otherFormat = await send<Open311Error>(server, 'GET', '/open311/v2/services.csv');
    assert.equal(otherFormat.status, 404);
    const badStatus = await send<Open311Error>(server, 'GET', '/open311/v2/requests.json?status=pending');
    assert.equal(badStatus.status, 400);
  });
});
