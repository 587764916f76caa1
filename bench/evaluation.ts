// `npm run bench -- evaluation [--cases 1000000]`: a month's 综合评价 over two months of a large city
// in SQLite. Cases, their audit trails and their CaseMetric rows are bulk-inserted with raw SQL (the
// trigger is paused for the load; the metric rows are the pure fold of each generated history, which is
// what the trigger keeps). Figures: eval_ms (GET /api/evaluation by department: the month and the month
// before, names, ranks), eval_street_ms (the same by street), and ratio = a naive baseline (load the
// month's cases and events into JavaScript and fold them there) ÷ our SQL for the same month, same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EvaluationQuery } from '../contract/evaluation';
import { countsBy, metricCountsBy } from '../server/src/evaluation/queries';
import { evaluationReport } from '../server/src/evaluation/report';
import { loadConfig } from '../server/src/config';
import {
  countCases,
  evaluateDepartment,
  factsOf,
  periodOf,
  type Actor,
  type CaseFacts,
  type FactEvent,
} from '../server/src/domain';
import { createLogger } from '../server/src/log';
import { startServer } from '../server/src/server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', Number(process.env.BENCH_CASES ?? 1_000_000));
const MONTH = '2026-11-15'; // October and November 2026 hold the cases

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-evaluation-'));
const config = loadConfig({ PORT: '0', SIM: '0', OPEN: '0', DATA_DIR: dir, LOG_LEVEL: 'error' });
const server = await startServer(config, { log: createLogger('error') });
const { ctx } = server;
const file = config.database.provider === 'sqlite' ? config.database.file : '';
const raw = new Database(file, { timeout: 30_000 });
raw.pragma('synchronous = OFF');

// Deterministic pseudo-random numbers (the same dataset every run).
let seed = 20261206;
/** mulberry32: small, fast and well mixed (a plain LCG in doubles loses its low bits). */
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const cells = raw
  .prepare(
    'SELECT id, communityCode, streetCode, districtCode, centerLon AS lon, centerLat AS lat FROM "GridCell"',
  )
  .all() as {
  id: string;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  lon: number;
  lat: number;
}[];
const departments = (raw.prepare('SELECT id FROM "Department"').all() as { id: string }[]).map((d) => d.id);
const categories = (
  raw.prepare(`SELECT id, kind FROM "Category" WHERE minorCode <> ''`).all() as { id: string; kind: string }[]
).slice(0, 60);
const SOURCES = [
  'inspector',
  'inspector',
  'inspector',
  'hotline',
  'hotline',
  'public',
  'video_ai',
  'sensor',
  'media',
];
const people = { lead: ['u-supervisor', 'u-supervisor2'], dispatch: ['u-dispatcher', 'u-dispatcher2'] };

// The triggers are paused for the load and the daily sums are built once after it (as the migration does).
const triggers = raw
  .prepare(
    `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN
      ('CaseMetric_on_event', 'EvaluationDaily_on_insert', 'EvaluationDaily_on_update')`,
  )
  .all() as { name: string; sql: string }[];
const migration = fs.readFileSync(
  'prisma/migrations/20261206045000_evaluation_metrics/migration.sql',
  'utf8',
);
const dailyBackfill = migration.slice(migration.lastIndexOf('INSERT INTO "EvaluationDaily"'));

