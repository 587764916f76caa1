// DATABASE_URL selects the provider: a `file:` URL for the embedded SQLite database, or a
// `postgresql://` URL when a city outgrows one machine.
import path from 'node:path';

export type DatabaseTarget =
  { provider: 'sqlite'; url: string; file: string } | { provider: 'postgresql'; url: string };

export function parseDatabaseUrl(raw: string | undefined, dataDir: string): DatabaseTarget {
  const url = raw && raw.trim() !== '' ? raw.trim() : `file:${path.join(dataDir, 'city-ops.db')}`;
  if (url.startsWith('file:')) {
    const rest = url.slice('file:'.length).replace(/^\/\//, '');
    if (!rest) throw new Error('DATABASE_URL "file:" needs a path, e.g. file:./data/city-ops.db');
    return { provider: 'sqlite', url, file: path.resolve(rest.split('?')[0] ?? rest) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { provider: 'postgresql', url };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(':')[0]}:"`,
  );
}
