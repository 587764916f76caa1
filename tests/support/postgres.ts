// A throwaway PostgreSQL cluster on 127.0.0.1 for tests: initdb + pg_ctl on a free port, run as the
// `postgres` user when we are root. Returns null when PostgreSQL is not installed (tests then report
// that they ran on SQLite only); CI installs it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PgCluster {
  url(database: string): string;
  createDatabase(name: string): void;
  stop(): void;
}

function findBin(name: string): string | null {
  const roots = ['/usr/lib/postgresql'];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    const versions = fs.readdirSync(root).sort().reverse();
    for (const v of versions) {
      const p = path.join(root, v, 'bin', name);
      if (fs.existsSync(p)) return p;
    }
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startPostgres(): Promise<PgCluster | null> {
  if (process.env.TEST_DATABASE_URL_PG) {
    const base = process.env.TEST_DATABASE_URL_PG;
    return {
      url: (db) => base.replace(/\/[^/]*$/, `/${db}`),
      createDatabase: (name) => execFileSync('psql', [base, '-c', `CREATE DATABASE "${name}"`]),
      stop: () => undefined,
    };
  }
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  const psql = findBin('psql');
  if (!initdb || !pgCtl || !psql) return null;
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-pg-'));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const run = (bin: string, args: string[]) => {
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' })
      : spawnSync(bin, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${path.basename(bin)} failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  run(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  run(pgCtl, [
    '-D',
    data,
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  const url = (db: string) => `postgresql://postgres@127.0.0.1:${port}/${db}`;
  return {
    url,
    createDatabase: (name) => {
      run(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', `CREATE DATABASE "${name}"`]);
    },
    stop: () => {
      try {
        run(pgCtl, ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
