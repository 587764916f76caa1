// The live stream of one node (SQLite): socket auth, resume after a disconnect, retention and snapshot,
// scope isolation in the live, replay and snapshot paths. Real server on a free port, real clients.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CaseDetail } from '@contract/cases';
import type { Actor } from '../../server/src/domain';
import { assertOrderedOnce, connected, openSocket, Recorder, waitUntil } from '../support/live';
import { appendTestEntry, maxSeq, probe, produceEvents } from '../support/outbox';
import { startTestServer, type TestServer } from '../support/server';

const POINT = { lon: 119.16, lat: 34.61 };
const staff = (userId: string, role: Actor['role']): Actor => ({
  userId,
  role,
  departmentId: null,
  districtCode: null,
});
const SUPERVISOR = staff('u-supervisor', 'supervisor');
const DISPATCHER = staff('u-dispatcher', 'dispatcher');

describe('live stream (one node, SQLite)', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const token = async (user: string) => (tokens[user] ??= await s.loginAs(user));
  const clients: Recorder[] = [];
  const client = async (user: string, initialSeq: number | null = null) => {
    const r = new Recorder(s.url, { token: await token(user), initialSeq });
    clients.push(r);
    await r.resumed();
    return r;
  };

  /** report → accept → open (supervisor) → dispatch to `dept` (dispatcher): 4 outbox rows */
  const dispatchedCase = async (dept: string): Promise<CaseDetail> => {
    let c = await s.cases.report(
      {
        source: 'hotline',
        categoryId: 'event-0103',
        ...POINT,
        address: '',
        description: '暴露垃圾',
        photos: [],
      },
      SUPERVISOR,
    );
    c = await s.cases.command(c.id, { command: 'accept', version: c.version }, SUPERVISOR);
    c = await s.cases.command(c.id, { command: 'open', version: c.version }, SUPERVISOR);
    return s.cases.command(c.id, { command: 'dispatch', version: c.version, departmentId: dept }, DISPATCHER);
  };

  before(async () => {
    // No periodic poll: this node is woken only by its own commits (one test relies on that).
    s = await startTestServer({ env: { STREAM_PRUNE_MS: '3600000', STREAM_POLL_MS: '60000' } });
  });
  after(async () => {
    for (const c of clients) c.close();
    await s?.close();
  });

  test('without a token: hello and time only; a bad token is refused at the handshake', async () => {
    const anon = openSocket(s.url);
    const hello = new Promise<{ authenticated?: boolean }>((resolve) => anon.once('server:hello', resolve));
    await connected(anon);
    assert.equal((await hello).authenticated, false);
    const resumed = await anon.timeout(5000).emitWithAck('stream:resume', { lastSeq: null });
    assert.equal(resumed.ok, false);
    const viewport = await anon.timeout(5000).emitWithAck('viewport:set', { bbox: [119, 34, 120, 35] });
    assert.equal(viewport.ok, false);
    anon.close();

    const bad = openSocket(s.url, { token: 'not-a-session' });
    const refused = await new Promise<{ data?: { code?: string } }>((resolve) =>
      bad.once('connect_error', resolve),
    );
    assert.equal(refused.data?.code, 'unauthorized');
    bad.close();
  });

  test('a client away while 1,000 events are written gets exactly those, in order, once', async () => {
    const c = await client('supervisor');
    await produceEvents(s.ctx, 10, probe());
    await c.reach(await maxSeq(s.ctx));
    c.socket.disconnect();
    const awayFrom = c.stream.lastSeq!;
    const written = await produceEvents(s.ctx, 1000, probe('gas'));
    const before = c.events.length;
    c.socket.connect();
    await c.reach(written.at(-1)!);
    const got = c.seqs.slice(before);
    assert.deepEqual(got, written);
    assert.ok(written[0]! > awayFrom);
    assert.equal(assertOrderedOnce(c.seqs), null);
    assert.deepEqual(c.resumes.at(-1), { mode: 'replay', headSeq: written.at(-1), replayed: 1000 });
  });

  test('snapshots in columns (asked for in the handshake): the same snapshot, other clients unchanged', async () => {
    await dispatchedCase('gas');
    await dispatchedCase('water');
    const wire = (r: Recorder) => {
      const got: unknown[] = [];
      r.socket.on('stream:snapshot', (raw) => got.push(raw));
      return got;
    };
    // Both forms of one snapshot built now (a kept one would hold the cases above only in its tail).
    s.live.hub.snapshots.invalidate();
    for (const user of ['supervisor', 'handler.gas']) {
      const plain = new Recorder(s.url, { token: await token(user) });
      const packed = new Recorder(s.url, { token: await token(user), snapshot: 'columns' });
      clients.push(plain, packed);
      const [plainWire, packedWire] = [wire(plain), wire(packed)];
      await Promise.all([plain.resumed(), packed.resumed()]);
      assert.ok(plain.snapshots[0]!.cases.length > 0, `${user} sees cases`);
      assert.deepEqual(packed.snapshots, plain.snapshots, `${user}: the same snapshot`);
      assert.deepEqual(packed.state, plain.state);
      const [full, columns] = [
        plainWire[0] as Record<string, unknown>,
        packedWire[0] as Record<string, unknown>,
      ];
      assert.ok(Array.isArray(full.cases) && !('caseColumns' in full), 'without asking: cases as before');
      assert.ok(!('cases' in columns) && typeof columns.caseColumns === 'object');
      assert.deepEqual(packed.errors, []);
    }
  });

  test('a snapshot kept a moment is sent again with the tail after it: the same state as a new one', async () => {
    s.live.hub.snapshots.invalidate();
    const first = await client('dispatcher');
    const kept = first.snapshots[0]!.headSeq;
    const later = await dispatchedCase('gas');
    const head = await maxSeq(s.ctx);
    assert.ok(head > kept);
    const second = await client('dispatcher');
    assert.equal(second.resumes[0]?.mode, 'snapshot');
    assert.equal(second.snapshots[0]!.headSeq, kept, 'the kept snapshot, at its own position');
    assert.ok(!second.snapshots[0]!.cases.some((c) => c.id === later.id));
    await Promise.all([first.reach(head), second.reach(head)]);
    assert.ok(second.state.cases.has(later.id), 'the later case came with the tail');
    assert.deepEqual(second.state, first.state);
    // The same for a client that wants the cases in columns (encoded once, from the kept snapshot).
    const packed = new Recorder(s.url, { token: await token('dispatcher'), snapshot: 'columns' });
    clients.push(packed);
    await packed.resumed();
    await packed.reach(head);
    assert.equal(packed.snapshots[0]!.headSeq, kept);
    assert.deepEqual(packed.state, first.state);
    // Asked to forget (data changed behind the outbox's back): the next one is built at the head.
    s.live.hub.snapshots.invalidate();
    const third = await client('dispatcher');
    assert.ok(third.snapshots[0]!.headSeq >= head);
    assert.ok(third.snapshots[0]!.cases.some((c) => c.id === later.id));
  });

  test('scope isolation: handler.gas never sees a water case (live, replay, snapshot)', async () => {
    const gas = await client('handler.gas');
    const water = await client('handler.water');
    const sup = await client('supervisor');
    const gasCases = [await dispatchedCase('gas')];
    const waterCases = [await dispatchedCase('water')];
    let head = await maxSeq(s.ctx);
    await Promise.all([gas.reach(head), water.reach(head), sup.reach(head)]);
    assert.ok(
      gas.events.some((e) => e.entityId === gasCases[0]!.id),
      'gas handler sees its dispatched case live',
    );

    gas.socket.disconnect();
    waterCases.push(await dispatchedCase('water'));
    gasCases.push(await dispatchedCase('gas'));
    head = await maxSeq(s.ctx);
    gas.socket.connect();
    await gas.reach(head);
    assert.equal(gas.resumes.at(-1)?.mode, 'replay');
    assert.ok(
      gas.events.some((e) => e.entityId === gasCases[1]!.id),
      'replay carries the gas case',
    );

    // A new client: a snapshot (maybe the one kept from `gas` a moment ago) and the tail after it.
    s.live.hub.snapshots.invalidate();
    const fresh = await client('handler.gas');
    const snapshot = fresh.snapshots[0]!;
    assert.deepEqual(new Set(snapshot.cases.map((c) => c.departmentId)), new Set(['gas']));
    for (const c of gasCases)
      assert.ok(
        snapshot.cases.some((x) => x.id === c.id),
        'snapshot has the gas cases',
      );

    const waterIds = new Set(waterCases.map((c) => c.id));
    for (const r of [gas, fresh]) {
      for (const e of r.events) {
        assert.ok(!waterIds.has(e.entityId), `gas handler got ${e.type} of water case ${e.entityId}`);
        const dept = (e.payload as { case?: { departmentId: string | null } }).case?.departmentId;
        assert.ok(dept === undefined || dept === 'gas', `gas handler got a case of ${dept}`);
      }
      for (const id of waterIds) assert.ok(!r.state.cases.has(id));
    }
    assert.ok(water.events.every((e) => !gasCases.some((c) => c.id === e.entityId)));
    for (const c of [...gasCases, ...waterCases]) assert.ok(sup.state.cases.has(c.id), 'supervisor sees all');
  });

  test('behind the retention window: snapshot plus tail, same state as a client that never dropped', async () => {
    const steady = await client('dispatcher');
    const dropper = await client('dispatcher');
    dropper.socket.disconnect();
    const made: CaseDetail[] = [];
    for (let i = 0; i < 6; i++) made.push(await dispatchedCase(i % 2 ? 'gas' : 'water'));
    // void one so it leaves the active picture
    const v = await s.cases.report(
      { source: 'hotline', categoryId: 'event-0103', ...POINT, address: '', description: '重复', photos: [] },
      SUPERVISOR,
    );
    await s.cases.command(
      v.id,
      { command: 'void', version: v.version, reason: '无效 / not valid' },
      SUPERVISOR,
    );
    const retention = s.ctx.config.stream;
    const saved = { ...retention };
    try {
      retention.retentionRows = 3;
      retention.retentionMinutes = 1;
      s.clock.advanceMinutes(5);
      assert.ok((await s.live.prune()) > 0, 'rows were pruned');
    } finally {
      Object.assign(retention, saved);
    }
    dropper.socket.connect();
    await dropper.resumed(2);
    assert.equal(dropper.resumes.at(-1)?.mode, 'snapshot');
    // the tail: more changes after the snapshot
    made.push(await dispatchedCase('gas'));
    await produceEvents(s.ctx, 20, probe());
    const head = await maxSeq(s.ctx);
    await Promise.all([steady.reach(head), dropper.reach(head)]);
    const view = (r: Recorder) =>
      [...r.state.cases.values()].map((c) => `${c.id}:${c.version}:${c.state}`).sort();
    assert.deepEqual(view(dropper), view(steady));
    assert.ok(!steady.state.cases.has(v.id), 'the voided case left the picture');
    for (const c of made) assert.ok(steady.state.cases.has(c.id));
    assert.equal(assertOrderedOnce(dropper.seqs), null);
  });

  test('alarms: raised by sensor readings, streamed and in snapshots by department', async () => {
    const sup = await client('supervisor');
    const gasHandler = await client('handler.gas');
    const water = await client('handler.water');
    const sensors = await s.api<{ sensors: Array<{ id: string; type: string }> }>(
      'GET',
      '/api/sensors',
      undefined,
      await token('supervisor'),
    );
    const sensor = sensors.body.sensors.find((x) => x.type === 'gas')!;
    const readings = await fetch(`${s.url}/api/ingest/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ingest-key': s.ingestKey },
      body: JSON.stringify({ readings: [30, 31].map((value) => ({ sensorId: sensor.id, value })) }),
    });
    assert.equal(readings.status, 200);
    const row = await s.ctx.db.alarm.findFirst({ where: { sensorId: sensor.id } });
    assert.ok(row, 'an alarm was raised');
    assert.equal(row.departmentId, 'gas');
    const head = await maxSeq(s.ctx);
    await Promise.all([sup.reach(head), gasHandler.reach(head), water.reach(head)]);
    assert.equal(sup.state.alarms.get(row.id)?.status, 'open');
    assert.ok(gasHandler.state.alarms.has(row.id), 'the gas department gets its own sensor alarm');
    assert.ok(!water.events.some((e) => e.entityId === row.id), 'water does not');
    // New clients: a snapshot (maybe kept from a moment ago) and the tail after it.
    const [freshGas, freshWater] = [await client('handler.gas'), await client('handler.water')];
    await Promise.all([freshGas.reach(head), freshWater.reach(head)]);
    assert.ok(freshGas.state.alarms.has(row.id), 'a new gas client has the alarm');
    assert.ok(!freshWater.state.alarms.has(row.id), 'a new water client has not');
    assert.ok(!freshWater.events.some((e) => e.entityId === row.id));
    s.live.hub.snapshots.invalidate();
    const newGas = await client('handler.gas');
    assert.ok(
      newGas.snapshots[0]!.alarms.some((a) => a.id === row.id),
      'and a new snapshot has it',
    );
  });

  test('rows pruned before this node streamed them (another node pruned): clients resync by snapshot', async () => {
    const c = await client('leader');
    await c.reach(await maxSeq(s.ctx));
    // Written without waking the streamer, then pruned by "another node" before it reads them.
    const seqs = await s.ctx.db.$transaction(async (tx) =>
      Promise.all([0, 1, 2, 3, 4].map((i) => appendTestEntry(tx, probe()(i), s.clock.now()))),
    );
    await s.ctx.db.outbox.deleteMany({ where: { seq: { lt: seqs.at(-1)! } } });
    s.ctx.bus.notifyOutbox();
    await c.resumed(2);
    await c.reach(seqs.at(-1)!);
    assert.equal(c.resumes.length, 2);
    assert.equal(c.resumes.at(-1)?.mode, 'snapshot');
    assert.equal(c.snapshots.length, 2);
  });

  test('transient layers: viewport filter, latest value per id, handlers see their department only', async () => {
    const sup = await client('supervisor');
    const gas = await client('handler.gas');
    const got = { sup: [] as unknown[][], gas: [] as unknown[][] };
    sup.socket.on('live:positions', (items) => got.sup.push(items));
    gas.socket.on('live:positions', (items) => got.gas.push(items));
    for (const c of [sup, gas]) {
      const r = await c.socket
        .timeout(5000)
        .emitWithAck('viewport:set', { bbox: [119.1, 34.5, 119.2, 34.7] });
      assert.deepEqual(r, { ok: true, data: { layers: ['vehicle.position', 'sensor.reading'] } });
    }
    const bad = await sup.socket
      .timeout(5000)
      .emitWithAck('viewport:set', { bbox: [120, 34, 119, 35] as never });
    assert.equal(bad.ok, false);
    const at = new Date().toISOString();
    s.live.transient.flush();
    s.ctx.bus.publishTransient('vehicle.position', [
      { id: 'v1', lon: 119.15, lat: 34.6, at, departmentId: 'gas' },
      { id: 'v2', lon: 119.15, lat: 34.6, at, departmentId: 'water' },
      { id: 'far', lon: 118.0, lat: 34.6, at, departmentId: 'gas' },
    ]);
    s.ctx.bus.publishTransient('vehicle.position', [
      { id: 'v1', lon: 119.16, lat: 34.61, at, departmentId: 'gas' },
    ]);
    s.live.transient.flush();
    await waitUntil('positions', () => got.sup.length > 0 && got.gas.length > 0);
    const ids = (batches: unknown[][]) =>
      batches
        .flat()
        .map((i) => (i as { id: string }).id)
        .sort();
    assert.deepEqual(ids(got.sup), ['v1', 'v2']);
    assert.deepEqual(ids(got.gas), ['v1']);
    assert.equal(
      (got.sup.flat().find((i) => (i as { id: string }).id === 'v1') as { lon: number }).lon,
      119.16,
    );
  });
});
