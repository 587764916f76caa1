// Cross-node broadcasts through PostgreSQL (LISTEN/NOTIFY) when several nodes share one database.
// Used for transient layers, `stream:wake` and room broadcasts across nodes; the lossless stream does not
// travel through it (every node reads the shared outbox itself). Large messages go through an attachments
// table kept in its own schema (`socketio`), outside Prisma's `public` schema so migrations ignore it.
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Logger } from '../log';
import type { IoServer } from './types';

export interface ClusterLink {
  close(): Promise<void>;
}

export async function attachPostgresAdapter(io: IoServer, url: string, log: Logger): Promise<ClusterLink> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', (err) => log.warn('cluster adapter connection error', { err }));
  for (const sql of [
    'CREATE SCHEMA IF NOT EXISTS socketio',
    `CREATE TABLE IF NOT EXISTS socketio.attachments (
       id bigserial UNIQUE, created_at timestamptz DEFAULT now(), payload bytea)`,
  ]) {
    // Two nodes starting together may race on IF NOT EXISTS (duplicate key): the other one made it.
    await pool.query(sql).catch((err: { code?: string }) => {
      if (err.code !== '23505' && err.code !== '42P06' && err.code !== '42P07') throw err;
    });
  }
  io.adapter(
    createAdapter(pool, {
      tableName: 'socketio.attachments',
      channelPrefix: 'cityops',
      heartbeatInterval: 5_000,
      heartbeatTimeout: 12_000,
      errorHandler: (err: Error) => log.warn('cluster adapter error', { err }),
    }),
  );
  return {
    async close() {
      await pool.end().catch(() => undefined);
    },
  };
}
