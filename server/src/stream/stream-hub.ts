// Sends the outbox to this node's sockets. A socket first resumes (replay from its position, or a snapshot
// when it is new or behind the retention window), then joins its audience room and gets the live
// batches; each batch is encoded once per audience. Everything goes out through `io.local`: every node
// streams the shared outbox to its own sockets, so nothing crosses the adapter twice.
import type { StreamEvent, ResumeResult, StreamBatch } from '@contract/stream';
import type { Logger } from '../log';
import type { IoServer, IoSocket } from './types';
import type { OutboxRow, OutboxStore } from './outbox-store';
import type { Audience } from './scope';
import { SnapshotCache, type SnapshotBuilder } from './snapshot';
import type { Streamer } from './streamer';

interface Room {
  audience: Audience;
  members: number;
  /** `to` of the last batch sent to the room */
  lastTo: number;
  lastSentAt: number;
}

const REPLAY_CHUNK = 1000;
const HEARTBEAT_MS = 1000;
/** A client this far behind is cut off; it reconnects and resumes from the outbox (nothing is lost). */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/** Bytes queued for a socket and not yet on the network (engine.io has no public API for this). */
function bufferedBytes(socket: IoSocket): number {
  const conn = socket.conn as unknown as {
    writeBuffer?: Array<{ data?: unknown }>;
    transport?: { socket?: { bufferedAmount?: number } };
  };
  let bytes = conn.transport?.socket?.bufferedAmount ?? 0;
  for (const packet of conn.writeBuffer ?? [])
    bytes += typeof packet.data === 'string' ? packet.data.length : 0;
  return bytes;
}

export function toStreamEvent(row: OutboxRow): StreamEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    payload = null;
  }
  return {
    seq: row.seq,
    topic: row.topic,
    type: row.type,
    entityId: row.entityId,
    at: row.createdAt.toISOString(),
    payload,
  };
}

export class StreamHub {
  private readonly rooms = new Map<string, Room>();
  /** sockets currently in their audience room */
  private readonly live = new Map<string, string>();
  private readonly queues = new Map<string, Promise<unknown>>();
  streamer!: Streamer;
  /** snapshots kept a few seconds per audience (snapshot.ts `SnapshotCache` says why that is exact) */
  readonly snapshots: SnapshotCache;

  constructor(
    private readonly io: IoServer,
    private readonly store: OutboxStore,
    builder: SnapshotBuilder,
    private readonly log: Logger,
  ) {
    this.snapshots = new SnapshotCache(builder);
  }

  /** Streamer callback: rows (from, to] are settled. */
  deliver = (rows: OutboxRow[], from: number, to: number, resync = false): void => {
    if (!this.rooms.size) return;
    const events = rows.map(toStreamEvent);
    const now = Date.now();
    for (const [key, room] of this.rooms) {
      const mine = events.filter((_, i) => room.audience.allows(rows[i]!));
      if (!mine.length && !resync && now - room.lastSentAt < HEARTBEAT_MS) continue;
      // A resync batch starts after the members' positions on purpose: they see a gap and resume.
      const batch: StreamBatch = { from: resync ? from : room.lastTo, to, events: mine };
      this.io.local.to(`aud:${key}`).emit('stream:events', batch);
      room.lastTo = to;
      room.lastSentAt = now;
    }
  };

  /**
   * Every second: rooms that got nothing for a while learn the head anyway (an empty batch), so the
   * position of a client that sees few events keeps up and its next resume stays short; and clients
   * that cannot keep up with lossless events are disconnected rather than buffered without bound.
   */
  heartbeat = (): void => {
    this.snapshots.prune();
    for (const id of this.live.keys()) {
      const socket = this.io.sockets.sockets.get(id);
      if (socket && bufferedBytes(socket) > MAX_BUFFERED_BYTES) {
        this.log.warn('slow client cut off; it will resume', { socket: id, bytes: bufferedBytes(socket) });
        socket.conn.close(true);
      }
    }
    const now = Date.now();
    const head = this.streamer.head;
    for (const [key, room] of this.rooms) {
      if (room.lastTo >= head || now - room.lastSentAt < HEARTBEAT_MS) continue;
      this.io.local.to(`aud:${key}`).emit('stream:events', { from: room.lastTo, to: head, events: [] });
      room.lastTo = head;
      room.lastSentAt = now;
    }
  };

