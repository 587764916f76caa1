// A burst of sign-ins must not stall everyone else (issue 17, defect 5): /api/health latency while idle
// (the same-run baseline) and while 100 sign-ins run at once (scrypt is asynchronous, on libuv's pool).
// For comparison, the same burst with the synchronous scrypt the server used before (on the event loop).
// Usage: npm run bench -- login-burst [--logins 100]
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/src/config';
import { createLogger } from '../server/src/log';
import { startServer } from '../server/src/server';

const logins = Number(process.argv[process.argv.indexOf('--logins') + 1]) || 100;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-bench-login-'));
const config = loadConfig({
  PORT: '0',
  SIM: '0',
  OPEN: '0',
  DATA_DIR: dir,
  LOG_LEVEL: 'error',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
});
const server = await startServer(config, { log: createLogger('error') });
const inspectors = (
  await server.ctx.db.user.findMany({ where: { role: 'inspector' }, select: { username: true } })
)
  .map((u) => u.username)
  .slice(0, logins);

async function healthDuring(burst: (() => Promise<unknown>) | null, samples = 60): Promise<number[]> {
  const times: number[] = [];
  let done = burst === null;
  const running = burst?.().finally(() => (done = true));
  for (let i = 0; i < samples || !done; i++) {
    const t = performance.now();
    await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
    times.push(performance.now() - t);
    if (i > samples * 4) break;
  }
  await running;
  return times.sort((a, b) => a - b);
}
const pct = (xs: number[], p: number) =>
  xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;
const loginAll = () =>
  Promise.all(
    inspectors.map((username) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'demo123' }),
      }).then((r) => r.arrayBuffer()),
    ),
  );
// The old way, for the ratio: the same number of synchronous scrypt calls on the event loop.
const syncBurst = async () => {
  for (let i = 0; i < inspectors.length; i++) {
    await new Promise((r) => setImmediate(r));
    crypto.scryptSync('demo123', 'salt-salt-salt-1', 32, { N: 16384, r: 8, p: 1 });
  }
};

await healthDuring(null, 20); // warm-up
const idle = await healthDuring(null);
const burst = await healthDuring(loginAll);
const sync = await healthDuring(syncBurst);
const figures = {
  logins: inspectors.length,
  idleP50Ms: +pct(idle, 50).toFixed(2),
  idleMaxMs: +pct(idle, 100).toFixed(2),
  burstP50Ms: +pct(burst, 50).toFixed(2),
  burstMaxMs: +pct(burst, 100).toFixed(2),
  syncScryptP50Ms: +pct(sync, 50).toFixed(2),
  syncScryptMaxMs: +pct(sync, 100).toFixed(2),
  burstToIdleP50: +(pct(burst, 50) / pct(idle, 50)).toFixed(2),
  syncToIdleP50: +(pct(sync, 50) / pct(idle, 50)).toFixed(2),
};
console.log(`health while idle: p50 ${figures.idleP50Ms} ms, max ${figures.idleMaxMs} ms`);
console.log(
  `health during ${figures.logins} sign-ins (async scrypt): p50 ${figures.burstP50Ms} ms, max ${figures.burstMaxMs} ms`,
);
console.log(
  `health during ${figures.logins} synchronous scrypt calls (the old way): p50 ${figures.syncScryptP50Ms} ms, max ${figures.syncScryptMaxMs} ms`,
);
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(figures));
