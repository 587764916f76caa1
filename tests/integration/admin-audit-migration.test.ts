// The audit fold (docs/adr/0020) keeps history: a database with AdminChange rows, migrated, has them as
// admin.<entity>.<action> entries of AuditEntry, in order, next to the security entries; AdminChange is
// gone. Run on SQLite and on PostgreSQL (when installed) with the real migration runner.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { postgresAcross, sqliteAcross } from '../support/migrations';

const FOLD = '20261206080000_admin_audit_fold';

const INSERTS = [
  `INSERT INTO "AuditEntry" ("at", "action", "username", "outcome", "detail") VALUES ('2026-12-01 01:00:00', 'auth.login', 'admin', 'ok', '{}')`,
  `INSERT INTO "AdminChange" ("at", "actorId", "actorName", "entity", "entityId", "action", "before", "after") VALUES ('2026-12-01 02:00:00', 'u-admin', '系统管理员', 'user', 'u-1', 'create', '{}', '{"role":"handler"}')`,
  `INSERT INTO "AdminChange" ("at", "actorId", "actorName", "entity", "entityId", "action", "before", "after") VALUES ('2026-12-01 03:00:00', 'u-admin', '系统管理员', 'user', 'u-1', 'update', '{"active":true}', '{"active":false}')`,
];

type Row = {
  action: string;
  target: string | null;
  actorName: string | null;
  before: string | null;
  after: string | null;
};

function check(rows: Row[]) {
  assert.deepEqual(
    rows.map((r) => r.action),
    ['auth.login', 'admin.user.create', 'admin.user.update'],
  );
  assert.equal(rows[2]?.target, 'user:u-1');
  assert.equal(rows[2]?.actorName, '系统管理员');
  assert.deepEqual(JSON.parse(rows[2]?.before ?? ''), { active: true });
  assert.deepEqual(JSON.parse(rows[2]?.after ?? ''), { active: false });
  assert.equal(rows[0]?.before, null, 'security entries have no before/after');
}

const SELECT = `SELECT "action", "target", "actorName", "before", "after" FROM "AuditEntry" ORDER BY "id"`;

describe('audit fold migration', () => {
  test('SQLite: AdminChange rows become AuditEntry rows', () => {
    const { file, applied } = sqliteAcross(FOLD, (db) => {
      for (const sql of INSERTS) db.exec(sql);
    });
    assert.deepEqual(applied, [FOLD]);
    const again = new Database(file, { readonly: true });
    check(again.prepare(SELECT).all() as Row[]);
    const tables = again.prepare(`SELECT name FROM sqlite_master WHERE name = 'AdminChange'`).all();
    assert.equal(tables.length, 0, 'AdminChange is dropped');
    again.close();
  });

  test('PostgreSQL: the same', async (t) => {
    const migrated = await postgresAcross(t, FOLD, async (c) => {
      for (const sql of INSERTS) await c.query(sql);
    });
    if (!migrated) return;
    const { client, applied } = migrated;
    assert.deepEqual(applied, [FOLD]);
    check((await client.query<Row>(SELECT)).rows);
    const gone = await client.query(`SELECT to_regclass('"AdminChange"') AS t`);
    assert.equal(gone.rows[0]?.t, null, 'AdminChange is dropped');
  });
});
