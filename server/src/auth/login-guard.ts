// Login throttling (rate-limiter-flexible): failed sign-ins are counted per account and per address.
// An account locks after LOGIN_MAX_FAILURES failures within LOGIN_WINDOW_MINUTES, for
// LOGIN_LOCK_MINUTES (or until an administrator lifts it); an address that fails
// LOGIN_MAX_FAILURES_PER_ADDRESS times (any accounts) is blocked likewise. While locked, even the right
// password is refused (429 with Retry-After), so guessing gains nothing. A successful sign-in clears the
// account's count. Counters live in memory on SQLite (one node) and in PostgreSQL (table
// "LoginLimit", created by the library) when several nodes share a database, so every node agrees.
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { ensureLimitTable, type LimitPool } from '../db/limit-table';

export interface LoginGuardConfig {
  maxFailures: number;
  maxFailuresPerAddress: number;
  windowMinutes: number;
  lockMinutes: number;
}

export function loginGuardConfig(env: NodeJS.ProcessEnv, fail: (message: string) => never): LoginGuardConfig {
  const int = (name: string, fallback: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) fail(`${name} must be an integer 1-${max}, got "${raw}"`);
    return n;
  };
  return {
    maxFailures: int('LOGIN_MAX_FAILURES', 5, 1000),
    maxFailuresPerAddress: int('LOGIN_MAX_FAILURES_PER_ADDRESS', 30, 100_000),
    windowMinutes: int('LOGIN_WINDOW_MINUTES', 15, 24 * 60),
    lockMinutes: int('LOGIN_LOCK_MINUTES', 15, 7 * 24 * 60),
  };
}

export type LoginBlock = { by: 'account' | 'address'; retryAfterS: number };

export class LoginGuard {
  private readonly account: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  /** the counters' table exists (PostgreSQL, db/limit-table.ts; at once in memory) */
  private readonly ready: Promise<void>;

  /** `pool`: the node's limiter pool (db/limit-table.ts), owned and closed by the node; null on SQLite. */
  constructor(
    readonly config: LoginGuardConfig,
    pool: LimitPool,
  ) {
    // A limiter rejects the consume that takes it past `points`: the Nth failure is the one that locks.
    const common = { duration: config.windowMinutes * 60, blockDuration: config.lockMinutes * 60 };
    if (pool) {
      const store = {
        storeClient: pool,
        storeType: 'pool',
        tableName: 'LoginLimit',
        tableCreated: true,
      };
      this.ready = ensureLimitTable(pool, 'LoginLimit');
      this.ready.catch(() => undefined); // reported by the first sign-in that waits for it
      this.account = new RateLimiterPostgres({
        ...store,
        ...common,
        keyPrefix: 'acct',
        points: config.maxFailures - 1,
      });
      this.address = new RateLimiterPostgres({
        ...store,
        ...common,
        keyPrefix: 'addr',
        points: config.maxFailuresPerAddress - 1,
      });
    } else {
      this.ready = Promise.resolve();
      this.account = new RateLimiterMemory({ ...common, keyPrefix: 'acct', points: config.maxFailures - 1 });
      this.address = new RateLimiterMemory({
        ...common,
        keyPrefix: 'addr',
        points: config.maxFailuresPerAddress - 1,
      });
    }
  }

  /** Is this sign-in refused before the password is even checked? */
  async blocked(username: string, address: string): Promise<LoginBlock | null> {
    await this.ready;
    const [account, byAddress] = await Promise.all([
      this.account.get(accountKey(username)),
      this.address.get(address),
    ]);
    if (account && account.consumedPoints >= this.config.maxFailures && account.msBeforeNext > 0)
      return { by: 'account', retryAfterS: Math.ceil(account.msBeforeNext / 1000) };
    if (
      byAddress &&
      byAddress.consumedPoints >= this.config.maxFailuresPerAddress &&
      byAddress.msBeforeNext > 0
    )
      return { by: 'address', retryAfterS: Math.ceil(byAddress.msBeforeNext / 1000) };
    return null;
  }

  /** Counts a failure; says whether it locked the account or the address just now. */
  async failed(username: string, address: string): Promise<LoginBlock | null> {
    await this.ready;
    const [account, byAddress] = await Promise.all([
      consume(this.account, accountKey(username)),
      consume(this.address, address),
    ]);
    if (account) return { by: 'account', retryAfterS: Math.ceil(account.msBeforeNext / 1000) };
    if (byAddress) return { by: 'address', retryAfterS: Math.ceil(byAddress.msBeforeNext / 1000) };
    return null;
  }

  async succeeded(username: string): Promise<void> {
    await this.ready;
    await this.account.delete(accountKey(username));
  }

  /** An administrator lifts a lock (and the count) of an account, an address, or both. */
  async unlock(target: { username?: string; address?: string }): Promise<void> {
    await this.ready;
    if (target.username) await this.account.delete(accountKey(target.username));
    if (target.address) await this.address.delete(target.address);
  }
}

const accountKey = (username: string) => username.trim().toLowerCase();

/** Consumes one point; returns the limiter's answer when this failure crossed the limit (a lock). */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (err) {
    if (err instanceof RateLimiterRes) return err;
    throw err;
  }
}
