// The launcher (`npm start`) runs on a fresh clone before anything is generated: nothing it imports
// statically may reach the generated Prisma clients or the server (issue #12). Also its flags and the
// Electron status line.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { reachable, ROOT } from '../../support/import-graph';
import { parseFlags } from '../../../server/src/cli/start';
import { electronStatus } from '../../../server/src/cli/open-client';

test('npm start imports nothing generated and not the server before it has built', () => {
  const reached = reachable(path.join(ROOT, 'server/src/cli/start.ts')).map((f) => path.relative(ROOT, f));
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
