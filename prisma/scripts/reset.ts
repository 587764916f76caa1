// `npm run db:reset`: delete the embedded SQLite database (the next start migrates and seeds again).
// PostgreSQL databases are never dropped by a script; drop and create them yourself.
import fs from 'node:fs';
import { loadConfig } from '../../server/src/config';

const { database } = loadConfig();
if (database.provider !== 'sqlite') {
  console.error('db:reset only deletes the SQLite file; for PostgreSQL run dropdb/createdb yourself');
  process.exit(2);
}
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${database.file}${suffix}`, { force: true });
console.log(`deleted ${database.file}; the next start migrates and seeds it again`);
