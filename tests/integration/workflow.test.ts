import { workflowSuite } from './workflow-suite';

workflowSuite('SQLite', async () => undefined);
