// Socket.IO on the same HTTP server and port as the REST API, typed by the shared contract.
import type http from 'node:http';
import { Server } from 'socket.io';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '@contract/socket';
import type { ServerContext } from '../context';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export function createIo(
  httpServer: http.Server,
  ctx: ServerContext,
  headSeq: () => Promise<number>,
): IoServer {
  const io: IoServer = new Server(httpServer, {
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    maxHttpBufferSize: 1_000_000,
    // Same origin only: the renderer is served by this server (or proxied by Vite in development).
    cors: { origin: false },
  });

  io.on('connection', async (socket) => {
    socket.data.session = null;
    ctx.log.debug('socket connected', { id: socket.id });
    socket.on('client:ping', (sentAt, ack) => {
      if (typeof ack !== 'function') return;
      if (typeof sentAt !== 'number' || !Number.isFinite(sentAt)) {
        ack({ ok: false, error: 'sentAt must be a number (milliseconds)' });
        return;
      }
      ack({ ok: true, data: { sentAt, serverAt: ctx.clock.now().getTime() } });
    });
    socket.emit('server:hello', {
      node: ctx.config.nodeId,
      version: ctx.version,
      cityName: ctx.city.name,
      serverTime: ctx.clock.now().toISOString(),
      headSeq: await headSeq().catch(() => 0),
    });
  });

  const timer = setInterval(() => io.emit('server:time', ctx.clock.now().toISOString()), 5_000);
  timer.unref();
  io.engine.on('close', () => clearInterval(timer));
  return io;
}
