// `npm run bench -- workflow [--pg]`: audited transitions per second (case update + CaseEvent + Outbox row
// in one transaction, through CaseService and its store: prepared better-sqlite3 statements, or on
// PostgreSQL one `pg` statement per transition, ADR 0004) against raw writes of the same rows by the same
// engine's own driver (better-sqlite3, or `pg` with --pg; same statements' shapes, one transaction per
// transition; its event command fires no CaseMetric trigger, ours do in 4 of 7 steps), in the same run
// on the same machine. --pg starts a throwaway PostgreSQL (bench/_pg.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SYSTEM_ACTOR, type Actor } from '../server/src/domain';
import { loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/log';
import { startServer } from '../server/src/server';
import { benchDatabase, usePg } from './_pg';
import { rawPgWorkflow } from './_workflow-pg';

const CASES = Number(process.env.BENCH_CASES ?? 600);
const STEPS: Array<[string, Actor]> = [];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-workflow-'));
const database = await benchDatabase('workflow');
const config = loadConfig({
  PORT: '0',
  SIM: '0',
  OPEN: '0',
  DATA_DIR: dir,
  LOG_LEVEL: 'error',
  ...(database.url ? { DATABASE_URL: database.url } : {}),
});
const server = await startServer(config, { log: createLogger('error') });
const { cases, ctx } = server;
const actor = (role: Actor['role'], departmentId: string | null = null): Actor => ({
  userId: `bench-${role}`,
  role,
  departmentId,
  districtCode: null,
});
const supervisor = actor('supervisor');
const dispatcher = actor('dispatcher');

console.log(`setting up ${CASES} reported cases…`);
const ids: string[] = [];
for (let i = 0; i < CASES; i++) {
  const c = await cases.report(
    {
      source: 'hotline',
      categoryId: 'event-0507',
      lon: 119.14 + (i % 70) * 0.001,
      lat: 34.575 + Math.floor(i / 70) * 0.0009,
      address: '',
      description: 'bench',
      photos: [],
    },
    SYSTEM_ACTOR,
  );
  ids.push(c.id);
}
const dept = (await ctx.db.case.findFirst({ where: { id: ids[0] } }))?.suggestedDepartmentId ?? 'cityadmin';
const handler = actor('handler', dept);
STEPS.push(
  ['accept', supervisor],
  ['open', supervisor],
  ['dispatch', dispatcher],
  ['acceptTask', handler],
  ['handle', handler],
  ['check', supervisor],
  ['approve', supervisor],
);

const started = performance.now();
let transitions = 0;
for (const id of ids) {
  let version = 1;
  for (const [command, who] of STEPS) {
    const body = {
      command,
      version,
      note: 'bench',
      ...(command === 'dispatch' ? { departmentId: dept } : {}),
    } as never;
    const r = await cases.transition(id, body, who);
    version = r.version;
    transitions++;
  }
}
const oursMs = performance.now() - started;
const transitionsPerS = transitions / (oursMs / 1000);
console.log(
  `ours: ${transitions} audited transitions in ${oursMs.toFixed(0)} ms → ${transitionsPerS.toFixed(0)}/s`,
);
await server.close();

const rawResult = usePg ? await rawPgWorkflow(database.url, ids, STEPS.length, dept) : rawSqlite();
database.stop();
const { rawCount, rawMs } = rawResult;
const rawPerS = rawCount / (rawMs / 1000);
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  `raw ${usePg ? 'pg' : 'better-sqlite3'}: ${rawCount} in ${rawMs.toFixed(0)} ms → ${rawPerS.toFixed(0)}/s`,
);
const ratio = transitionsPerS / rawPerS;
console.log(
  `ratio ours/raw: ${(ratio * 100).toFixed(1)} %  (targets: ≥ ${usePg ? '1,500' : '3,000'}/s and ≥ 30 %)`,
);
console.log(
  JSON.stringify({
    database: usePg ? 'postgresql' : 'sqlite',
    transitions_per_s: Math.round(transitionsPerS),
    raw_per_s: Math.round(rawPerS),
    ratio: Math.round(ratio * 1000) / 1000,
  }),
);

// Raw: the same rows written by better-sqlite3 directly, one transaction per transition.
function rawSqlite(): { rawCount: number; rawMs: number } {
  const raw = new Database(path.join(dir, 'city-ops.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  const sample = raw.prepare('SELECT * FROM "Case" LIMIT 1').get() as Record<string, unknown>;
  const payload = JSON.stringify({ case: sample });
  const update = raw.prepare(
    'UPDATE "Case" SET state = ?, version = version + 1, updatedAt = ?, stepDeadline = ?, escalations = ? WHERE id = ? AND version = ?',
  );
  const event = raw.prepare(
    'INSERT INTO "CaseEvent" (caseId, command, fromState, toState, actorId, role, note, attachments, data, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const outbox = raw.prepare(
    'INSERT INTO "Outbox" (topic, type, entityId, departmentId, districtCode, payload, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const versions = new Map(
    (raw.prepare('SELECT id, version FROM "Case"').all() as Array<{ id: string; version: number }>).map(
      (r) => [r.id, r.version],
    ),
  );
  const one = raw.transaction((id: string, state: string) => {
    const now = new Date().toISOString();
    const v = versions.get(id) ?? 1;
    const res = update.run(state, now, now, '[]', id, v);
    if (res.changes !== 1) throw new Error('raw update lost');
    versions.set(id, v + 1);
    event.run(id, 'bench', state, state, 'bench', 'system', '', '[]', '{}', now);
    outbox.run('case', 'case.changed', id, dept, '329801', payload, now);
  });
  const rawStart = performance.now();
  let rawCount = 0;
  for (const id of ids) {
    for (const [command] of STEPS) {
      one(id, command);
      rawCount++;
    }
  }
  const rawMs = performance.now() - rawStart;
  raw.close();
  return { rawCount, rawMs };
}
