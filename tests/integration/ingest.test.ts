import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/server';
import { ingest, send } from './ingest-helpers';

describe('machine ingest: validation, video, GPS and map layers', () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer();
    token = await server.loginAs('dispatcher');
  });
  after(async () => {
    await server.close();
  });
  const auth = () => ({ authorization: `Bearer ${token}` });

  test('every ingest endpoint needs the ingest key', async () => {
    for (const url of [
      '/api/ingest/readings',
      '/api/ingest/positions',
      '/api/ingest/detections',
      '/api/ingest/cameras/status',
    ]) {
      const r = await send<{ error: { code: string } }>(server, 'POST', url, {});
      assert.equal(r.status, 401, url);
      assert.equal(r.body.error.code, 'unauthorized');
    }
  });

  test('malformed and oversized input is a clear 4xx and the server keeps running', async () => {
    const key = { 'x-ingest-key': server.ingestKey, 'content-type': 'application/json' };
    const badJson = await send<{ error: { code: string } }>(
      server,
      'POST',
      '/api/ingest/readings',
      '{"readings": [',
      key,
    );
    assert.equal(badJson.status, 400);
    assert.equal(badJson.body.error.code, 'bad_json');
    const notArray = await ingest<{ error: { message: { en: string } } }>(server, '/api/ingest/readings', {
      readings: 'x',
    });
    assert.equal(notArray.status, 400);
    assert.match(notArray.body.error.message.en, /readings/);
    const badValue = await ingest<{ error: { message: { en: string } } }>(server, '/api/ingest/readings', {
      readings: [{ sensorId: 'GAS-329801-00001', value: '12' }],
    });
    assert.equal(badValue.status, 400);
    assert.match(badValue.body.error.message.en, /readings\.0\.value/);
    const extra = await ingest<{ error: { message: { en: string } } }>(server, '/api/ingest/readings', {
      readings: [{ sensorId: 'GAS-329801-00001', value: 1, color: 'red' }],
    });
    assert.equal(extra.status, 400);
    const tooMany = await ingest<{ error: { message: { en: string } } }>(server, '/api/ingest/readings', {
      readings: Array.from({ length: 5001 }, () => ({ sensorId: 'S', value: 1 })),
    });
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body.error.message.en, /5,000/);
    const huge = await ingest(server, '/api/ingest/positions', {
      positions: [{ id: 'x'.repeat(2_000_000), lon: 1, lat: 1 }],
    });
    assert.equal(huge.status, 413);
    const badPosition = await ingest<{ error: { message: { en: string } } }>(
      server,
      '/api/ingest/positions',
      {
        positions: [{ id: 'V0001', lon: 500, lat: 34.6 }],
      },
    );
    assert.equal(badPosition.status, 400);
    assert.match(badPosition.body.error.message.en, /lon/);
    const badCamera = await ingest<{ error: { message: { en: string } } }>(
      server,
      '/api/ingest/cameras/status',
      {
        items: [{ cameraId: '123', status: 'online' }],
      },
    );
    assert.equal(badCamera.status, 400);
    assert.match(badCamera.body.error.message.en, /20-digit/);
    const health = await send<{ status: string }>(server, 'GET', '/api/health');
    assert.equal(health.body.status, 'ok');
  });

  test('camera status changes are written to the outbox; unknown cameras are rejected per item', async () => {
    const cams = await send<{
      cameras: Array<{ id: string; status: string; owner: string; streamUrl: string }>;
    }>(server, 'GET', '/api/cameras', undefined, auth());
    assert.ok(cams.body.cameras.length >= 1900, `${cams.body.cameras.length} cameras`);
    const camera = cams.body.cameras[0];
    assert.ok(camera);
    assert.match(camera.id, /^\d{8}\d{2}13[12]6\d{6}$/);
    assert.ok(camera.streamUrl);
    const r = await ingest<{ changed: number; rejected: unknown[] }>(server, '/api/ingest/cameras/status', {
      items: [
        { cameraId: camera.id, status: 'offline' },
        { cameraId: '32980100001326999999', status: 'offline' },
      ],
    });
    assert.equal(r.status, 207);
    assert.equal(r.body.changed, 1);
    assert.ok(
      await server.ctx.db.outbox.findFirst({ where: { entityId: camera.id, type: 'camera.status' } }),
    );
    const offline = await send<{ cameras: unknown[] }>(
      server,
      'GET',
      '/api/cameras?status=offline',
      undefined,
      auth(),
    );
    assert.equal(offline.body.cameras.length, 1);
  });

  test('a confident video-AI detection raises a video_ai report with its snapshot; a weak one does not', async () => {
    const camera = await server.ctx.db.camera.findFirst({ where: { owner: 'skynet' } });
    assert.ok(camera);
    const snapshotUrl = '/api/sim/snapshot/test-1.svg';
    const strong = await ingest<{ caseId: string; detection: { id: string } }>(
      server,
      '/api/ingest/detections',
      {
        cameraId: camera.id,
        code: '0504',
        confidence: 0.91,
        snapshotUrl,
      },
    );
    assert.equal(strong.status, 201, JSON.stringify(strong.body));
    const c = await send<{ source: string; categoryId: string; photos: string[] }>(
      server,
      'GET',
      `/api/cases/${strong.body.caseId}`,
      undefined,
      auth(),
    );
    assert.equal(c.body.source, 'video_ai');
    assert.equal(c.body.categoryId, 'event-0504');
    assert.deepEqual(c.body.photos, [snapshotUrl]);
    assert.ok(
      await server.ctx.db.outbox.findFirst({
        where: { entityId: strong.body.detection.id, type: 'detection.created' },
      }),
    );
    const weak = await ingest<{ caseId: string | null }>(server, '/api/ingest/detections', {
      detections: [
        { cameraId: camera.id, code: '0201', confidence: 0.3, snapshotUrl },
        { cameraId: camera.id, code: '9999', confidence: 0.9, snapshotUrl },
      ],
    });
    assert.equal(weak.status, 207);
    const svg = await send<string>(server, 'GET', snapshotUrl);
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get('content-type') ?? '', /image\/svg\+xml/);
    assert.match(svg.body, /<svg/);
  });

  test('a 12345 ticket comes in as a hotline report and its result goes back by ticket number', async () => {
    const r = await ingest<{ caseNumber: string }>(server, '/api/ingest/reports', {
      source: 'hotline',
      kind: 'event',
      code: '0508',
      lon: 119.18,
      lat: 34.6,
      description: '市民来电：夜间商铺音响噪音扰民',
      externalRef: '12345-T0001',
    });
    assert.equal(r.status, 201);
    const back = await send<{ caseNumber: string; status: string; state: string }>(
      server,
      'GET',
      '/api/ingest/tickets/12345-T0001',
      undefined,
      {
        'x-ingest-key': server.ingestKey,
      },
    );
    assert.equal(back.status, 200);
    assert.equal(back.body.caseNumber, r.body.caseNumber);
    assert.equal(back.body.status, 'open');
    const missing = await send(server, 'GET', '/api/ingest/tickets/nope', undefined, {
      'x-ingest-key': server.ingestKey,
    });
    assert.equal(missing.status, 404);
  });

  test('GPS positions update the vehicle layer; unknown ids are rejected', async () => {
    const r = await ingest<{ accepted: number; rejected: unknown[] }>(server, '/api/ingest/positions', {
      positions: [
        { id: 'V0001', lon: 119.18, lat: 34.6, heading: 90, speedKmh: 30 },
        { id: 'u-inspector-329801', lon: 119.15, lat: 34.61 },
        { id: 'V9999', lon: 119.18, lat: 34.6 },
      ],
    });
    assert.equal(r.status, 207);
    assert.equal(r.body.accepted, 2);
    const v = await send<{
      vehicles: Array<{ id: string; lon: number; speedKmh: number }>;
      teams: unknown[];
    }>(server, 'GET', '/api/vehicles', undefined, auth());
    assert.ok(v.body.vehicles.length >= 250);
    assert.ok(v.body.teams.length >= 20);
    const first = v.body.vehicles.find((x) => x.id === 'V0001');
    assert.equal(first?.lon, 119.18);
    assert.equal(first?.speedKmh, 30);
    assert.equal(await server.iot.positions.flush(), 1);
    assert.equal((await server.ctx.db.vehicle.findUnique({ where: { id: 'V0001' } }))?.lon, 119.18);
    const inspectors = await send<{
      inspectors: Array<{ id: string; gridCells: number; lon: number | null }>;
    }>(server, 'GET', '/api/inspectors', undefined, auth());
    assert.equal(inspectors.body.inspectors.length, 100);
    assert.ok(inspectors.body.inspectors.every((i) => i.gridCells > 0));
    assert.equal(inspectors.body.inspectors.find((i) => i.id === 'u-inspector-329801')?.lon, 119.15);
  });

  test('map layers: parts (paged and columnar), grid and divisions with polygons', async () => {
    assert.equal((await send(server, 'GET', '/api/parts/columnar')).status, 401, 'layers need a session');
    const all = await send<{
      count: number;
      id: string[];
      lon: number[];
      cat: number[];
      categories: string[];
    }>(server, 'GET', '/api/parts/columnar', undefined, auth());
    assert.ok(all.body.count >= 99_000 && all.body.count <= 101_000, `${all.body.count} parts`);
    assert.equal(all.body.id.length, all.body.count);
    assert.equal(all.body.lon.length, all.body.count);
    assert.ok(all.body.id.every((id) => /^\d{16}$/.test(id)));
    assert.ok(all.body.categories.length >= 30);
    const page = await send<{
      total: number;
      parts: Array<{ categoryId: string; ownerDepartmentId: string }>;
    }>(server, 'GET', '/api/parts?class=0111&limit=5', undefined, auth());
    assert.equal(page.body.parts.length, 5);
    assert.ok(page.body.total > 1000);
    assert.ok(page.body.parts.every((p) => p.categoryId === 'part-0111' && p.ownerDepartmentId === 'gas'));
    const bad = await send<{ error: { message: { en: string } } }>(
      server,
      'GET',
      '/api/parts?bbox=1,2,3',
      undefined,
      auth(),
    );
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message.en, /bbox/);
    const grid = await send<{ features: Array<{ geometry: { type: string } }> }>(
      server,
      'GET',
      '/api/grid?bbox=119.17,34.59,119.19,34.61',
      undefined,
      auth(),
    );
    assert.ok(grid.body.features.length > 100 && grid.body.features.length < 1000);
    const districts = await send<{
      features: Array<{ properties: { name: string }; geometry: { coordinates: number[][][] } }>;
    }>(server, 'GET', '/api/divisions?level=district', undefined, auth());
    assert.equal(districts.body.features.length, 4);
    assert.equal(districts.body.features[0]?.geometry.coordinates[0]?.length, 5);
    const roads = await send<{ features: Array<{ properties: { lengthM: number; name: string } }> }>(
      server,
      'GET',
      '/api/city/roads',
    );
    assert.ok(roads.body.features.length > 500);
    assert.ok(roads.body.features.every((f) => f.properties.lengthM > 0 && f.properties.name));
    const route = await send<{ lengthM: number; minutes: number; geometry: { coordinates: number[][] } }>(
      server,
      'GET',
      '/api/city/route?from=119.14,34.58&to=119.22,34.62',
    );
    assert.equal(route.status, 200);
    assert.ok(route.body.lengthM > 7000 && route.body.lengthM < 20_000, `${route.body.lengthM} m`);
    assert.ok(route.body.geometry.coordinates.length > 5);
    const units = await send<{ units: Array<{ kind: string; minutes: number; live: boolean }> }>(
      server,
      'GET',
      '/api/units/recommend?lon=119.18&lat=34.6&kind=repair&limit=5',
      undefined,
      auth(),
    );
    assert.equal(units.body.units.length, 5);
    assert.ok(
      units.body.units.every(
        (u, i, all) => u.kind === 'repair' && (i === 0 || (all[i - 1]?.minutes ?? 0) <= u.minutes),
      ),
    );
    const near = await send<{ cameras: Array<{ metres: number; inView: boolean }> }>(
      server,
      'GET',
      '/api/cameras/near?lon=119.18&lat=34.6&radius=400',
      undefined,
      auth(),
    );
    assert.ok(near.body.cameras.length > 0);
    assert.ok(
      near.body.cameras.every(
        (c, i, all) => c.metres <= 400 && (i === 0 || (all[i - 1]?.metres ?? 0) <= c.metres),
      ),
    );
    const sensors = await send<{ sensors: Array<{ type: string }> }>(
      server,
      'GET',
      '/api/sensors?type=gas&bbox=119.13,34.57,119.23,34.63',
      undefined,
      auth(),
    );
    assert.ok(sensors.body.sensors.length > 1000 && sensors.body.sensors.every((s) => s.type === 'gas'));
  });
});
