// kill -9 the server while events stream, restart it on the same database: the clients resume with no gap
// and no duplicate. The server runs as a child process (server/src/main.ts) on SQLite.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { spawnServer, freePort, type ChildServer } from '../support/child-server';
import { assertOrderedOnce, Recorder, waitUntil } from '../support/live';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cityops-live-restart-'));
let server: ChildServer | null = null;
const clients: Recorder[] = [];
after(async () => {
  for (const c of clients) c.close();
  await server?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo123' }),
  });
  assert.equal(res.status, 200);
  return ((await res.json()) as { token: string }).token;
}

/** Reports cases over HTTP, a few at a time, until stopped; requests that fail while the node is down are retried. */
function producer(url: string, token: string) {
  let stop = false;
  let created = 0;
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const res = await fetch(`${url}/api/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            source: 'hotline',
            categoryId: 'event-0103',
            lon: 119.15 + (i % 50) * 0.0005,
            lat: 34.6 + w * 0.002,
            description: `暴露垃圾 ${w}-${i}`,
          }),
        });
        if (res.status === 201 || res.status === 200) created++;
        else await res.text();
      } catch {
        await new Promise((r) => setTimeout(r, 50)); // node down: try again shortly
      }
    }
  };
  const done = Promise.all([0, 1, 2].map(worker));
  return {
    get created() {
      return created;
    },
    async stop() {
      stop = true;
      await done;
    },
  };
}

test('kill -9 while streaming, restart on the same database: resume without gap or duplicate', async () => {
  const port = await freePort();
  const env = { PORT: String(port), DATA_DIR: dataDir, NODE_ID: 'restart' };
  server = await spawnServer(env);
  const url = server.url;
  const token = await login(url, 'supervisor');
  const watcher = new Recorder(url, { token, reconnectionDelay: 50 });
  const handler = new Recorder(url, { token: await login(url, 'handler.gas'), reconnectionDelay: 50 });
  clients.push(watcher, handler);
  await Promise.all([watcher.resumed(), handler.resumed()]);
  const start = watcher.stream.lastSeq!;

  const work = producer(url, token);
  await waitUntil('events streaming before the kill', () => watcher.events.length >= 30, 20_000);
  await server.kill('SIGKILL');
  const seenBeforeKill = watcher.events.length;
  server = await spawnServer(env);
  await watcher.resumed(2);
  await waitUntil(
    'events streaming after the restart',
    () => watcher.events.length >= seenBeforeKill + 30,
    20_000,
  );
  await work.stop();

  const db = new Database(path.join(dataDir, 'city-ops.db'), { readonly: true, fileMustExist: true });
  const all = (
    db.prepare('SELECT seq FROM Outbox WHERE seq > ? ORDER BY seq').all(start) as { seq: number }[]
  ).map((r) => r.seq);
  db.close();
  await watcher.reach(all.at(-1)!);
  assert.equal(assertOrderedOnce(watcher.seqs), null);
  assert.deepEqual(watcher.seqs, all, 'every outbox row after the start, once, in order');
  assert.ok(work.created >= 60);
  assert.equal(watcher.resumes.at(-1)?.mode, 'replay');
  // reported cases have no department yet: the gas handler got none of them
  await handler.reach(all.at(-1)!);
  assert.equal(handler.events.length, 0);
});
