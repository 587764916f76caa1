// Emergency command on PostgreSQL (READ COMMITTED, real row locks): the migration with its
// append-only triggers, and two commanders assigning one unit at once, many times: exactly one wins
// each time. On a throwaway cluster (see workflow-postgres.test.ts); skipped without PostgreSQL outside CI.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Recommendation } from '../../contract/incidents';
import { startPostgres, type PgCluster } from '../support/postgres';
import { startTestServer, type TestServer } from '../support/server';

const cluster: PgCluster | null = await startPostgres();
if (cluster) {
  describe('emergency command on PostgreSQL', () => {
    let server: TestServer;
    before(async () => {
      cluster.createDatabase('incidents');
      server = await startTestServer({ databaseUrl: cluster.url('incidents') });
    });
    after(async () => {
      await server.close();
      cluster.stop();
    });

    test('two commanders assign the same unit at once: one wins, every time; history is append-only', async () => {
      const [a, b] = await Promise.all([server.loginAs('commander'), server.loginAs('commander2')]);
      const gas = await server.ctx.db.sensor.findFirstOrThrow({
        where: { type: 'gas' },
        orderBy: { id: 'asc' },
      });
      const incident = await server.api<{ incident: { id: string } }>(
        'POST',
        '/api/incidents',
        { title: '燃气泄漏', categoryId: 'event-0403', severity: 3, lon: gas.lon, lat: gas.lat },
        a,
      );
      assert.equal(incident.status, 201, JSON.stringify(incident.body));
      const id = incident.body.incident.id;
      const rec = await server.api<Recommendation>(
        'GET',
        `/api/incidents/${id}/recommendations`,
        undefined,
        a,
      );
      const units = rec.body.picks.flatMap((p) => p.units.map((u) => u.unitId));
      assert.ok(units.length >= 3);
      for (const unitId of units) {
        const send = (token: string) =>
          server.api(
            'POST',
            `/api/incidents/${id}/commands`,
            { command: 'assign', unitIds: [unitId] },
            token,
          );
        const [x, y] = await Promise.all([send(a), send(b)]);
        assert.deepEqual([x.status, y.status].sort(), [200, 409], unitId);
        assert.equal(await server.ctx.db.unitEvent.count({ where: { unitId } }), 1);
      }
      await assert.rejects(server.ctx.db.incidentEvent.deleteMany({}));
      await assert.rejects(server.ctx.db.unitEvent.updateMany({ data: { note: 'x' } }));
    });
  });
}
