// The case store of the configured database: prepared better-sqlite3 statements, or `pg` on PostgreSQL
// (docs/adr/0004-workflow-hot-path.md).
import type { DatabaseTarget } from '../db/url';
import { SqliteCaseStore, type CaseStore } from './store';
import { PgCaseStore } from './store-pg';

export function createCaseStore(target: DatabaseTarget): CaseStore {
  return target.provider === 'sqlite' ? new SqliteCaseStore(target.file) : new PgCaseStore(target.url);
}
