// Type tests of the contract, checked by `npm run typecheck` (tsc -p tsconfig.json), never run: each
// `@ts-expect-error` line must fail to compile, so a contract that stops catching the mistake (a wrong
// event name or payload on either end of the socket, a wrong outbox payload) turns the typecheck red.
import type { Server, Socket as ServerSocket } from 'socket.io';
import type { Socket as ClientSocket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '@contract/socket';
import type { CaseSummary } from '@contract/cases';
import type { AlarmView } from '@contract/alarms';
import { appendOutbox, type OutboxEntry } from '../../server/src/db/outbox';
import type { Tx } from '../../server/src/db/client';

type TypedServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type TypedServerSocket = ServerSocket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
type TypedClient = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

export function serverSide(io: TypedServer, socket: TypedServerSocket): void {
  io.emit('server:time', new Date().toISOString());
  // @ts-expect-error an event the server never sends
  io.emit('server:timee', 'x');
  // @ts-expect-error the payload of server:time is an ISO string
  io.emit('server:time', 42);
  socket.on('client:ping', (sentAt, ack) => ack({ ok: true, data: { sentAt, serverAt: Date.now() } }));
  // @ts-expect-error an event clients never send
  socket.on('client:pong', () => undefined);
  socket.on('stream:resume', (request, ack) => {
    // @ts-expect-error lastSeq is a number
    const wrong: string = request.lastSeq;
    void wrong;
    // @ts-expect-error an acknowledgement says ok: true with data, or ok: false with an error
    ack({ ok: true });
  });
  // @ts-expect-error inter-server events are typed too
  io.serverSideEmit('stream:wake', 'not a seq');
  socket.data.session = null;
  // @ts-expect-error socket data is typed
  socket.data.session = 'nobody';
}

export async function clientSide(socket: TypedClient): Promise<void> {
  const pong = await socket.timeout(1000).emitWithAck('client:ping', Date.now());
  if (pong.ok) void pong.data.serverAt;
  // @ts-expect-error the ping carries the client's time as a number
  await socket.timeout(1000).emitWithAck('client:ping', 'now');
  // @ts-expect-error an event the server does not handle
  socket.emit('client:pingg', 1);
  socket.on('stream:events', (batch) => void batch.to);
  // @ts-expect-error stream:events carries a batch, not a string
  socket.on('stream:events', (batch: string) => void batch);
}

export async function outboxProducers(tx: Tx, c: CaseSummary, alarm: AlarmView): Promise<void> {
  const at = new Date();
  await appendOutbox(tx, { topic: 'case', type: 'case.changed', entityId: 'c', payload: { case: c } }, at);
  await appendOutbox(tx, { topic: 'alarm', type: 'alarm.raised', entityId: 'a', payload: { alarm } }, at);
  // @ts-expect-error a case event carries a case summary, not an alarm
  const wrongPayload: OutboxEntry = {
    topic: 'case',
    type: 'case.changed',
    entityId: 'c',
    payload: { alarm },
  };
  // @ts-expect-error the topic is the type's prefix
  const wrongTopic: OutboxEntry = {
    topic: 'alarm',
    type: 'case.changed',
    entityId: 'c',
    payload: { case: c },
  };
  // @ts-expect-error an event type the stream does not know
  const unknown: OutboxEntry = { topic: 'case', type: 'case.vanished', entityId: 'c', payload: { case: c } };
  void [wrongPayload, wrongTopic, unknown];
}
