// REST and the live stream agree on who sees what (issue 17, defects 3 and 4): for every role, including
// district-scoped staff and handlers of several departments, the alarms, incidents and cases REST lists
// are exactly those of the user's stream snapshot, the vehicles and sensors REST lists are exactly those
// whose live items reach the user's socket, and REST reads of records outside the scope are 404. The
// routes added since (command, evaluation, duty, playback, administration, photos) follow the matrix of
// tests/support/access-matrix.ts for every user.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ACTIVE_ALARM_STATUSES, type AlarmView } from '../../contract/alarms';
import { hashPassword } from '../../server/src/auth/password';
import { openSocket, Recorder, connected, waitUntil } from '../support/live';
import { startTestServer, type TestServer } from '../support/server';
import { matrixFor, type MatrixUser } from '../support/access-matrix';
import { raw } from '../support/raw';
import { ingest } from './ingest-helpers';

interface Sensor {
  id: string;
  type: string;
  lon: number;
  lat: number;
  districtCode: string | null;
  ownerDepartmentId: string | null;
}

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();

describe('hardening: one access rule for REST and the stream', () => {
  let server: TestServer;
  let sensors: Sensor[];
  const users: string[] = ['supervisor', 'dispatcher', 'commander', 'leader', 'admin', 'inspector1'];
  let districts: string[];

  before(async () => {
    server = await startTestServer();
    const admin = await server.loginAs('admin');
    sensors = (await server.api<{ sensors: Sensor[] }>('GET', '/api/sensors', undefined, admin)).body.sensors;
    districts = [...new Set(sensors.map((s) => s.districtCode).filter((d): d is string => !!d))].sort();
    const departments = [...new Set(sensors.map((s) => s.ownerDepartmentId).filter((d): d is string => !!d))];
    // Handlers of three sensor-owning departments, one of them district-scoped; district-scoped staff.
    const handlers = await server.ctx.db.user.findMany({
      where: { role: 'handler', departmentId: { in: departments } },
      orderBy: { username: 'asc' },
    });
    users.push(...handlers.slice(0, 3).map((h) => h.username));
    const hash = hashPassword('demo123');
    for (const [username, role, departmentId] of [
      ['dispatcher.d0', 'dispatcher', null],
      ['commander.d1', 'commander', null],
      ['inspector.d1', 'inspector', null],
      ['handler.scoped', 'handler', handlers[0]?.departmentId ?? null],
    ] as const) {
      await server.ctx.db.user.create({
        data: {
          id: `u-${username}`,
          username,
          displayName: username,
          role,
          departmentId,
          districtCode: username.endsWith('d0') ? districts[0]! : districts[1]!,
          passwordHash: hash,
          active: true,
        },
      });
      users.push(username);
    }

    // Alarms of sensors of several departments in several districts (one breaching reading past debounce).
    const picked = new Map<string, Sensor>();
    for (const s of sensors) {
      const key = `${s.ownerDepartmentId}@${s.districtCode}`;
      const limits = server.iot.engine.thresholds.get(s.type) ?? [];
      if (!picked.has(key) && limits.some((t) => t.direction === 'above')) picked.set(key, s);
    }
    for (const s of [...picked.values()].slice(0, 12)) {
      const t = (server.iot.engine.thresholds.get(s.type) ?? []).find((x) => x.direction === 'above')!;
      const value = t.value + Math.abs(t.value) + 1;
      const r = await ingest(server, '/api/ingest/readings', {
        readings: Array.from({ length: t.debounce + 1 }, () => ({ sensorId: s.id, value })),
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    // Incidents in two districts and reports in every district.
    const commander = await server.loginAs('commander');
    for (const d of districts.slice(0, 2)) {
      const site = sensors.find((s) => s.districtCode === d)!;
      const r = await server.api(
        'POST',
        '/api/incidents',
        { title: `事件 ${d}`, categoryId: 'event-0401', severity: 2, lon: site.lon, lat: site.lat },
        commander,
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    for (const d of districts) {
      const site = sensors.find((s) => s.districtCode === d)!;
      const r = await ingest(server, '/api/ingest/reports', {
        source: 'hotline',
        categoryId: 'event-0102',
        lon: site.lon,
        lat: site.lat,
        description: `暴露垃圾 ${d}`,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
  });
  after(async () => {
    await server.close();
  });

  test('alarms, incidents and cases: REST lists = the stream snapshot, for every user', async () => {
    const alarmCount = await server.ctx.db.alarm.count();
    assert.ok(alarmCount >= 4, `${alarmCount} alarms raised`);
    const seen = new Map<string, number>();
    for (const username of users) {
      const token = await server.loginAs(username);
      const rest = {
        alarms: (
          await server.api<{ alarms: AlarmView[] }>(
            'GET',
            `/api/alarms?status=${ACTIVE_ALARM_STATUSES.join(',')}&limit=1000`,
            undefined,
            token,
          )
        ).body.alarms,
        incidents: (
          await server.api<{ incidents: Array<{ id: string }> }>(
            'GET',
            '/api/incidents?status=active',
            undefined,
            token,
          )
        ).body.incidents,
        cases: (
          await server.api<{ items: Array<{ id: string; state: string }> }>(
            'GET',
            '/api/cases?limit=1000',
            undefined,
            token,
          )
        ).body.items.filter((c) => c.state !== 'closed' && c.state !== 'voided'),
      };
      const client = new Recorder(server.url, { token });
      await client.resumed();
      const stream = client.state;
      client.close();
      assert.deepEqual(ids(rest.alarms), [...stream.alarms.keys()].sort(), `${username}: alarms`);
      assert.deepEqual(ids(rest.incidents), [...stream.incidents.keys()].sort(), `${username}: incidents`);
      assert.deepEqual(ids(rest.cases), [...stream.cases.keys()].sort(), `${username}: cases`);
      seen.set(username, rest.alarms.length);
      // Reading one by one agrees with the list: every alarm outside it is 404.
      const visible = new Set(ids(rest.alarms));
      for (const alarm of await server.ctx.db.alarm.findMany({ select: { id: true } })) {
        const r = await server.api('GET', `/api/alarms/${alarm.id}`, undefined, token);
        assert.equal(r.status, visible.has(alarm.id) ? 200 : 404, `${username} reads alarm ${alarm.id}`);
      }
    }
    // The rules do differ between users (the test is not comparing empty sets).
    assert.ok(seen.get('supervisor')! > seen.get('dispatcher.d0')!, 'district staff see fewer alarms');
    assert.ok(
      users.some((u) => u.startsWith('handler.') && seen.get(u)! > 0),
      'some handler sees alarms',
    );
    assert.ok(users.some((u) => u.startsWith('handler.') && seen.get(u)! < seen.get('supervisor')!));
  });

  test("a handler cannot read or decide another department's alarm", async () => {
    const handler = users.find((u) => u.startsWith('handler.') && u !== 'handler.scoped')!;
    const token = await server.loginAs(handler);
    const me = await server.ctx.db.user.findUniqueOrThrow({ where: { username: handler } });
    const other = await server.ctx.db.alarm.findFirst({ where: { departmentId: { not: me.departmentId } } });
    assert.ok(other, 'an alarm of another department');
    assert.equal((await server.api('GET', `/api/alarms/${other.id}`, undefined, token)).status, 404);
    const dispatcher = await server.loginAs('dispatcher.d0');
    const elsewhere = await server.ctx.db.alarm.findFirst({ where: { districtCode: { not: districts[0] } } });
    assert.ok(elsewhere);
    const decide = await server.api('POST', `/api/alarms/${elsewhere.id}/acknowledge`, {}, dispatcher);
    assert.equal(decide.status, 404, 'a district dispatcher cannot decide an alarm elsewhere');
  });

  test('vehicles, sensors and inspectors: REST lists = the live items a socket receives', async () => {
    const admin = await server.loginAs('admin');
    const vehicles = (
      await server.api<{ vehicles: Array<{ id: string; lon: number; lat: number }> }>(
        'GET',
        '/api/vehicles',
        undefined,
        admin,
      )
    ).body.vehicles;
    const inspectors = (
      await server.api<{ inspectors: Array<{ id: string }> }>('GET', '/api/inspectors', undefined, admin)
    ).body.inspectors
      .filter((i) => i.id !== 'u-inspector.d1')
      .slice(0, 20);
    const sample = [...new Map(sensors.map((s) => [s.ownerDepartmentId, s])).values()];
    for (const username of users) {
      const token = await server.loginAs(username);
      const rest = {
        vehicles: new Set(
          ids(
            (await server.api<{ vehicles: Array<{ id: string }> }>('GET', '/api/vehicles', undefined, token))
              .body.vehicles,
          ),
        ),
        sensors: new Set(
          ids(
            (await server.api<{ sensors: Array<{ id: string }> }>('GET', '/api/sensors', undefined, token))
              .body.sensors,
          ),
        ),
        inspectors: new Set(
          ids(
            (
              await server.api<{ inspectors: Array<{ id: string }> }>(
                'GET',
                '/api/inspectors',
                undefined,
                token,
              )
            ).body.inspectors,
          ),
        ),
      };
      const socket = openSocket(server.url, { token });
      const got = { positions: new Set<string>(), readings: new Set<string>() };
      socket.on('live:positions', (items) => items.forEach((i) => got.positions.add(i.id)));
      socket.on('live:readings', (items) => items.forEach((i) => got.readings.add(i.id)));
      await connected(socket);
      const ack = await socket.timeout(5000).emitWithAck('viewport:set', { bbox: [-180, -90, 180, 90] });
      assert.ok(ack.ok);
      const expected = {
        positions: [
          ...vehicles.filter((v) => rest.vehicles.has(v.id)),
          ...inspectors.filter((i) => rest.inspectors.has(i.id)),
        ].map((v) => v.id),
        readings: sample.filter((s) => rest.sensors.has(s.id)).map((s) => s.id),
      };
      const missing = () => [
        ...expected.positions.filter((id) => !got.positions.has(id)),
        ...expected.readings.filter((id) => !got.readings.has(id)),
      ];
      // Live items are volatile (a busy socket skips a tick), so the devices report until all arrived.
      const report = async () => {
        server.clock.advanceMinutes(1);
        const at = server.clock.now().toISOString();
        const moved = await ingest(server, '/api/ingest/positions', {
          positions: [...vehicles, ...inspectors.map((i) => ({ id: i.id, lon: 119.18, lat: 34.6 }))].map(
            (p) => ({ id: p.id, lon: p.lon, lat: p.lat, at }),
          ),
        });
        assert.equal(moved.status, 200, JSON.stringify(moved.body).slice(0, 300));
        const read = await ingest(server, '/api/ingest/readings', {
          readings: sample.map((s) => ({ sensorId: s.id, value: 0, at })),
        });
        assert.equal(read.status, 200, JSON.stringify(read.body).slice(0, 300));
        server.live.transient.flush();
      };
      await waitUntil(
        () => `${username}: live items, missing ${missing().slice(0, 5).join(', ')} of ${missing().length}`,
        async () => {
          if (!missing().length) return true;
          await report();
          return false;
        },
        20_000,
        200,
      );
      // and nothing REST would not list: one more round trip lets stray items arrive first
      await socket.timeout(5000).emitWithAck('client:ping', Date.now());
      socket.close();
      assert.deepEqual([...got.positions].sort(), [...expected.positions].sort(), `${username}: positions`);
      assert.deepEqual([...got.readings].sort(), [...expected.readings].sort(), `${username}: readings`);
    }
  });

  test('command, evaluation, duty, playback, admin and photo routes: the access matrix, every user', async () => {
    const incident = await server.ctx.db.incident.findFirstOrThrow({ where: { districtCode: districts[1] } });
    const kase = await server.ctx.db.case.findFirstOrThrow({ where: { districtCode: districts[0] } });
    const records = {
      incident: { id: incident.id, districtCode: incident.districtCode },
      case: { id: kase.id, districtCode: kase.districtCode },
      otherDistrict: (u: MatrixUser) => districts.find((d) => d !== u.districtCode)!,
    };
    const tally = { ok: 0, 403: 0, 404: 0 };
    for (const username of users) {
      const u = await server.ctx.db.user.findUniqueOrThrow({ where: { username } });
      const token = await server.loginAs(username);
      for (const row of matrixFor(u, records)) {
        const isPhoto = row.path.endsWith('/photos');
        const r = await raw(server.url, row.method, row.path, {
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': isPhoto ? 'image/png' : 'application/json',
          },
          body: row.body === undefined ? undefined : isPhoto ? '' : JSON.stringify(row.body),
        });
        const what = `${username} ${row.method} ${row.path}: ${r.status} ${r.text.slice(0, 160)}`;
        tally[row.expect]++;
        if (row.expect === 'ok') {
          assert.ok(r.status < 300 || r.status === 400 || r.status === 409, what);
          continue;
        }
        assert.equal(r.status, row.expect, what);
        const body = r.json as { error?: { code?: unknown; message?: { zh?: unknown; en?: unknown } } };
        assert.equal(typeof body.error?.code, 'string', what);
        assert.equal(typeof body.error?.message?.zh, 'string', what);
        assert.equal(typeof body.error?.message?.en, 'string', what);
      }
    }
    // every kind of answer occurs (the matrix is not all one column)
    assert.ok(tally.ok > 50 && tally[403] > 50 && tally[404] > 5, JSON.stringify(tally));
  });
});
