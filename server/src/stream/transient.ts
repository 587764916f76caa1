// Lossy high-volume layers (vehicle positions, sensor readings): coalesced per tick (latest item per id
// wins), filtered by each socket's viewport and scope, sent as volatile emits (a slow client skips
// positions, never a stream event). Items published on this node are also handed, once per tick and
// coalesced, to the other nodes through the adapter; items from other nodes are not forwarded again.
import type { LiveReading, TransientLayer, VehiclePosition, Bbox } from '@contract/stream';
import type { LiveBus, TransientItem } from './bus';
import type { Audience } from './scope';
import type { IoServer, IoSocket } from './types';

type Item = VehiclePosition | LiveReading;

interface Viewer {
  socket: IoSocket;
  audience: Audience;
  bbox: Bbox;
  layers: ReadonlySet<TransientLayer>;
}

const EVENT = { 'vehicle.position': 'live:positions', 'sensor.reading': 'live:readings' } as const;
const LAYERS = Object.keys(EVENT) as TransientLayer[];

export class TransientHub {
  private readonly local = new Map<TransientLayer, Map<string, Item>>();
  private readonly remote = new Map<TransientLayer, Map<string, Item>>();
  private readonly viewers = new Map<string, Viewer>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly unsubscribe: () => void;
  /** which layer goes first this tick: a volatile emit is dropped while the socket is still writing the
   *  previous one, so a fixed order would starve the second layer (readings behind busy positions) */
  private turn = 0;

  constructor(
    private readonly io: IoServer,
    bus: LiveBus,
    tickMs: number,
    private readonly clustered: boolean,
  ) {
    this.unsubscribe = bus.onTransient((kind, items) => this.add(this.local, kind, items));
    if (clustered) {
      io.on('live:transient', (kind, items) => {
        if (LAYERS.includes(kind) && Array.isArray(items))
          this.add(this.remote, kind, items as TransientItem[]);
      });
    }
    this.timer = setInterval(() => this.flush(), tickMs);
    this.timer.unref();
  }

  setViewport(
    socket: IoSocket,
    audience: Audience,
    bbox: Bbox | null,
    layers: readonly TransientLayer[],
  ): void {
    if (!bbox || !layers.length) this.viewers.delete(socket.id);
    else this.viewers.set(socket.id, { socket, audience, bbox, layers: new Set(layers) });
  }

  forget(socket: IoSocket): void {
    this.viewers.delete(socket.id);
  }

  stop(): void {
    clearInterval(this.timer);
    this.unsubscribe();
  }

  /** Sends what arrived since the last tick (called by the timer; tests and benches may call it). */
  flush(): void {
    const first = this.turn++ % LAYERS.length;
    for (const layer of [...LAYERS.slice(first), ...LAYERS.slice(0, first)]) {
      const mine = this.take(this.local, layer);
      const theirs = this.take(this.remote, layer);
      if (mine.length && this.clustered) this.io.serverSideEmit('live:transient', layer, mine);
      const items = theirs.length ? [...mine, ...theirs] : mine;
      if (!items.length) continue;
      for (const viewer of this.viewers.values()) {
        if (!viewer.layers.has(layer)) continue;
        const [w, s, e, n] = viewer.bbox;
        const visible = items.filter(
          (i) => i.lon >= w && i.lon <= e && i.lat >= s && i.lat <= n && viewer.audience.allowsTransient(i),
        );
        if (visible.length) viewer.socket.volatile.emit(EVENT[layer], visible);
      }
    }
  }

  private add(
    into: Map<TransientLayer, Map<string, Item>>,
    kind: TransientLayer,
    items: TransientItem[],
  ): void {
    let pending = into.get(kind);
    if (!pending) into.set(kind, (pending = new Map()));
    for (const item of items) {
      if (typeof item?.id !== 'string' || !Number.isFinite(item.lon) || !Number.isFinite(item.lat)) continue;
      pending.set(item.id, item as Item);
    }
  }

  private take(from: Map<TransientLayer, Map<string, Item>>, layer: TransientLayer): Item[] {
    const pending = from.get(layer);
    if (!pending?.size) return [];
    from.delete(layer);
    return [...pending.values()];
  }
}
