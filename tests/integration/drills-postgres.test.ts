// Drills on a PostgreSQL live server (docs/adr/0024): not built yet, so POST /api/drills refuses plainly
// with 501 and a message saying why and what to do, in the error shape, and starts nothing. On a
// throwaway cluster; skipped without PostgreSQL outside CI (see workflow-postgres.test.ts).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startPostgres, type PgCluster } from '../support/postgres';
import { startTestServer, type TestServer } from '../support/server';

const cluster: PgCluster | null = await startPostgres();
if (cluster) {
  describe('drills on PostgreSQL', () => {
    let server: TestServer;
    before(async () => {
      cluster.createDatabase('drills');
      server = await startTestServer({ databaseUrl: cluster.url('drills') });
    });
    after(async () => {
      await server.close();
      cluster.stop();
    });

    test('starting a drill answers 501 with the reason; nothing is started', async () => {
      const trainer = await server.loginAs('trainer');
      const r = await server.api<{ error: { code: string; message: { zh: string; en: string } } }>(
        'POST',
        '/api/drills',
        { scenarioId: 'gas-leak' },
        trainer,
      );
      assert.equal(r.status, 501);
      assert.equal(r.body.error.code, 'drill_needs_sqlite');
      assert.match(r.body.error.message.en, /PostgreSQL/);
      assert.match(r.body.error.message.zh, /PostgreSQL/);
      const list = await server.api<{ drills: unknown[] }>('GET', '/api/drills', undefined, trainer);
      assert.deepEqual(list.body.drills, []);
      assert.equal(fs.existsSync(path.join(server.dataDir, 'drills')), false);
    });
  });
}
