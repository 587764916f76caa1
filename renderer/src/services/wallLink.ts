// The link between the wall windows of one machine (map wall, video wall, briefing): the messages they
// exchange over a BroadcastChannel and the pure rules around them (who is present, which video wall
// gets a camera). No timers, no channel here: live/wallChannel.ts runs them.
//
// Anything on the channel is untrusted input: every message is parsed with the schemas below and
// dropped when it does not fit; a message never throws into the app.
import { z } from 'zod';
import { WALL_ROLES, type WallRole } from '../state/wall';
import { MAX_CELLS, type CameraRef } from '../state/video';
import { LoginResult } from './schemas';

export const WALL_CHANNEL = 'cityOps.wall.v1';
/** A video-wall window announces itself this often… */
export const HEARTBEAT_MS = 2_000;
/** …and counts as present for this long after its last announcement. */
export const PRESENCE_MS = 5_000;
/** A camera sent to the video wall that is not confirmed within this time plays on the map wall. */
export const ACK_TIMEOUT_MS = 1_500;
/** A wall window asking for a session shows the login form when nobody answers within this time. */
export const SESSION_WAIT_MS = 1_500;

const WindowId = z.string().min(1).max(64);
const RequestId = z.string().min(1).max(64);

/** A camera as the video wall needs it; an empty stream URL is allowed (the cell says so). */
export const LinkCamera = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  streamUrl: z.string().max(2_048),
  lon: z.number().finite(),
  lat: z.number().finite(),
});

export const WallMessage = z.discriminatedUnion('type', [
  /** a window says it is there (`on`) or leaving; only video walls announce themselves today */
  z.object({ type: z.literal('presence'), from: WindowId, role: z.enum(WALL_ROLES), on: z.boolean() }),
  /** map wall → one video wall: put these cameras on the wall */
  z.object({
    type: z.literal('play'),
    from: WindowId,
    to: WindowId,
    id: RequestId,
    cameras: z.array(LinkCamera).min(1).max(MAX_CELLS),
  }),
  /** video wall → map wall: done, `count` cameras are on the wall */
  z.object({
    type: z.literal('played'),
    from: WindowId,
    to: WindowId,
    id: RequestId,
    count: z.number().int().min(0).max(MAX_CELLS),
  }),
  /** a wall window without a session asks whether a signed-in window shares its own */
  z.object({ type: z.literal('session.request'), from: WindowId, id: RequestId }),
  /** a signed-in window answers one request with its session */
  z.object({
    type: z.literal('session.offer'),
    from: WindowId,
    to: WindowId,
    id: RequestId,
    session: LoginResult,
  }),
  /** a window signed in (wall windows waiting at the login form ask again) */
  z.object({ type: z.literal('session.started'), from: WindowId }),
  /** a window's own session ended: the windows that borrowed it sign out too */
  z.object({ type: z.literal('session.ended'), from: WindowId }),
]);
export type WallMessage = z.infer<typeof WallMessage>;
export type SharedSession = z.infer<typeof LoginResult>;

/** The message, or null for anything that is not one (wrong shape, unknown type, too large). */
export function parseWallMessage(data: unknown): WallMessage | null {
  const parsed = WallMessage.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Whether a message is meant for this window: broadcasts are, addressed ones only when to us. */
export function addressedTo(message: WallMessage, self: string): boolean {
  if (message.from === self) return false;
  return !('to' in message) || message.to === self;
}

/** The cameras as the channel carries them (no extra fields of the caller's objects). */
export function linkCameras(cameras: readonly CameraRef[]): CameraRef[] {
  return cameras
    .slice(0, MAX_CELLS)
    .map(({ id, name, streamUrl, lon, lat }) => ({ id, name, streamUrl, lon, lat }));
}

export interface Peer {
  id: string;
  role: WallRole;
  firstSeen: number;
  lastSeen: number;
}

/** Other windows by id, as last announced. */
export type Peers = ReadonlyMap<string, Peer>;

/** The peers after a presence message: a window leaving is forgotten at once. */
export function notePresence(
  peers: Peers,
  message: Extract<WallMessage, { type: 'presence' }>,
  now: number,
): Peers {
  const next = new Map(peers);
  if (!message.on) {
    next.delete(message.from);
    return next;
  }
  const known = next.get(message.from);
  next.set(message.from, {
    id: message.from,
    role: message.role,
    firstSeen: known && known.role === message.role ? known.firstSeen : now,
    lastSeen: now,
  });
  return next;
}

/** Peers heard from within PRESENCE_MS (the others are dropped). */
export function prunePeers(peers: Peers, now: number): Peers {
  const alive = [...peers.values()].filter((p) => now - p.lastSeen <= PRESENCE_MS && p.lastSeen <= now);
  return alive.length === peers.size ? peers : new Map(alive.map((p) => [p.id, p]));
}

export function forgetPeer(peers: Peers, id: string): Peers {
  if (!peers.has(id)) return peers;
  const next = new Map(peers);
  next.delete(id);
  return next;
}

/**
 * The video wall that gets the cameras: of those present, the one that appeared first (ties by id),
 * so a hall with two video walls keeps sending to the same one. Null: none present, play locally.
 */
export function pickVideoWall(peers: Peers, now: number): string | null {
  const walls = [...prunePeers(peers, now).values()].filter((p) => p.role === 'video-wall');
  walls.sort((a, b) => a.firstSeen - b.firstSeen || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return walls[0]?.id ?? null;
}

/**
 * Whether this window asks the channel for a session: only the display windows (video wall,
 * briefing), and only while nobody is signed in here. The map wall is where a person signs in with
 * their own name; it never takes over somebody else's session.
 */
export function asksForSession(role: WallRole, signedIn: boolean): boolean {
  return role !== 'map-wall' && !signedIn;
}

/** A session offered over the channel is used only when it is ours to take and not over. */
export function acceptableOffer(
  message: Extract<WallMessage, { type: 'session.offer' }>,
  waitingFor: string | null,
  now: number,
): boolean {
  if (waitingFor === null || message.id !== waitingFor) return false;
  const ends = Date.parse(message.session.expiresAt);
  return Number.isFinite(ends) && ends > now;
}