  /** Serialised per socket: a second resume waits for the first. */
  resume(socket: IoSocket, audience: Audience, lastSeq: number | null): Promise<ResumeResult> {
    const previous = this.queues.get(socket.id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.doResume(socket, audience, lastSeq));
    this.queues.set(socket.id, next);
    return next;
  }

  forget(socket: IoSocket): void {
    this.leave(socket);
    this.queues.delete(socket.id);
  }

  private async doResume(
    socket: IoSocket,
    audience: Audience,
    lastSeq: number | null,
  ): Promise<ResumeResult> {
    this.leave(socket);
    let cursor = lastSeq ?? 0;
    let mode: ResumeResult['mode'] = 'replay';
    let replayed = 0;
    const { floor, max } = await this.store.bounds();
    const pruned = floor !== null && cursor < floor - 1;
    const foreign = cursor > (max ?? 0); // a position from another database (reset, restore)
    if (lastSeq === null || pruned || foreign) {
      if (lastSeq !== null)
        this.log.debug('resume behind retention: snapshot', { socket: socket.id, lastSeq, floor });
      cursor = await this.sendSnapshot(socket, audience, floor);
      mode = 'snapshot';
    }
    for (;;) {
      if (socket.disconnected) break;
      const target = this.streamer.head;
      if (cursor >= target) {
        this.join(socket, audience);
        break;
      }
      const rows = await this.store.range(cursor, target, REPLAY_CHUNK);
      const now = await this.store.bounds();
      if (now.floor !== null && now.floor > cursor + 1 && rows[0]?.seq !== cursor + 1) {
        // Pruned while replaying: start over from a new snapshot.
        cursor = await this.sendSnapshot(socket, audience, now.floor, true);
        mode = 'snapshot';
        continue;
      }
      const to = rows.length === REPLAY_CHUNK ? rows[rows.length - 1]!.seq : target;
      const events = rows.filter((r) => audience.allows(r)).map(toStreamEvent);
      socket.emit('stream:events', { from: cursor, to, events });
      replayed += events.length;
      cursor = to;
    }
    return { mode, headSeq: cursor, replayed };
  }

  /** Sends a snapshot (maybe one kept from a moment ago) and returns its position. */
  private async sendSnapshot(
    socket: IoSocket,
    audience: Audience,
    floor: number | null,
    fresh = false,
  ): Promise<number> {
    // A kept snapshot at H is usable while the outbox still holds H + 1 (the replay starts there).
    const oldestUsable = floor === null ? 0 : floor - 1;
    const { snapshot, columns } = await this.snapshots.get(audience, this.streamer.head, oldestUsable, fresh);
    if (socket.data.snapshotColumns) {
      const { cases: _cases, ...rest } = snapshot;
      socket.emit('stream:snapshot', { ...rest, caseColumns: columns() });
    } else socket.emit('stream:snapshot', snapshot);
    return snapshot.headSeq;
  }

  private join(socket: IoSocket, audience: Audience): void {
    let room = this.rooms.get(audience.key);
    if (!room) {
      room = { audience, members: 0, lastTo: this.streamer.head, lastSentAt: Date.now() };
      this.rooms.set(audience.key, room);
    }
    room.members++;
    this.live.set(socket.id, audience.key);
    void socket.join(`aud:${audience.key}`);
  }

  private leave(socket: IoSocket): void {
    const key = this.live.get(socket.id);
    if (key === undefined) return;
    this.live.delete(socket.id);
    void socket.leave(`aud:${key}`);
    const room = this.rooms.get(key);
    if (room && --room.members <= 0) this.rooms.delete(key);
  }

  get stats(): { rooms: number; liveSockets: number } {
    return { rooms: this.rooms.size, liveSockets: this.live.size };
  }
}
