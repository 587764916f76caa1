// The evaluation suite on SQLite (evaluation-postgres.test.ts runs it on PostgreSQL).
import { evaluationSuite } from './evaluation-suite';

evaluationSuite('SQLite', async () => undefined);
