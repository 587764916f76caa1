// A fresh drill database from the live one (SQLite): a consistent copy of the file (VACUUM INTO, safe while
// the live server writes), then every table that is not reference data is emptied by being dropped and
// created again with its indexes and triggers (the append-only triggers reject DELETE). A whitelist, so a
// table added later starts empty in a drill unless it is added here as reference data.
import fs from 'node:fs';
import Database from 'better-sqlite3';

/** The live reference data a drill starts from: city, grid, parts, departments, users, devices, fleet. */
export const REFERENCE_TABLES: ReadonlySet<string> = new Set([
  '_prisma_migrations',
  'Division',
  'GridCell',
  'Department',
  'DepartmentCategory',
  'Category',
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
]);

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

export function copyReferenceDatabase(liveFile: string, drillFile: string): { emptied: string[] } {
  fs.rmSync(drillFile, { force: true });
  const live = new Database(liveFile, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    live.prepare('VACUUM INTO ?').run(drillFile);
  } finally {
    live.close();
  }
  const db = new Database(drillFile, { timeout: 10_000 });
  try {
    const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all() as SchemaRow[];
    const virtual = rows.filter((r) => r.type === 'table' && r.sql?.startsWith('CREATE VIRTUAL TABLE'));
    const isShadow = (name: string) => virtual.some((v) => name.startsWith(`${v.name}_`));
    const emptied = rows
      .filter(
        (r) =>
          r.type === 'table' &&
          !REFERENCE_TABLES.has(r.name) &&
          !r.name.startsWith('sqlite_') &&
          !isShadow(r.name) &&
          !virtual.includes(r),
      )
      .map((r) => r.name);
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      for (const table of emptied) {
        const own = rows.filter((r) => r.tbl_name === table && r.sql);
        const create = own.find((r) => r.type === 'table') as SchemaRow;
        db.exec(`DROP TABLE "${table}"`);
        db.exec(create.sql as string);
        for (const r of own.filter((o) => o.type === 'index' || o.type === 'trigger'))
          db.exec(r.sql as string);
      }
      // the copied sessions were not copied (Session is not reference data); the fleet starts idle
      db.exec(`UPDATE "Vehicle" SET "status" = 'idle' WHERE "status" = 'dispatched'`);
    })();
    db.pragma('journal_mode = WAL');
    return { emptied };
  } finally {
    db.close();
  }
}
