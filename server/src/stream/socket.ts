// Socket.IO on the same HTTP server and port as the REST API, typed by the shared contract, and the live
// layer behind it: session check at the handshake, rooms, the outbox stream, transient layers, pruning.
import type http from 'node:http';
import { Server } from 'socket.io';
import { ResumeRequest, TRANSIENT_LAYERS, ViewportRequest } from '@contract/stream';
import { authenticate, type Actor } from '../auth/sessions';
import type { ServerContext } from '../context';
import type { CaseService } from '../cases/service';
import { attachPostgresAdapter, type ClusterLink } from './adapter';
import { OutboxStore } from './outbox-store';
import { audienceOf, roomsOf, type Audience } from './scope';
import { SnapshotBuilder } from './snapshot';
import { StreamHub } from './stream-hub';
import { Streamer } from './streamer';
import { TransientHub } from './transient';
import type { IoServer, IoSocket } from './types';

export type { IoServer } from './types';

export interface LiveLayer {
  io: IoServer;
  streamer: Streamer;
  hub: StreamHub;
  transient: TransientHub;
  /** plug active alarms / incidents into snapshots */
  snapshots: SnapshotBuilder;
  /** delete outbox rows beyond the retention window now (also runs every STREAM_PRUNE_MS) */
  prune(): Promise<number>;
  close(): Promise<void>;
}

interface SocketState {
  actor: Actor;
  audience: Audience;
  token: string;
}

const UNAUTHORIZED = '登录已失效，请重新登录 / Your session is invalid or has expired: log in again';
const LOGIN_FIRST = '请先登录 / Log in to receive the live stream';

export async function startLive(
  httpServer: http.Server,
  ctx: ServerContext,
  cases: CaseService,
): Promise<LiveLayer> {
  const { config, log } = ctx;
  const io: IoServer = new Server(httpServer, {
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    maxHttpBufferSize: 1_000_000,
    transports: config.stream.transports,
    // Same origin only: the renderer is served by this server (or proxied by Vite in development).
    cors: { origin: false },
  });
  const clustered = config.database.provider === 'postgresql';
  const cluster: ClusterLink | null = clustered
    ? await attachPostgresAdapter(io, (config.database as { url: string }).url, log)
    : null;

  const store = new OutboxStore(ctx.db, config.database);
  const snapshots = new SnapshotBuilder(ctx, cases);
  const hub = new StreamHub(io, store, snapshots, log);
  const streamer = new Streamer(store, hub.deliver, log, {
    pollMs: config.stream.pollMs,
    minIntervalMs: config.stream.batchMs,
  });
  hub.streamer = streamer;
  await streamer.start();
  const transient = new TransientHub(io, ctx.bus, config.stream.tickMs, clustered);
  const states = new Map<string, SocketState>();

  // Local commits wake the streamer at once, and (throttled) the other nodes' streamers.
  let announce: ReturnType<typeof setTimeout> | undefined;
  const offOutbox = ctx.bus.onOutbox(() => {
    streamer.wake();
    if (clustered && !announce) {
      announce = setTimeout(() => {
        announce = undefined;
        io.serverSideEmit('stream:wake', streamer.head);
      }, 5);
    }
  });
  if (clustered) io.on('stream:wake', () => streamer.wake());

  io.use(async (socket, next) => {
    socket.data.session = null;
    socket.data.snapshotColumns = socket.handshake.auth?.snapshot === 'columns';
    const token: unknown = socket.handshake.auth?.token;
    if (token === undefined || token === null || token === '') return next(); // hello and time only
    const actor = typeof token === 'string' ? await authenticate(ctx, token).catch(() => null) : null;
    if (!actor) return next(Object.assign(new Error(UNAUTHORIZED), { data: { code: 'unauthorized' } }));
    socket.data.session = {
      userId: actor.userId,
      role: actor.role,
      departmentId: actor.departmentId,
      districtCode: actor.districtCode,
    };
    states.set(socket.id, { actor, audience: audienceOf(actor), token: token as string });
    next();
  });

  io.on('connection', (socket: IoSocket) => {
    const state = states.get(socket.id);
    if (state) void socket.join(roomsOf(state.actor));
    socket.on('disconnect', () => {
      states.delete(socket.id);
      hub.forget(socket);
      transient.forget(socket);
    });
    socket.on('client:ping', (sentAt, ack) => {
      if (typeof ack !== 'function') return;
      if (typeof sentAt !== 'number' || !Number.isFinite(sentAt)) {
        ack({ ok: false, error: 'sentAt must be a number (milliseconds)' });
        return;
      }
      ack({ ok: true, data: { sentAt, serverAt: ctx.clock.now().getTime() } });
    });
    socket.on('stream:resume', (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = ResumeRequest.safeParse(request);
      if (!parsed.success)
        return ack({ ok: false, error: `stream:resume: ${parsed.error.issues[0]?.message}` });
      if (!state) return ack({ ok: false, error: LOGIN_FIRST });
      hub.resume(socket, state.audience, parsed.data.lastSeq).then(
        (data) => ack({ ok: true, data }),
        (err: unknown) => {
          log.error('stream resume failed', { err, socket: socket.id });
          ack({
            ok: false,
            error: '暂时无法恢复实时数据，请稍后重试 / Could not resume the stream; retrying helps',
          });
        },
      );
    });
    socket.on('viewport:set', (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = ViewportRequest.safeParse(request);
      if (!parsed.success)
        return ack({ ok: false, error: `viewport:set: ${parsed.error.issues[0]?.message}` });
      if (!state) return ack({ ok: false, error: LOGIN_FIRST });
      const layers = parsed.data.layers ?? [...TRANSIENT_LAYERS];
      transient.setViewport(socket, state.audience, parsed.data.bbox, layers);
      ack({ ok: true, data: { layers } });
    });
    socket.emit('server:hello', {
      node: config.nodeId,
      version: ctx.version,
      cityName: ctx.city.name,
      serverTime: ctx.clock.now().toISOString(),
      headSeq: streamer.head,
      authenticated: !!state,
    });
  });

  const prune = async () => {
    const olderThan = new Date(ctx.clock.now().getTime() - config.stream.retentionMinutes * 60_000);
    const count = await store.prune(config.stream.retentionRows, olderThan, streamer.head);
    if (count) log.info('outbox pruned', { rows: count });
    return count;
  };
  const timers = [
    setInterval(() => io.local.emit('server:time', ctx.clock.now().toISOString()), 5_000),
    setInterval(hub.heartbeat, 1_000),
    setInterval(
      () => void prune().catch((err: unknown) => log.warn('outbox prune failed', { err })),
      config.stream.pruneMs,
    ),
    // Sessions end (logout, expiry, user disabled): such sockets are closed and must log in again.
    setInterval(() => void revalidate(), 60_000),
  ];
  for (const t of timers) t.unref();
  const revalidate = async () => {
    const byToken = new Map<string, string[]>();
    for (const [id, state] of states) byToken.set(state.token, [...(byToken.get(state.token) ?? []), id]);
    for (const [token, ids] of byToken) {
      const actor = await authenticate(ctx, token).catch(() => 'unknown' as const);
      if (actor === null) for (const id of ids) io.sockets.sockets.get(id)?.disconnect(true);
    }
  };

  return {
    io,
    streamer,
    hub,
    transient,
    snapshots,
    prune,
    async close() {
      for (const t of timers) clearInterval(t);
      clearTimeout(announce);
      offOutbox();
      streamer.stop();
      transient.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await cluster?.close();
      store.close();
    },
  };
}
