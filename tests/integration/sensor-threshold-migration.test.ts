// A sensor type's own alarm thresholds (sensorId NULL) are unique per level and direction: the partial
// unique index of migration 20261206112500 (NULLs are distinct in the (type, sensorId, level, direction)
// index, so it alone let two type-level rows stand). The migration first removes duplicates, keeping the
// row with the id the server writes, else the smallest id; rows of one sensor are untouched. Run on SQLite
// and on PostgreSQL (when installed) with the real migration runner.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { postgresAcross, sqliteAcross } from '../support/migrations';

const UNIQUE = '20261206112500_sensor_threshold_type_unique';

const row = (id: string, level: number, direction: string, value: number, sensorId: string | null = null) =>
  `INSERT INTO "SensorThreshold" ("id", "sensorType", "level", "direction", "value", "clearMargin", "debounce", "unit", "sensorId") ` +
  `VALUES ('${id}', 'testgas', ${level}, '${direction}', ${value}, 0, 2, '%LEL', ${sensorId ? `'${sensorId}'` : 'NULL'})`;

/** Duplicates as an older server or a hand edit could leave them. */
const DUPLICATES = [
  row('testgas:1:above', 1, 'above', 50), // the id the server writes: kept
  row('imported-1', 1, 'above', 40),
  row('zz-2', 2, 'above', 30), // no row with the server's id: the smallest id is kept
  row('aa-2', 2, 'above', 25),
  row('sensor:s-1:1:above', 1, 'above', 45, 's-1'), // one sensor's own row: untouched
];
const KEPT = [
  { id: 'aa-2', value: 25 },
  { id: 'sensor:s-1:1:above', value: 45 },
  { id: 'testgas:1:above', value: 50 },
];
const SELECT = `SELECT "id", "value" FROM "SensorThreshold" WHERE "sensorType" = 'testgas' ORDER BY "id"`;

describe('sensor thresholds: one type-level row per level and direction', () => {
  test('SQLite: duplicates removed by the migration, a new one refused, sensor rows still allowed', () => {
    const { file, applied } = sqliteAcross(UNIQUE, (db) => {
      for (const sql of DUPLICATES) db.exec(sql);
    });
    assert.deepEqual(applied, [UNIQUE]);
    const again = new Database(file);
    try {
      assert.deepEqual(
        (again.prepare(SELECT).all() as Array<{ id: string; value: number }>).map((r) => ({ ...r })),
        KEPT,
      );
      assert.throws(() => again.exec(row('another', 1, 'above', 60)), /UNIQUE constraint failed/);
      again.exec(row('testgas:1:below', 1, 'below', 5)); // another direction
      again.exec(row('sensor:s-2:1:above', 1, 'above', 44, 's-2')); // another sensor's own row
    } finally {
      again.close();
    }
  });

  test('PostgreSQL: the same', async (t) => {
    const migrated = await postgresAcross(t, UNIQUE, async (c) => {
      for (const sql of DUPLICATES) await c.query(sql);
    });
    if (!migrated) return;
    const { client, applied } = migrated;
    assert.deepEqual(applied, [UNIQUE]);
    const { rows } = await client.query<{ id: string; value: number }>(SELECT);
    assert.deepEqual(rows, KEPT);
    await assert.rejects(client.query(row('another', 1, 'above', 60)), /duplicate key value/);
    await client.query(row('testgas:1:below', 1, 'below', 5));
    await client.query(row('sensor:s-2:1:above', 1, 'above', 44, 's-2'));
  });
});
