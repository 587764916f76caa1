// The typed Socket.IO contract: one event map per direction, used as
// Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>
// on the server and Socket<ServerToClientEvents, ClientToServerEvents> in the renderer.
// Payload schemas of the live stream are in ./stream.ts; the resumable client helper in ./stream-client.ts.
import { z } from 'zod';
import type { Role } from './domain';
import type {
  LiveReading,
  ResumeRequest,
  ResumeResult,
  StreamBatch,
  StreamSnapshotWire,
  TransientLayer,
  VehiclePosition,
  ViewportRequest,
} from './stream';

export const ServerHello = z.object({
  node: z.string(),
  version: z.string(),
  cityName: z.string(),
  serverTime: z.string(),
  /** Highest outbox sequence this node has streamed; the client resumes from its own last applied one. */
  headSeq: z.number().int().nonnegative(),
  /** true when the handshake carried a valid session token (the stream is for logged-in users only) */
  authenticated: z.boolean().optional(),
});
export type ServerHello = z.infer<typeof ServerHello>;

/** What a client sends in the handshake (`io(url, { auth })`); a server ignores fields it does not know. */
export interface ClientAuth {
  /** the REST session token; without one the socket gets server:hello, server:time and client:ping only */
  token?: string;
  /** 'columns': send snapshots with `caseColumns` instead of `cases` (contract/case-columns.ts) */
  snapshot?: 'columns';
}

export interface SessionInfo {
  userId: string;
  role: Role;
  departmentId: string | null;
  districtCode: string | null;
}

export interface ServerToClientEvents {
  'server:hello': (hello: ServerHello) => void;
  'server:time': (iso: string) => void;
  /** lossless, in seq order; see StreamBatch */
  'stream:events': (batch: StreamBatch) => void;
  /** sent before the tail when the client is new or behind the retention window */
  'stream:snapshot': (snapshot: StreamSnapshotWire) => void;
  /** volatile, coalesced per tick (latest per vehicle), inside the client's viewport */
  'live:positions': (items: VehiclePosition[]) => void;
  /** volatile, coalesced per tick (latest per sensor), inside the client's viewport */
  'live:readings': (items: LiveReading[]) => void;
}

export type Ack<T> = (result: { ok: true; data: T } | { ok: false; error: string }) => void;

export interface ClientToServerEvents {
  'client:ping': (sentAt: number, ack: Ack<{ sentAt: number; serverAt: number }>) => void;
  /** after every (re)connection, with the last applied position; answered once everything missed was sent */
  'stream:resume': (request: ResumeRequest, ack: Ack<ResumeResult>) => void;
  /** the map's visible area; transient layers outside it are not sent */
  'viewport:set': (request: ViewportRequest, ack: Ack<{ layers: TransientLayer[] }>) => void;
}

/** Between server nodes, through the PostgreSQL adapter (never used for the lossless stream itself). */
export interface InterServerEvents {
  /** a node's coalesced transient items of one tick, for the sockets of the other nodes */
  'live:transient': (layer: TransientLayer, items: Array<VehiclePosition | LiveReading>) => void;
  /** a node committed outbox rows up to this seq: read the shared outbox now instead of at the next poll */
  'stream:wake': (seq: number) => void;
}

export interface SocketData {
  session: SessionInfo | null;
  /** the handshake asked for snapshots in columns */
  snapshotColumns?: boolean;
}
