// Per-user limits on the expensive routes (issue 17): exports (the evaluation as CSV, the audit trail
// as CSV) and playback (the city at a moment, a period's events or tracks) each read a lot and build a
// large answer, so one user, or one stuck client in a loop, must not hold the database for everyone.
// rate-limiter-flexible counts requests per user per minute, as sign-in counts failures: in memory on
// SQLite (one node), in PostgreSQL (table "RouteLimit", db/limit-table.ts) when nodes share a
// database. Over the limit: 429 with Retry-After, in the project's error shape. Limits: see
// access/route-limit-config.ts.
import type { Request, RequestHandler } from 'express';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { ensureLimitTable, type LimitPool } from '../db/limit-table';
import { AppError } from '../errors';
import { actorOf } from './auth';
import type { Limited, RouteLimitConfig } from '../access/route-limit-config';

const LABEL: Record<Limited, { zh: string; en: string }> = {
  export: { zh: '导出', en: 'exports' },
  playback: { zh: '回放查询', en: 'playback requests' },
};

export class RouteLimits {
  private readonly limiters: Record<Limited, RateLimiterAbstract>;
  /** the counters' table exists (PostgreSQL; at once in memory) */
  private readonly ready: Promise<void>;

  /** `pool`: the node's limiter pool (db/limit-table.ts), owned and closed by the node; null on SQLite. */
  constructor(
    readonly config: RouteLimitConfig,
    pool: LimitPool,
  ) {
    const make = (kind: Limited): RateLimiterAbstract => {
      const options = { keyPrefix: kind, points: config[kind], duration: 60 };
      return pool
        ? new RateLimiterPostgres({
            ...options,
            storeClient: pool,
            storeType: 'pool',
            tableName: 'RouteLimit',
            tableCreated: true,
          })
        : new RateLimiterMemory(options);
    };
    this.limiters = { export: make('export'), playback: make('playback') };
    this.ready = pool ? ensureLimitTable(pool, 'RouteLimit') : Promise.resolve();
    this.ready.catch(() => undefined); // reported by the first request that waits for it
  }

  /** Counts the signed-in user's request (after requireActor); `applies` narrows it (e.g. format=csv). */
  limit(kind: Limited, applies: (req: Request) => boolean = () => true): RequestHandler {
    return (req, _res, next) => {
      if (!applies(req)) return next();
      const key = actorOf(req).userId;
      this.ready
        .then(() => this.limiters[kind].consume(key))
        .then(
          () => next(),
          (err: unknown) => {
            if (!(err instanceof RateLimiterRes)) return next(err);
            const retryAfterS = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
            const per = this.config[kind];
            next(
              new AppError(
                429,
                'rate_limited',
                {
                  zh: `${LABEL[kind].zh}过于频繁（每分钟最多 ${per} 次），请 ${retryAfterS} 秒后再试`,
                  en: `Too many ${LABEL[kind].en} (at most ${per} a minute): try again in ${retryAfterS} s`,
                },
                { retryAfterS },
              ),
            );
          },
        );
    };
  }
}
