// Settings of the live stream, from environment variables (parsed by server/src/config.ts).
export interface StreamConfig {
  /** keep at least the newest N outbox rows (STREAM_RETENTION_ROWS) */
  retentionRows: number;
  /** and rows younger than this many minutes (STREAM_RETENTION_MINUTES); older and beyond N are pruned */
  retentionMinutes: number;
  /** how often the outbox is polled for rows written by other nodes (STREAM_POLL_MS) */
  pollMs: number;
  /** under load, the stream sends at most one batch per this many ms (STREAM_BATCH_MS; 0 = every commit) */
  batchMs: number;
  /** how often transient layers are flushed to clients (STREAM_TICK_MS) */
  tickMs: number;
  /** how often the pruner runs (STREAM_PRUNE_MS) */
  pruneMs: number;
  /** Socket.IO transports accepted: websocket only (no sticky sessions needed) or also polling */
  transports: Array<'websocket' | 'polling'>;
}

export function parseStreamConfig(env: NodeJS.ProcessEnv, fail: (message: string) => never): StreamConfig {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      fail(`${name} must be an integer between ${min} and ${max}, got "${value}"`);
    }
    return n;
  };
  const transports = (env.SOCKET_TRANSPORTS || 'websocket,polling').split(',').map((t) => t.trim());
  if (!transports.length || transports.some((t) => t !== 'websocket' && t !== 'polling')) {
    fail(`SOCKET_TRANSPORTS is a comma-separated list of websocket, polling; got "${env.SOCKET_TRANSPORTS}"`);
  }
  return {
    retentionRows: int('STREAM_RETENTION_ROWS', 100_000, 1, 100_000_000),
    retentionMinutes: int('STREAM_RETENTION_MINUTES', 24 * 60, 1, 60 * 24 * 365),
    pollMs: int('STREAM_POLL_MS', 200, 10, 60_000),
    batchMs: int('STREAM_BATCH_MS', 20, 0, 1000),
    tickMs: int('STREAM_TICK_MS', 250, 20, 60_000),
    pruneMs: int('STREAM_PRUNE_MS', 60_000, 100, 24 * 3600_000),
    transports: transports as StreamConfig['transports'],
  };
}
