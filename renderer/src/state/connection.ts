// Connection slice: the state of the live link to the server and pure updaters for it.
// No React, no Cesium, no network here: the live/ service turns socket events into ConnectionEvents.
import type { ServerHello } from '@contract/socket';

export type ConnectionStatus = 'online' | 'reconnecting' | 'offline';

export interface ServerInfo {
  node: string;
  version: string;
  cityName: string;
  /** Highest outbox sequence the server reported in its last hello. */
  headSeq: number;
  /** Client time (ms) when the hello arrived. */
  helloAt: number;
}

export interface ConnectionState {
  status: ConnectionStatus;
  /**
   * When the link last went up (online) or down (reconnecting, offline), in ms since the epoch.
   * Moving from reconnecting to offline keeps it: "offline since" means "no link since".
   */
  since: number;
  /** False until the first successful connection: the UI then says "connecting", not "reconnecting". */
  everConnected: boolean;
  /** Highest outbox sequence applied by this client; it never decreases. */
  lastSeq: number;
  server: ServerInfo | null;
  /** Round trip of the last client:ping, in ms. */
  rttMs: number | null;
  /** True while the lossless stream is resumed on this link (queues then refresh on its events). */
  streaming: boolean;
}

export type ConnectionEvent =
  | { type: 'connected'; at: number }
  | { type: 'lost'; at: number }
  | { type: 'unreachable'; at: number }
  | { type: 'hello'; at: number; hello: ServerHello }
  | { type: 'seqApplied'; seq: number }
  | { type: 'pinged'; rttMs: number }
  | { type: 'streaming'; on: boolean };

export function initialConnection(now: number): ConnectionState {
  return {
    status: 'reconnecting',
    since: now,
    everConnected: false,
    lastSeq: 0,
    server: null,
    rttMs: null,
    streaming: false,
  };
}

/** Pure updater: returns the same object when nothing changes, so subscribers are not woken for nothing. */
export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'connected':
      if (state.status === 'online') return state;
      return { ...state, status: 'online', since: event.at, everConnected: true };
    case 'lost':
      if (state.status !== 'online') return state;
      return { ...state, status: 'reconnecting', since: event.at, rttMs: null, streaming: false };
    case 'unreachable':
      if (state.status === 'offline') return state;
      return {
        ...state,
        status: 'offline',
        since: state.status === 'online' ? event.at : state.since,
        rttMs: null,
        streaming: false,
      };
    case 'hello': {
      const { node, version, cityName, headSeq } = event.hello;
      return { ...state, server: { node, version, cityName, headSeq, helloAt: event.at } };
    }
    case 'seqApplied':
      if (!Number.isSafeInteger(event.seq) || event.seq <= state.lastSeq) return state;
      return { ...state, lastSeq: event.seq };
    case 'pinged':
      if (!Number.isFinite(event.rttMs) || event.rttMs < 0) return state;
      return { ...state, rttMs: event.rttMs };
    case 'streaming':
      return state.streaming === event.on ? state : { ...state, streaming: event.on };
  }
}
