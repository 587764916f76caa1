// A fresh drill database from a live PostgreSQL one (docs/adr/0024): a new database on the same server
// (`<live>_drill_<stamp>_<hex>`), the migrations applied by the project's runner, then the reference
// tables of copy.ts copied from the live database, one table at a time in an order that satisfies their
// foreign keys (rows travel as JSON: `row_to_json` out, `json_populate_recordset` in, so PostgreSQL
// converts every type itself). Needs the CREATEDB privilege; the live database is only read.
import pg from 'pg';
import { migratePostgres, migrationsFolder } from '../db/migrate';
import { REFERENCE_TABLES } from './copy';

/** Parents before children (DepartmentCategory and User refer to Department and Category). */
const ORDER = [
  'Division',
  'Department',
  'Category',
  'DepartmentCategory',
  'GridCell',
  'TimeLimit',
  'CalendarDay',
  'Setting',
  'Part',
  'User',
  'Camera',
  'Sensor',
  'SensorThreshold',
  'Team',
  'Vehicle',
];
const BATCH = 5000;

/** The drill database's name: the live one's, shortened, and the drill id (PostgreSQL allows 63 bytes). */
export function drillDatabaseName(liveName: string, drillId: string): string {
  const id = drillId.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  const base = liveName
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .slice(0, 62 - id.length);
  return `${base}_${id}`;
}

export async function createPostgresDrill(liveUrl: string, drillId: string): Promise<string> {
  const live = new URL(liveUrl);
  const name = drillDatabaseName(decodeURIComponent(live.pathname.slice(1)) || 'cityops', drillId);
  const drillUrl = new URL(liveUrl);
  drillUrl.pathname = `/${name}`;
  const source = new pg.Client({ connectionString: liveUrl });
  await source.connect();
  let reading = false;
  try {
    await source.query(`CREATE DATABASE "${name}"`); // name is [a-z0-9_] only
    await migratePostgres(drillUrl.toString(), migrationsFolder('postgresql'));
    const target = new pg.Client({ connectionString: drillUrl.toString() });
    await target.connect();
    try {
      // one consistent snapshot of the live reference data, read only
      await source.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      reading = true;
      await target.query('BEGIN');
      // rows a migration may have put in (default settings) give way to the live ones
      for (const table of [...ORDER].reverse()) await target.query(`DELETE FROM "${table}"`);
      for (const table of ORDER.filter((t) => REFERENCE_TABLES.has(t))) {
        for (let offset = 0; ; offset += BATCH) {
          const { rows } = await source.query<{ r: unknown }>(
            `SELECT row_to_json(t) AS r FROM "${table}" t ORDER BY ctid LIMIT ${BATCH} OFFSET ${offset}`,
          );
          if (rows.length === 0) break;
          await target.query(
            `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json)`,
            [JSON.stringify(rows.map((x) => x.r))],
          );
          if (rows.length < BATCH) break;
        }
      }
      // serial columns continue after the copied rows
      const serial = await target.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%' AND table_name = ANY($1)`,
        [ORDER],
      );
      for (const { table_name: t, column_name: c } of serial.rows)
        await target.query(
          `SELECT setval(pg_get_serial_sequence('"${t}"', '${c}'), COALESCE((SELECT max("${c}") FROM "${t}"), 0) + 1, false)`,
        );
      // the fleet starts idle, as in a SQLite drill
      await target.query(`UPDATE "Vehicle" SET "status" = 'idle' WHERE "status" = 'dispatched'`);
      await target.query('COMMIT');
    } catch (error) {
      await target.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await target.end();
    }
  } finally {
    if (reading) await source.query('ROLLBACK').catch(() => undefined);
    await source.end();
  }
  return drillUrl.toString();
}
