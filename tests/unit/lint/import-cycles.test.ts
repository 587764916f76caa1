// No import cycles in the project's code, counting type imports and import() too: each cycle found is
// listed with its files, so the message says what to untangle.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { importCycles, importGraph, importSpecifiers, ROOT, sourcesUnder } from '../../support/import-graph';

test('the cycle finder sees value, type and dynamic imports', () => {
  const source = `import { a } from './a';\nimport type { B } from './b';\nexport { c } from './c';\nconst d = await import('./d');\n`;
  assert.deepEqual(importSpecifiers(source).sort(), ['./a', './c']);
  assert.deepEqual(importSpecifiers(source, 'all').sort(), ['./a', './b', './c', './d']);
  const graph = new Map([
    ['x', ['y']],
    ['y', ['z']],
    ['z', ['x']],
    ['w', ['x']],
  ]);
  assert.deepEqual(importCycles(graph), [['x', 'y', 'z']]);
});

test('server, renderer, contract and electron have no import cycles', () => {
  const graph = importGraph(
    sourcesUnder('server/src', 'renderer/src', 'contract', 'electron', 'prisma/scripts'),
    'all',
  );
  assert.ok(graph.size > 200, `walked ${graph.size} files`);
  const cycles = importCycles(graph).map((files) => files.map((f) => path.relative(ROOT, f)).join(' -> '));
  assert.deepEqual(cycles, []);
});
