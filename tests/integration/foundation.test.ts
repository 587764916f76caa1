import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateSqlite, migrationsFolder, MigrationError } from '../../server/src/db/migrate';
import { startTestServer, type TestServer } from '../support/server';

describe('server foundation', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  test('health reports the database and node', async () => {
    const r = await server.api<{ status: string; database: { provider: string; ok: boolean } }>(
      'GET',
      '/api/health',
    );
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.deepEqual(r.body.database, { provider: 'sqlite', ok: true });
  });

  test('the demo city is seeded on first start', async () => {
    const r = await server.api<{ name: string; center: { lon: number } }>('GET', '/api/city');
    assert.equal(r.body.name, '海州市');
    assert.ok(Math.abs(r.body.center.lon - 119.18) < 0.01);
    assert.ok((await server.ctx.db.gridCell.count()) > 4000);
    assert.ok((await server.ctx.db.user.count({ where: { role: 'handler' } })) > 10);
  });

  test('unknown endpoints and bad JSON are clear 4xx errors', async () => {
    const missing = await server.api<{ error: { message: { en: string } } }>('GET', '/api/nope');
    assert.equal(missing.status, 404);
    assert.match(missing.body.error.message.en, /GET \/nope/);
    const bad = await server.api<{ error: { code: string } }>('POST', '/api/auth/login', '{"username":');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'bad_json');
    const big = await server.api('POST', '/api/auth/login', {
      username: 'x',
      password: 'y'.repeat(2_000_000),
    });
    assert.equal(big.status, 413);
  });

  test('login validates input, rejects wrong passwords and issues a working token', async () => {
    const empty = await server.api<{ error: { message: { en: string } } }>('POST', '/api/auth/login', {
      username: '',
    });
    assert.equal(empty.status, 400);
    assert.match(empty.body.error.message.en, /username/);
    const wrong = await server.api('POST', '/api/auth/login', { username: 'dispatcher', password: 'nope' });
    assert.equal(wrong.status, 401);
    const token = await server.loginAs('dispatcher');
    const me = await server.api<{ user: { role: string } }>('GET', '/api/auth/me', undefined, token);
    assert.equal(me.body.user.role, 'dispatcher');
    const expired = await server.api('GET', '/api/auth/me', undefined, 'not-a-token');
    assert.equal(expired.status, 401);
  });

  test('session tokens expire', async () => {
    const token = await server.loginAs('leader');
    server.clock.advanceMinutes(13 * 60);
    const r = await server.api('GET', '/api/auth/me', undefined, token);
    assert.equal(r.status, 401);
    server.clock.advanceMinutes(-13 * 60);
  });

  test('case history is append-only in the database', async () => {
    const db = server.ctx.db;
    await db.case.create({
      data: {
        id: 'c-append',
        caseNumber: '20261123-999999',
        source: 'public',
        kind: 'event',
        categoryId: 'event-0102',
        lon: 119.18,
        lat: 34.6,
        urgency: 'normal',
        state: 'reported',
        reportedAt: new Date(),
        events: { create: { command: 'report', toState: 'reported', role: 'public', at: new Date() } },
      },
    });
    await assert.rejects(
      db.caseEvent.updateMany({ where: { caseId: 'c-append' }, data: { note: 'edited' } }),
    );
    await assert.rejects(db.caseEvent.deleteMany({ where: { caseId: 'c-append' } }));
    const kept = await db.caseEvent.findMany({ where: { caseId: 'c-append' } });
    assert.equal(kept.length, 1);
    assert.equal(kept[0]?.note, '');
  });
});

describe('migration runner', () => {
  test('applies once, records checksums, refuses an edited migration', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-mig-'));
    const folder = path.join(dir, 'migrations');
    fs.cpSync(migrationsFolder('sqlite'), folder, { recursive: true });
    const file = path.join(dir, 'x.db');
    const first = migrateSqlite(file, folder);
    assert.ok(first.applied.length >= 2);
    const second = migrateSqlite(file, folder);
    assert.deepEqual(second.applied, []);
    const rows = new Database(file)
      .prepare('SELECT migration_name, checksum FROM _prisma_migrations')
      .all() as Array<{ checksum: string }>;
    assert.equal(rows.length, first.applied.length);
    assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum)));
    const firstDir =
      fs
        .readdirSync(folder)
        .filter((d) => /^\d/.test(d))
        .sort()[0] ?? '';
    fs.appendFileSync(path.join(folder, firstDir, 'migration.sql'), '\n-- edited\n');
    assert.throws(() => migrateSqlite(file, folder), MigrationError);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('OpenAPI', () => {
  test('the server serves an OpenAPI description of its endpoints', async () => {
    const server = await startTestServer();
    try {
      const r = await server.api<{
        openapi: string;
        paths: Record<string, unknown>;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      }>('GET', '/api/openapi.json');
      assert.equal(r.status, 200);
      assert.equal(r.body.openapi, '3.1.0');
      assert.ok(r.body.paths['/api/cases/{id}/commands']);
      assert.ok(r.body.components.schemas.CommandBody?.properties?.command);
    } finally {
      await server.close();
    }
  });
});
