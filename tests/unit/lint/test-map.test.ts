// tests/README.md maps every test file: each tests/**/*.test.ts and *.spec.ts has a row in the table of
// its own folder (the `### \`tests/…\`` heading above the table), and every row names a file that exists
// in that folder. Basenames repeat across folders (clock.test.ts), so rows are matched by folder too.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../support/import-graph';

const TESTS = path.join(ROOT, 'tests');
const SKIPPED = new Set(['output', 'node_modules']);
const TEST_FILE = /\.(test|spec)\.ts$/;

/** Every file under tests/ (relative to the repository root), output folders left out. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(path.relative(ROOT, full).split(path.sep).join('/'));
  }
  return out;
}

/** The files each table of the README lists, as `folder/file`, with the README line of each row. */
export function listedFiles(readme: string): { file: string; line: number }[] {
  const listed: { file: string; line: number }[] = [];
  let folder: string | null = null;
  readme.split('\n').forEach((text, index) => {
    const heading = /^#{2,4}\s+`(tests(?:\/[\w.-]+)*)`/.exec(text);
    if (heading) {
      folder = heading[1]!;
      return;
    }
    if (/^#{1,4}\s/.test(text)) {
      folder = null;
      return;
    }
    const row = /^\|\s*`([\w.-]+)`/.exec(text);
    if (row && folder) listed.push({ file: `${folder}/${row[1]}`, line: index + 1 });
  });
  return listed;
}

const readme = fs.readFileSync(path.join(TESTS, 'README.md'), 'utf8');

test('the README parser reads rows under their folder heading only', () => {
  const sample = [
    '## Running',
    '| `npm test` | everything |',
    '### `tests/unit/domain`: rules',
    '| File | Covers |',
    '|---|---|',
    '| `clock.test.ts` | the step clock |',
    '### `tests/e2e`: Playwright',
    '| `auth.spec.ts` (`@webgl`) | sign in |',
    '## Naming',
    '| `stray.test.ts` | not in a folder table |',
  ].join('\n');
  assert.deepEqual(
    listedFiles(sample).map((l) => l.file),
    ['tests/unit/domain/clock.test.ts', 'tests/e2e/auth.spec.ts'],
  );
});

test('every test and spec file has a row in the table of its folder', () => {
  const listed = new Set(listedFiles(readme).map((l) => l.file));
  const tests = filesUnder(TESTS).filter((f) => TEST_FILE.test(f));
  assert.ok(tests.length > 100, `found ${tests.length} test files`);
  const missing = tests.filter((f) => !listed.has(f));
  assert.deepEqual(missing, [], 'add a row for each to the table of its folder in tests/README.md');
});

test('every file the README lists exists in that folder', () => {
  const absent = listedFiles(readme)
    .filter((l) => !fs.existsSync(path.join(ROOT, l.file)))
    .map((l) => `${l.file} (README line ${l.line})`);
  assert.deepEqual(absent, [], 'remove or move these rows of tests/README.md');
});
