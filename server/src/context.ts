// What every server module gets: configuration, database, logger, clock, city profile.
import type { CityConfig } from '@contract/http';
import type { ServerConfig } from './config';
import type { Db } from './db/client';
import type { LiveBus } from './stream/bus';
import type { Logger } from './log';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ServerContext {
  config: ServerConfig;
  db: Db;
  log: Logger;
  clock: Clock;
  version: string;
  city: Omit<CityConfig, 'drill'>;
  bus: LiveBus;
}
