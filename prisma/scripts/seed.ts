// `npm run db:seed`: migrate and seed the demo city into an empty database.
import { loadConfig } from '../../server/src/config';
import { systemClock } from '../../server/src/context';
import { createDb } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { seedIfEmpty } from '../../server/src/city';
import { DEMO_CITY } from '../../server/src/city/city';
import { LiveBus } from '../../server/src/stream/bus';
import { createLogger } from '../../server/src/log';

const config = loadConfig();
await migrate(config.database);
const db = await createDb(config.database);
const result = await seedIfEmpty({
  config,
  db,
  log: createLogger('info'),
  clock: systemClock,
  version: '',
  city: DEMO_CITY,
  bus: new LiveBus(),
});
console.log(result ? `seeded: ${JSON.stringify(result)}` : 'database already has data; nothing seeded');
await db.$disconnect();
