// Server configuration, from environment variables only (documented in README.md).
import os from 'node:os';
import path from 'node:path';
import { parseDatabaseUrl, type DatabaseTarget } from './db/url';
import { parseStreamConfig, type StreamConfig } from './stream/config';
import { loginGuardConfig, type LoginGuardConfig } from './auth/login-guard';
import { parsePlaybackConfig, type PlaybackConfig } from './playback/config';
import { routeLimitConfig, type RouteLimitConfig } from './access/route-limit-config';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  simulator: boolean;
  simRate: number;
  seed: number;
  open: boolean;
  kiosk: boolean;
  nodeId: string;
  rendererDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  sessionHours: number;
  drill: boolean;
  stream: StreamConfig;
  /** alarm evaluation across nodes (PostgreSQL only): partitions of the sensors, this node's URL for the others */
  alarmPartitions: number;
  nodeUrl: string | null;
  /** readings a node works on at once from gateways (INGEST_MAX_READINGS); beyond it 503 with Retry-After */
  ingestMaxReadings: number;
  /** sign-in throttling: LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_WINDOW_MINUTES, LOGIN_LOCK_MINUTES */
  login: LoginGuardConfig;
  playback: PlaybackConfig;
  /** per-user limits of exports and playback: EXPORTS_PER_MINUTE, PLAYBACK_PER_MINUTE */
  routeLimits: RouteLimitConfig;
  /** drill databases are deleted this many days after the drill ended (DRILL_RETENTION_DAYS) */
  drillRetentionDays: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`expected 0/1, true/false, yes/no or on/off, got "${value}"`);
}

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${value}"`);
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): ServerConfig {
  const dataDir = path.resolve(root, env.DATA_DIR || 'data');
  const level = env.LOG_LEVEL ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error, got "${level}"`);
  }
  const simRate = Number(env.SIM_RATE ?? '1');
  if (!Number.isFinite(simRate) || simRate <= 0 || simRate > 1000) {
    throw new ConfigError(`SIM_RATE must be a number in (0, 1000], got "${env.SIM_RATE}"`);
  }
  return {
    port: int('PORT', env.PORT, 5870, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    database: parseDatabaseUrl(env.DATABASE_URL, dataDir),
    simulator: flag(env.SIM, true),
    simRate,
    seed: int('SEED', env.SEED, 20261122, 0, 2 ** 31 - 1),
    open: flag(env.OPEN, true),
    kiosk: flag(env.KIOSK, false),
    nodeId: env.NODE_ID || `${os.hostname()}-${process.pid}`,
    rendererDir: path.resolve(root, env.RENDERER_DIR || 'renderer/dist'),
    logLevel: level as ServerConfig['logLevel'],
    sessionHours: int('SESSION_HOURS', env.SESSION_HOURS, 12, 1, 24 * 30),
    drill: flag(env.DRILL, false),
    stream: parseStreamConfig(env, (message) => {
      throw new ConfigError(message);
    }),
    alarmPartitions: int('ALARM_PARTITIONS', env.ALARM_PARTITIONS, 32, 1, 1024),
    nodeUrl: env.NODE_URL || null,
    ingestMaxReadings: int('INGEST_MAX_READINGS', env.INGEST_MAX_READINGS, 2_000, 1, 1_000_000),
    login: loginGuardConfig(env, (message) => {
      throw new ConfigError(message);
    }),
    playback: parsePlaybackConfig(env, (message) => {
      throw new ConfigError(message);
    }),
    routeLimits: routeLimitConfig(env, (message) => {
      throw new ConfigError(message);
    }),
    drillRetentionDays: int('DRILL_RETENTION_DAYS', env.DRILL_RETENTION_DAYS, 30, 1, 3660),
  };
}
