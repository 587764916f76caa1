// The layer boundaries are enforced by `npm run lint` (eslint.config.js `boundaries`), not only written
// down: each forbidden import below fails lint in its zone, and the allowed ones pass.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const use = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;

describe('layer boundaries', () => {
  const forbidden: [file: string, spec: string][] = [
    ['server/src/domain/fixture.ts', '@prisma/client'],
    ['server/src/domain/fixture.ts', 'express'],
    ['server/src/domain/fixture.ts', 'socket.io'],
    ['server/src/domain/fixture.ts', '../db/client'],
    ['server/src/domain/fixture.ts', '../http/errors'],
    ['server/src/domain/fixture.ts', '../context'],
    ['server/src/domain/sub/fixture.ts', '../../stream/bus'],
    ['server/src/domain/sub/fixture.ts', '../../cases/service'],
    ['server/src/domain/fixture.ts', '../alarms/engine'],
    ['renderer/src/state/fixture.ts', 'react'],
    ['renderer/src/state/fixture.ts', 'cesium'],
    ['renderer/src/state/fixture.ts', '../services/api'],
    ['renderer/src/state/fixture.ts', '../map/layers/model'],
    ['renderer/src/panels/Fixture.tsx', '../../../server/src/domain/index'],
    ['contract/fixture.ts', '../server/src/domain/index'],
    ['contract/fixture.ts', '@contract/domain'],
    ['electron/main/fixture.ts', '../../renderer/src/state/store'],
  ];
  for (const [file, spec] of forbidden) {
    test(`${file} may not import ${spec}`, async () => {
      const messages = await restricted(file, use(spec));
      assert.equal(messages.length, 1, `expected one boundary error, got ${JSON.stringify(messages)}`);
    });
  }

  const allowed: [file: string, spec: string][] = [
    ['server/src/domain/fixture.ts', '@contract/domain'],
    ['server/src/domain/fixture.ts', './errors'],
    ['server/src/domain/sub/fixture.ts', '../errors'],
    ['renderer/src/state/fixture.ts', '@contract/rules'],
    ['renderer/src/state/fixture.ts', 'zustand'],
    ['renderer/src/panels/Fixture.tsx', '../state/store'],
    ['contract/fixture.ts', './domain'],
    ['server/src/http/fixture.ts', '../db/client'],
  ];
  for (const [file, spec] of allowed) {
    test(`${file} may import ${spec}`, async () => {
      assert.deepEqual(await restricted(file, use(spec)), []);
    });
  }
});
