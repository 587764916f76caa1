// The live link: one typed Socket.IO connection that keeps reconnecting on its own and reports
// what happens to the store. Nothing waits on it: the UI renders from the store at all times.
import { io, type Socket } from 'socket.io-client';
import {
  ServerHello,
  type ClientAuth,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@contract/socket';
import { createTimers } from '../app/timers';
import { offsetFromPing } from '../state/clock';
import type { AppStore } from '../state/store';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LiveOptions {
  /** After this long without a link the status turns from reconnecting to offline. */
  offlineAfterMs?: number;
  pingEveryMs?: number;
  ackTimeoutMs?: number;
  /** Called after each connection; `reconnected` is false for the page's first one. */
  onConnected?: (reconnected: boolean) => void;
  /** The session token sent in the handshake (`auth: { token }`); the stream is for signed-in users. */
  token?: () => string | null;
  /** The server refused the token in the handshake: the session has ended. */
  onUnauthorized?: () => void;
}

export interface LiveService {
  socket: LiveSocket;
  /** Opens the link again so the server sees the current token (after sign-in or sign-out). */
  reauthenticate(): void;
  stop(): void;
}

export function startLive(store: AppStore, origin: string, options: LiveOptions = {}): LiveService {
  const { offlineAfterMs = 15_000, pingEveryMs = 30_000, ackTimeoutMs = 5_000 } = options;
  const dispatch = store.getState().connectionEvent;
  const socket: LiveSocket = io(origin, {
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnection: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
    timeout: 8_000,
    // Snapshots with the cases in columns: about a sixth of the bytes (contract/case-columns.ts).
    auth: (callback) => {
      const token = options.token?.();
      const auth: ClientAuth = token ? { token, snapshot: 'columns' } : { snapshot: 'columns' };
      callback(auth);
    },
  });

  // The link's timers (app/timers.ts): the offline grace, the ping while connected, a retry; stop() ends them.
  const timers = createTimers();
  /** A disconnect we asked for to send a new token: not a lost link, and not a recovery either. */
  let deliberate = false;
  let stopPing: (() => void) | undefined;
  const offline = timers.debounceFirst(offlineAfterMs, () => {
    if (!socket.connected) dispatch({ type: 'unreachable', at: Date.now() });
  });
  const armOffline = () => offline.request();
  const disarmOffline = () => offline.cancel();

  const ping = async () => {
    const sentAt = Date.now();
    try {
      const result = await socket.timeout(ackTimeoutMs).emitWithAck('client:ping', sentAt);
      const receivedAt = Date.now();
      if (!result.ok) return;
      dispatch({ type: 'pinged', rttMs: receivedAt - sentAt });
      store.getState().clockEvent({
        type: 'offset',
        offsetMs: offsetFromPing(sentAt, result.data.serverAt, receivedAt),
        source: 'ping',
      });
    } catch {
      // No answer in time: Socket.IO's own heartbeat decides whether the link is lost.
    }
  };

  socket.on('connect', () => {
    disarmOffline();
    const reconnected = store.getState().connection.everConnected && !deliberate;
    deliberate = false;
    dispatch({ type: 'connected', at: Date.now() });
    void ping();
    stopPing?.();
    stopPing = timers.every(pingEveryMs, () => void ping());
    options.onConnected?.(reconnected);
  });
  socket.on('disconnect', (reason) => {
    stopPing?.();
    dispatch({ type: 'streaming', on: false });
    if (deliberate) return;
    dispatch({ type: 'lost', at: Date.now() });
    armOffline();
    // The server closed this socket on purpose: Socket.IO does not retry by itself then.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error) => {
    armOffline();
    // A refused handshake is not retried by Socket.IO: end the session, then connect without a token.
    if ((error as { data?: { code?: string } }).data?.code === 'unauthorized') {
      options.onUnauthorized?.();
      timers.after(1_000, () => socket.connect());
    }
  });
  socket.on('server:hello', (payload) => {
    const parsed = ServerHello.safeParse(payload);
    if (parsed.success) dispatch({ type: 'hello', at: Date.now(), hello: parsed.data });
    else console.warn('ignored an invalid server:hello', parsed.error.issues);
  });
  socket.on('server:time', (iso) => {
    const serverAt = typeof iso === 'string' ? Date.parse(iso) : NaN;
    // A rough offset; the store keeps a ping-measured one instead when it has it.
    store.getState().clockEvent({ type: 'offset', offsetMs: serverAt - Date.now(), source: 'serverTime' });
  });

  const onBrowserOffline = () => dispatch({ type: 'unreachable', at: Date.now() });
  const onBrowserOnline = () => {
    if (!socket.connected) socket.connect();
  };
  window.addEventListener('offline', onBrowserOffline);
  window.addEventListener('online', onBrowserOnline);
  armOffline();

  return {
    socket,
    reauthenticate() {
      if (!socket.connected) {
        socket.connect(); // the attempt sends the current token
        return;
      }
      deliberate = true;
      socket.disconnect();
      socket.connect();
    },
    stop() {
      timers.dispose();
      window.removeEventListener('offline', onBrowserOffline);
      window.removeEventListener('online', onBrowserOnline);
      socket.close();
    },
  };
}
