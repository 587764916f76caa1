// The launcher (`npm start`) runs on a fresh clone before anything is generated: nothing it imports
// statically may reach the generated Prisma clients or the server (issue #12). Also its flags and the
// Electron status line.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseFlags } from '../../../server/src/cli/start';
import { electronStatus } from '../../../server/src/cli/open-client';

const root = path.resolve(import.meta.dirname, '../../..');

/** Files reached from `entry` through static value imports (not `import type`, not `import()`). */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gms)].map(
      (m) => m[1]!,
    );
    specifiers.push(...[...source.matchAll(/^import\s+'([^']+)'/gm)].map((m) => m[1]!));
    for (const spec of specifiers) {
      let base: string | null = null;
      if (spec.startsWith('.')) base = path.resolve(path.dirname(file), spec);
      else if (spec.startsWith('@contract/'))
        base = path.join(root, 'contract', spec.slice('@contract/'.length));
      if (!base) continue; // a package or node: built-in
      const resolved = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find(
        (f) => fs.existsSync(f) && fs.statSync(f).isFile(),
      );
      // A generated file that does not exist yet is exactly what must not be imported.
      visit(resolved ?? `${base}.ts`);
    }
  };
  const visitExisting = (file: string) => (fs.existsSync(file) ? visit(file) : seen.add(file));
  visitExisting(entry);
  return seen;
}

test('npm start imports nothing generated and not the server before it has built', () => {
  const reached = [...staticImports(path.join(root, 'server/src/cli/start.ts'))].map((f) =>
    path.relative(root, f),
  );
  assert.ok(reached.includes(path.normalize('server/src/cli/build.ts')), 'walks the build step');
  const forbidden = reached.filter(
    (f) => f.includes(path.normalize('db/generated/')) || f === path.normalize('server/src/server.ts'),
  );
  assert.deepEqual(forbidden, [], `statically imported by the launcher: ${forbidden.join(', ')}`);
});

test('launcher flags map to the environment and reject unknown ones', () => {
  const { env } = parseFlags(['--no-sim', '--port', '6000', '--no-open'], {});
  assert.equal(env.SIM, '0');
  assert.equal(env.PORT, '6000');
  assert.equal(env.OPEN, '0');
  assert.throws(() => parseFlags(['--wat'], {}), /unknown option --wat/);
  assert.throws(() => parseFlags(['--port'], {}), /--port needs a value/);
});

test('the Electron status says why there is no binary', () => {
  const status = electronStatus();
  if (status.binary) assert.ok(fs.existsSync(status.binary));
  else assert.match(status.reason, /electron/i);
});
