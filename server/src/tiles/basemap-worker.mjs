// Worker-thread entry of the base-map build: worker threads do not inherit the tsx loader of
// `node --import tsx`, so register it here, then run the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./basemap-worker.ts');
