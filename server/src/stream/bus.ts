// In-process signals between server modules and the live layer:
// - `outbox`: something was committed to the outbox; the streamer reads from its last sequence.
//   (Lossless data always travels through the outbox table, never through this bus.)
// - `transient`: high-volume, lossy layers (vehicle positions, sensor readings) that the live layer
//   coalesces per tick (latest value wins) and filters by each client's viewport.
import { EventEmitter } from 'node:events';

export type TransientKind = 'vehicle.position' | 'sensor.reading';

export interface TransientItem {
  /** vehicle or sensor id: coalescing keeps the latest item per id */
  id: string;
  lon: number;
  lat: number;
  at: string;
  [key: string]: unknown;
}

export class LiveBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  notifyOutbox(): void {
    this.emitter.emit('outbox');
  }

  onOutbox(listener: () => void): () => void {
    this.emitter.on('outbox', listener);
    return () => this.emitter.off('outbox', listener);
  }

  publishTransient(kind: TransientKind, items: TransientItem[]): void {
    if (items.length) this.emitter.emit('transient', kind, items);
  }

  onTransient(listener: (kind: TransientKind, items: TransientItem[]) => void): () => void {
    this.emitter.on('transient', listener);
    return () => this.emitter.off('transient', listener);
  }
}
