// The lossy live layers: vehicle and inspector positions and sensor readings, coalesced by the server per
// tick and sent only inside the map's visible area (`viewport:set`, re-sent after every reconnection).
// Items go straight to the map layers' listeners — never through the React store — and are checked at
// the trust boundary (zod, item by item: one bad item does not drop the batch).
import type { z } from 'zod';
import { LiveReading, VehiclePosition, type Bbox, type TransientLayer } from '@contract/stream';
import type { LiveSocket } from './socket';

type Listener<T> = (items: T[]) => void;

export interface TransientFeed {
  /** What the map shows now: null (or no layers) stops the feed. */
  setViewport(bbox: Bbox | null, layers: readonly TransientLayer[]): void;
  onPositions(listener: Listener<VehiclePosition>): () => void;
  onReadings(listener: Listener<LiveReading>): () => void;
  /** items applied since the page loaded, per layer (diagnostics, <body data-live-items>) */
  readonly received: Readonly<Record<TransientLayer, number>>;
  stop(): void;
}

function valid<T>(schema: z.ZodType<T>, raw: unknown): T[] {
  if (!Array.isArray(raw)) return [];
  const out: T[] = [];
  for (const item of raw) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function startTransient(socket: LiveSocket, ackTimeoutMs = 5_000): TransientFeed {
  const positions = new Set<Listener<VehiclePosition>>();
  const readings = new Set<Listener<LiveReading>>();
  const received: Record<TransientLayer, number> = { 'vehicle.position': 0, 'sensor.reading': 0 };
  let wanted: { bbox: Bbox | null; layers: TransientLayer[] } = { bbox: null, layers: [] };
  let sent = '';

  const send = async () => {
    const request = wanted.layers.length ? wanted : { bbox: null, layers: [] };
    const key = JSON.stringify(request);
    if (!socket.connected || key === sent) return;
    sent = key;
    try {
      const result = await socket.timeout(ackTimeoutMs).emitWithAck('viewport:set', request);
      // Not signed in yet (or refused): try again at the next change or connection.
      if (!result.ok) sent = '';
    } catch {
      sent = '';
    }
  };

  const notify = <T>(listeners: Set<Listener<T>>, items: T[], layer: TransientLayer) => {
    if (!items.length) return;
    received[layer] += items.length;
    document.body.dataset.liveItems = `${received['vehicle.position']}:${received['sensor.reading']}`;
    for (const listener of listeners) listener(items);
  };
  const onPositions = (raw: unknown) => notify(positions, valid(VehiclePosition, raw), 'vehicle.position');
  const onReadings = (raw: unknown) => notify(readings, valid(LiveReading, raw), 'sensor.reading');
  // The server forgets a socket's viewport when it disconnects.
  const onConnect = () => {
    sent = '';
    void send();
  };
  socket.on('live:positions', onPositions);
  socket.on('live:readings', onReadings);
  socket.on('connect', onConnect);

  const subscribe =
    <T>(set: Set<Listener<T>>) =>
    (listener: Listener<T>) => {
      set.add(listener);
      return () => void set.delete(listener);
    };

  return {
    setViewport(bbox, layers) {
      wanted = { bbox, layers: [...layers] };
      void send();
    },
    onPositions: subscribe(positions),
    onReadings: subscribe(readings),
    received,
    stop() {
      socket.off('live:positions', onPositions);
      socket.off('live:readings', onReadings);
      socket.off('connect', onConnect);
    },
  };
}
