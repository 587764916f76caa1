// Sends the demo staff's work (staff.ts) through the public HTTP API, signed in as the demo users
// (supervisor, dispatcher, one handler per department, password DEMO_PASSWORD or demo123): every tick it
// reads the cases waiting in each state, oldest first, and acts on those that are due, up to each
// role's capacity per tick. Conflicts (someone at the wall acted first) are skipped, never retried.
import type { Logger } from '../log';
import { drawFor, STAFF_STATES, staffAction, type StaffAction, type StaffCase } from './staff';

export interface StaffOptions {
  baseUrl: string;
  seed: number;
  rate: number;
  log: Logger;
  password: string;
  /** real ms between rounds (default 15 s) */
  tickMs?: number;
  /** actions per state and round at rate 1 (default 12: 48 a minute, above the ~11 reports a minute) */
  perTick?: number;
}

export interface StaffStats {
  rounds: number;
  actions: number;
  conflicts: number;
  failures: number;
}

export function staffWorker(options: StaffOptions) {
  const stats: StaffStats = { rounds: 0, actions: 0, conflicts: 0, failures: 0 };
  const tokens = new Map<string, string | null>();
  const login = async (username: string): Promise<string | null> => {
    if (tokens.has(username)) return tokens.get(username) ?? null;
    const res = await fetch(`${options.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: options.password }),
    });
    const token = res.ok ? ((await res.json()) as { token: string }).token : null;
    if (!token) options.log.warn('simulated staff cannot sign in', { username, status: res.status });
    tokens.set(username, token);
    return token;
  };
  const userOf = (action: StaffAction) =>
    action.role === 'handler' ? `handler.${action.departmentId ?? ''}` : action.role;

  const list = async (token: string, state: string): Promise<StaffCase[]> => {
    const res = await fetch(`${options.baseUrl}/api/cases?state=${state}&sort=reportedAt&limit=200`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status === 401) tokens.delete('supervisor');
    if (!res.ok) return [];
    return ((await res.json()) as { items: StaffCase[] }).items;
  };

  const act = async (c: StaffCase, action: StaffAction): Promise<void> => {
    const username = userOf(action);
    const token = await login(username);
    if (!token) return;
    const res = await fetch(`${options.baseUrl}/api/cases/${encodeURIComponent(c.id)}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(action.body),
    });
    if (res.ok) stats.actions++;
    else if (res.status === 409) stats.conflicts++;
    else {
      if (res.status === 401) tokens.delete(username);
      stats.failures++;
    }
    await res.arrayBuffer().catch(() => undefined);
  };

  /** One round: every state, oldest first, up to the capacity. */
  const round = async (now = Date.now()): Promise<void> => {
    const token = await login('supervisor');
    if (!token) return;
    const cap = Math.max(1, Math.round((options.perTick ?? 12) * Math.max(options.rate, 0.1)));
    for (const state of STAFF_STATES) {
      let done = 0;
      for (const c of await list(token, state)) {
        if (done >= cap) break;
        const action = staffAction(c, now, options.rate, drawFor(c.id, c.version, options.seed));
        if (!action) continue;
        await act(c, action);
        done++;
      }
    }
    stats.rounds++;
  };
  return { round, stats };
}

export function startStaff(options: StaffOptions): { stop(): void } {
  const worker = staffWorker(options);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    worker
      .round()
      .catch((err: unknown) => options.log.warn('simulated staff round failed', { err }))
      .finally(() => {
        busy = false;
      });
  }, options.tickMs ?? 15_000);
  timer.unref();
  const report = setInterval(() => options.log.info('simulated staff', { ...worker.stats }), 60_000);
  report.unref();
  return {
    stop() {
      clearInterval(timer);
      clearInterval(report);
    },
  };
}
