// The typed Socket.IO contract: one event map per direction, used as
// Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>
// on the server and Socket<ServerToClientEvents, ClientToServerEvents> in the renderer.
import { z } from 'zod';
import type { Role } from './domain';

export const ServerHello = z.object({
  node: z.string(),
  version: z.string(),
  cityName: z.string(),
  serverTime: z.string(),
  /** Highest outbox sequence the server has written; the client resumes from its own last applied one. */
  headSeq: z.number().int().nonnegative(),
});
export type ServerHello = z.infer<typeof ServerHello>;

export interface SessionInfo {
  userId: string;
  role: Role;
  departmentId: string | null;
  districtCode: string | null;
}

export interface ServerToClientEvents {
  'server:hello': (hello: ServerHello) => void;
  'server:time': (iso: string) => void;
}

export type Ack<T> = (result: { ok: true; data: T } | { ok: false; error: string }) => void;

export interface ClientToServerEvents {
  'client:ping': (sentAt: number, ack: Ack<{ sentAt: number; serverAt: number }>) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled when server nodes talk to each other
export interface InterServerEvents {}

export interface SocketData {
  session: SessionInfo | null;
}
