// `npm run db:migrate`: apply pending migrations to DATABASE_URL (the server also does this at start).
import { loadConfig } from '../../server/src/config';
import { migrate } from '../../server/src/db/migrate';

const config = loadConfig();
migrate(config.database)
  .then((r) =>
    console.log(`applied ${r.applied.length} migration(s): ${r.applied.join(', ') || '(none pending)'}`),
  )
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