console.log(`inserting ${CASES.toLocaleString('en')} cases with their events (raw SQL)…`);
const loadStarted = performance.now();
for (const t of triggers) raw.exec(`DROP TRIGGER "${t.name}"`);
const insertCase = raw.prepare(
  `INSERT INTO "Case" (id, caseNumber, source, kind, categoryId, lon, lat, gridCellId, districtCode, streetCode,
    communityCode, urgency, state, departmentId, reporterId, drill, reportedAt, closedAt, createdAt, updatedAt)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'normal', ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const insertEvent = raw.prepare(
  `INSERT INTO "CaseEvent" (caseId, command, fromState, toState, actorId, role, data, at) VALUES (?, ?, NULL, ?, ?, '', ?, ?)`,
);
const insertMetric = raw.prepare(
  `INSERT INTO "CaseMetric" (caseId, reportedAt, drill, source, categoryId, districtCode, streetCode, communityCode,
    gridCellId, departmentId, reporterId, opened, openedLate, openerId, dispatched, dispatchedLate, dispatcherId,
    returned, handled, handledLate, closed, closedAt, late, reworks, suspended, voided)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const start = Date.parse('2026-09-30T16:00:00Z'); // 1 October 00:00 local
const span = 61 * 86_400_000;
const b = (x: boolean) => (x ? 1 : 0);

/** One generated history: most cases close in time, some are late, reworked, suspended or voided. */
function history(): { events: FactEvent[]; state: string } {
  const ev = (command: string, actorId: string | null = null, step: string | null = null): FactEvent => ({
    command,
    actorId,
    step,
  });
  const events = [ev('report'), ev('accept', pick(people.lead))];
  if (rnd() < 0.03) events.push(ev('urge', null, 'accept'));
  events.push(ev('open', pick(people.lead)));
  if (rnd() < 0.03) return { events: [...events, ev('void', pick(people.lead))], state: 'voided' };
  if (rnd() < 0.04) events.push(ev('urge', null, 'dispatch'));
  events.push(ev('dispatch', pick(people.dispatch)), ev('acceptTask'));
  if (rnd() < 0.03) events.push(ev('return'), ev('redispatch', pick(people.dispatch)), ev('acceptTask'));
  if (rnd() < 0.03) events.push(ev('suspend'), ev('resume'));
  if (rnd() < 0.08) events.push(ev('urge', null, 'handle'));
  if (rnd() < 0.07) return { events, state: 'handling' };
  events.push(ev('handle'));
  const reworks = rnd() < 0.08 ? (rnd() < 0.3 ? 2 : 1) : 0;
  for (let r = 0; r < reworks; r++) events.push(ev('check'), ev('rework'), ev('handle'));
  if (rnd() < 0.1) return { events, state: 'handled' };
  events.push(ev('check'), ev(rnd() < 0.02 ? 'closeFailed' : 'approve'));
  return { events, state: 'closed' };
}

const BATCH = 20_000;
const load = raw.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const id = `b${i.toString(36).padStart(8, '0')}`;
    const cell = pick(cells);
    const category = pick(categories);
    const source = pick(SOURCES);
    const department = pick(departments);
    const reportedMs = start + Math.floor(rnd() * span);
    const drill = rnd() < 0.005;
    const { events, state } = history();
    const f: CaseFacts = factsOf(events);
    const closedAt = f.closed ? iso(reportedMs + events.length * 1_800_000) : null;
    const reporter = source === 'inspector' ? `u-inspector-${cell.districtCode}` : null;
    insertCase.run(
      id,
      `B${i}`,
      source,
      category.kind,
      category.id,
      cell.lon,
      cell.lat,
      cell.id,
      cell.districtCode,
      cell.streetCode,
      cell.communityCode,
      state,
      f.dispatched ? department : null,
      reporter,
      b(drill),
      iso(reportedMs),
      closedAt,
      iso(reportedMs),
      iso(reportedMs),
    );
    events.forEach((e, k) =>
      insertEvent.run(
        id,
        e.command,
        state,
        e.actorId,
        e.step ? JSON.stringify({ step: e.step, automatic: true }) : '{}',
        iso(reportedMs + k * 1_800_000),
      ),
    );
    insertMetric.run(
      id,
      iso(reportedMs),
      b(drill),
      source,
      category.id,
      cell.districtCode,
      cell.streetCode,
      cell.communityCode,
      cell.id,
      f.dispatched ? department : null,
      reporter,
      b(f.opened),
      b(f.openedLate),
      f.openerId,
      b(f.dispatched),
      b(f.dispatchedLate),
      f.dispatcherId,
      f.returned,
      b(f.handled),
      b(f.handledLate),
      b(f.closed),
      closedAt,
      b(f.late),
      f.reworks,
      b(f.suspended),
      b(f.voided),
    );
  }
});
for (let i = 0; i < CASES; i += BATCH) {
  load(i, Math.min(CASES, i + BATCH));
  if ((i / BATCH) % 10 === 0) process.stdout.write(`  ${i.toLocaleString('en')}\r`);
}
raw.exec(dailyBackfill);
for (const t of triggers) raw.exec(t.sql);
raw.exec('ANALYZE');
const events = (raw.prepare('SELECT COUNT(*) AS n FROM "CaseEvent"').get() as { n: number }).n;
console.log(
  `loaded ${CASES.toLocaleString('en')} cases and ${events.toLocaleString('en')} events in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`,
);

