// `npm run bench -- NAME [args]`: runs bench/NAME.ts. Each benchmark prints its figures and, as its
// last line, one JSON object. Benchmarks are not part of `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const name = process.argv[2];
const available = fs
  .readdirSync(path.dirname(new URL(import.meta.url).pathname))
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME   (available: ${available.join(', ') || 'none'})`);
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(path.resolve('bench', `${name}.ts`)).href);
