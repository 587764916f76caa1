// Starts a real server node on a free port with a fresh SQLite database (or PostgreSQL when asked),
// a controllable clock and an in-memory logger.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/src/config';
import type { Clock } from '../../server/src/context';
import { memoryLogger } from '../../server/src/log';
import { startServer, type RunningServer } from '../../server/src/server';

/**
 * A clock tests move by hand. Frozen at `start`, or (`running`) ticking on from it in step with the system
 * clock, for tests where another process (a child server node) shares the database and uses real time.
 */
export class TestClock implements Clock {
  private current: number;
  private since: number | null;
  constructor(start: Date, running = false) {
    this.current = start.getTime();
    this.since = running ? Date.now() : null;
  }
  now(): Date {
    return new Date(this.current + (this.since === null ? 0 : Date.now() - this.since));
  }
  set(iso: string | Date): void {
    this.current = new Date(iso).getTime();
    if (this.since !== null) this.since = Date.now();
  }
  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000;
  }
}

export interface TestServer extends RunningServer {
  clock: TestClock;
  logs: ReturnType<typeof memoryLogger>;
  dataDir: string;
  api<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: T }>;
  loginAs(username: string): Promise<string>;
}

/**
 * One request to any node (a test server, a drill node, a child process) as a client sends it: JSON body,
 * optional bearer token. The body is parsed as JSON when it is JSON and kept as text otherwise (CSV).
 */
export async function callAt<T = unknown>(
  base: string,
  method: string,
  url: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T; text: string; headers: Headers }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, text, headers: res.headers };
}

/** Signs a demo user in on any node; throws when the sign-in fails. */
export async function loginAt(base: string, username: string): Promise<string> {
  const r = await callAt<{ token: string }>(base, 'POST', '/api/auth/login', {
    username,
    password: 'demo123',
  });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

export async function startTestServer(
  options: {
    env?: Record<string, string>;
    /**
     * Start of the test clock (frozen; default 2026-11-23T02:00:00Z). 'system': the real time, running, as
     * for a node next to other processes on the same database (they judge its sessions and timestamps by
     * their own clocks).
     */
    now?: string;
    databaseUrl?: string;
  } = {},
): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-test-'));
  const config = loadConfig({
    PORT: '0',
    SIM: '0',
    OPEN: '0',
    DATA_DIR: dataDir,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const clock =
    options.now === 'system'
      ? new TestClock(new Date(), true)
      : new TestClock(new Date(options.now ?? '2026-11-23T02:00:00Z'));
  const logs = memoryLogger();
  const server = await startServer(config, { clock, log: logs });
  const api = <T>(method: string, url: string, body?: unknown, token?: string) =>
    callAt<T>(server.url, method, url, body, token);
  const loginAs = (username: string) => loginAt(server.url, username);
  const closeServer = server.close.bind(server);
  return Object.assign(server, {
    clock,
    logs,
    dataDir,
    api,
    loginAs,
    close: async () => {
      await closeServer();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
