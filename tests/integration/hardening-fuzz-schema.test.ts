// The schema-aware half of the fuzz test: for every route of the OpenAPI document with a JSON body or a
// query, a plausible request built from its schema and then the same with each field malformed, on real
// records (a real case, incident, unit, hand-over and user, not a made-up id), as the roles that may act.
// Fails on any 5xx, any stack trace or path in a body, any hang, and anything logged as an unhandled error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { leaksInternals, raw } from '../support/raw';
import { variants } from '../support/schema-sample';
import { startTestServer, type TestServer } from '../support/server';
import { ingest } from './ingest-helpers';

interface Operation {
  requestBody?: { content: Record<string, { schema?: object }> };
  parameters?: Array<{ name: string; in: string; schema?: object }>;
}

/** Routes that start processes or change sign-in state for everyone: their plain 4xx fuzzing is enough. */
const SKIP = new Set(['post /api/drills', 'post /api/auth/login', 'post /api/auth/logout']);

describe('hardening: schema-aware fuzz of bodies and queries', () => {
  let server: TestServer;
  const ids: Record<string, string> = {};
  const failures: string[] = [];
  let requests = 0;

  before(async () => {
    server = await startTestServer({ env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '100000' } });
    const dispatcher = await server.loginAs('dispatcher');
    const site = await server.ctx.db.sensor.findFirstOrThrow();
    const incident = await server.api<{ incident: { id: string } }>(
      'POST',
      '/api/incidents',
      { title: '模糊测试', categoryId: 'event-0401', severity: 2, lon: site.lon, lat: site.lat },
      dispatcher,
    );
    assert.equal(incident.status, 201, JSON.stringify(incident.body));
    const handover = await server.api<{ handover: { id: string } }>(
      'POST',
      '/api/handovers',
      { notes: '交接' },
      dispatcher,
    );
    assert.equal(handover.status, 201, JSON.stringify(handover.body));
    ids['/api/incidents'] = incident.body.incident.id;
    ids['/api/handovers'] = handover.body.handover.id;
    const report = await ingest(server, '/api/ingest/reports', {
      source: 'hotline',
      categoryId: 'event-0102',
      lon: site.lon,
      lat: site.lat,
      description: '暴露垃圾',
    });
    assert.equal(report.status, 201, JSON.stringify(report.body));
    ids['/api/cases'] = (await server.ctx.db.case.findFirstOrThrow()).id;
    ids['/api/units'] = (await server.ctx.db.dispatchUnit.findFirstOrThrow()).id;
    ids['/api/ingest/units'] = ids['/api/units'];
    ids['/api/admin/users'] = (await server.ctx.db.user.findFirstOrThrow({ where: { role: 'handler' } })).id;
    ids['/api/alarms'] = 'no-alarm';
  });
  after(async () => {
    await server.close();
  });

  const fill = (path: string) => {
    const prefix = Object.keys(ids).find((p) => path.startsWith(`${p}/{`));
    return path
      .replace('{id}', prefix ? ids[prefix]! : 'x')
      .replace('{type}', 'road_collapse')
      .replace('{level}', '2');
  };

  test('plausible and malformed bodies and queries: no 5xx, no stack, no hang', async (t) => {
    const statuses = new Map<number, number>();
    const doc = (
      await server.api<{ paths: Record<string, Record<string, Operation>> }>('GET', '/api/openapi.json')
    ).body;
    const auths: Array<Record<string, string>> = [
      { authorization: `Bearer ${await server.loginAs('dispatcher')}` },
      { authorization: `Bearer ${await server.loginAs('admin')}` },
      { 'x-ingest-key': server.ingestKey },
    ];
    let routes = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (SKIP.has(`${method} ${path}`)) continue;
        const body = op.requestBody?.content['application/json']?.schema;
        const query = (op.parameters ?? []).filter((p) => p.in === 'query');
        if (!body && !query.length) continue;
        routes++;
        const querySchema = {
          type: 'object',
          properties: Object.fromEntries(query.map((p) => [p.name, p.schema ?? { type: 'string' }])),
        };
        for (const value of variants((body ?? querySchema) as object)) {
          let url = fill(path);
          if (!body && value && typeof value === 'object') {
            const params = new URLSearchParams();
            for (const [k, v] of Object.entries(value))
              params.set(k, typeof v === 'string' ? v : JSON.stringify(v));
            url += `?${params.toString()}`;
          }
          for (const headers of auths) {
            requests++;
            try {
              const answer = await raw(server.url, method.toUpperCase(), url, {
                headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
                body: body ? JSON.stringify(value) : undefined,
                timeoutMs: 15_000,
              });
              statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
              if (answer.status >= 500)
                failures.push(
                  `${answer.status} ${method} ${url.slice(0, 100)} ${JSON.stringify(value).slice(0, 100)}`,
                );
              if (leaksInternals(answer.text)) failures.push(`leak ${method} ${url.slice(0, 100)}`);
            } catch (err) {
              failures.push(`no answer ${method} ${url.slice(0, 100)}: ${String(err)}`);
            }
          }
        }
      }
    }
    t.diagnostic(`${routes} routes, ${requests} requests: ${JSON.stringify([...statuses].sort())}`);
    assert.ok(routes >= 30, `${routes} routes with a body or a query`);
    const passed = [...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
    assert.ok(passed >= 50, `${passed} requests got past validation (the samples are plausible)`);
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures of ${requests} requests`);
    const errors = server.logs.lines.filter((l) => l.level === 'error');
    assert.deepEqual(errors.slice(0, 5), [], 'nothing logged as an unhandled error');
  });

  test('nothing half-written: records agree with their append-only events', async () => {
    const { db } = server.ctx;
    for (const c of await db.case.findMany({ select: { id: true, state: true } })) {
      const last = await db.caseEvent.findFirst({ where: { caseId: c.id }, orderBy: { id: 'desc' } });
      assert.equal(last?.toState, c.state, `case ${c.id}: its state is its last event's`);
    }
    for (const i of await db.incident.findMany({ select: { id: true, state: true } })) {
      const last = await db.incidentEvent.findFirst({ where: { incidentId: i.id }, orderBy: { id: 'desc' } });
      if (last) assert.equal(last.toState, i.state, `incident ${i.id}: its state is its last event's`);
    }
    const incidents = new Set((await db.incident.findMany({ select: { id: true } })).map((i) => i.id));
    for (const e of await db.incidentEvent.findMany({ select: { incidentId: true } }))
      assert.ok(incidents.has(e.incidentId), `an event of a missing incident ${e.incidentId}`);
    for (const u of await db.dispatchUnit.findMany({ where: { incidentId: { not: null } } }))
      assert.ok(incidents.has(u.incidentId!), `unit ${u.id} on a missing incident`);
    for (const h of await db.handover.findMany())
      assert.equal(h.toUserId === null, h.acceptedAt === null, `hand-over ${h.id}: signed all or nothing`);
  });
});