const leader: Actor = { userId: 'u-leader', role: 'leader', departmentId: null, districtCode: null };
const month = periodOf('month', MONTH);
const timed = async <T>(fn: () => Promise<T> | T): Promise<[number, T]> => {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
};
const best = async <T>(runs: number, fn: () => Promise<T> | T): Promise<[number, T]> => {
  let result = await timed(fn);
  for (let r = 1; r < runs; r++) {
    const next = await timed(fn);
    if (next[0] < result[0]) result = next;
  }
  return result;
};

const q = (by: string) => EvaluationQuery.parse({ by, period: 'month', date: MONTH });
const [evalMs, report] = await best(3, () => evaluationReport(ctx, leader, q('department')));
const [streetMs, streets] = await best(3, () => evaluationReport(ctx, leader, q('street')));
const [sqlMs, sqlRows] = await best(3, () =>
  countsBy(ctx.db, 'sqlite', 'department', { from: month.from, to: month.to }),
);
const [metricMs] = await best(3, () =>
  metricCountsBy(ctx.db, 'sqlite', 'department', { from: month.from, to: month.to }),
);

// Naive baseline: the month's cases and their events into JavaScript, folded and grouped there.
const [naiveMs, naive] = await timed(() => {
  const stmt = raw.prepare(
    `SELECT c.id, c.departmentId, c.drill, e.command, e.actorId, e.data FROM "Case" c
     JOIN "CaseEvent" e ON e.caseId = c.id WHERE c.reportedAt >= ? AND c.reportedAt < ? ORDER BY c.id, e.id`,
  );
  const groups = new Map<string, { facts: CaseFacts; drill: boolean }[]>();
  let current = null as { id: string; dept: string | null; drill: boolean; events: FactEvent[] } | null;
  const flush = () => {
    if (!current || current.dept === null) return;
    const list = groups.get(current.dept) ?? [];
    list.push({ facts: factsOf(current.events), drill: current.drill });
    groups.set(current.dept, list);
  };
  for (const row of stmt.iterate(iso(month.from.getTime()), iso(month.to.getTime())) as Iterable<{
    id: string;
    departmentId: string | null;
    drill: number;
    command: string;
    actorId: string | null;
    data: string;
  }>) {
    if (current?.id !== row.id) {
      flush();
      current = { id: row.id, dept: row.departmentId, drill: row.drill === 1, events: [] };
    }
    const step = (JSON.parse(row.data) as { step?: string }).step ?? null;
    current.events.push({ command: row.command, actorId: row.actorId, step });
  }
  flush();
  return new Map([...groups].map(([dept, list]) => [dept, countCases(list)]));
});

// Same figures both ways (the baseline is a check as well as a yardstick).
for (const row of sqlRows) {
  if (row.key === null) continue;
  const n = naive.get(row.key);
  if (!n || n.handled !== row.handled || n.closedInTime !== row.closedInTime || n.reworked !== row.reworked)
    throw new Error(
      `baseline and SQL disagree for ${row.key}: ${JSON.stringify(n)} vs ${JSON.stringify(row)}`,
    );
  evaluateDepartment(n);
}

const ratio = naiveMs / sqlMs;
console.log(`month ${month.from.toISOString()} .. ${month.to.toISOString()}`);
console.log(
  `by department (report: month + previous month, names, ranks): ${evalMs.toFixed(0)} ms, ${report.rows.length} rows`,
);
console.log(`by street (report): ${streetMs.toFixed(0)} ms, ${streets.rows.length} rows`);
console.log(
  `by department, one month's SQL: ${sqlMs.toFixed(0)} ms; naive JS baseline: ${naiveMs.toFixed(0)} ms`,
);
console.log(`by department, one month straight from CaseMetric (no daily sums): ${metricMs.toFixed(0)} ms`);
console.log(
  `top department: ${report.rows[0]?.name} ${report.rows[0]?.score} ${report.rows[0]?.grade}`,
  JSON.stringify(report.rows[0]?.counts),
);

raw.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    cases: CASES,
    events,
    eval_ms: Math.round(evalMs),
    eval_street_ms: Math.round(streetMs),
    sql_month_ms: Math.round(sqlMs),
    metric_scan_ms: Math.round(metricMs),
    naive_ms: Math.round(naiveMs),
    ratio: Math.round(ratio * 10) / 10,
  }),
);
