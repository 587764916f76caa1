// The picture the map wall shows: the live stream's, or a playback cursor's (回放). The map layers read
// cases, alarms and topics through this one source (map/layers/context.ts `CaseSource`, `onTopic`, the
// REST client and the live feed), so a replay needs no change to the layers: while in playback `live()` is the
// cursor's state at T, `now()` is T (case clocks are coloured as they were then), the alarm layer's
// request is answered from the cursor, the live positions and readings are held back, and each frame's
// step tells the layers' topics. Leaving playback shows the stream's picture again, which kept running
// underneath and was never touched: a replay writes nothing, here or on the server.
import type { z } from 'zod';
import type { LiveState } from '@contract/live-state';
import type { LoadedFix } from '@contract/playback-cursor';
import type { StreamService } from './stream';
import type { Bbox, LiveReading, TransientLayer, VehiclePosition } from '@contract/stream';

/** The live positions and readings feed (live/transient.ts `TransientFeed`). */
export interface LiveFeed {
  setViewport(bbox: Bbox | null, layers: readonly TransientLayer[]): void;
  onPositions(listener: (items: VehiclePosition[]) => void): () => void;
  onReadings(listener: (items: LiveReading[]) => void): () => void;
  readonly received: Readonly<Record<TransientLayer, number>>;
  stop(): void;
}

/** What a map layer loads through: the REST client's checked GET (map/layers/layerApi.ts `LayerApi`). */
export interface GetApi {
  get<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>>;
}

/** One frame of playback as the track layer takes it. */
export interface PlaybackFrame {
  /** 'seek': everything may have changed; 'step': a forward step by the fixes in `fixes` */
  kind: 'seek' | 'step';
  atMs: number;
  state: LiveState;
  /** vehicles shown at T: the last fix of each within FIX_STALE_MS */
  vehicles: ReadonlyMap<string, LoadedFix>;
  /** seek: the loaded fixes up to T (the tails are rebuilt from them); step: the fixes of this step */
  fixes: readonly LoadedFix[];
}

export interface PictureSource {
  /** the state the map shows: the stream's picture, or the cursor's at T */
  live(): LiveState;
  onLive(listener: (state: LiveState) => void): () => void;
  /** the topic of every change shown ('*' when the whole picture changed: a snapshot, a seek, a switch) */
  onTopic(listener: (topic: string) => void): () => void;
  /** the moment shown: now, or T in playback */
  now(): number;
  mode(): 'live' | 'playback';
  /** every playback frame, and null when playback ends */
  onPlayback(listener: (frame: PlaybackFrame | null) => void): () => void;
  /** the map layers' REST client, answering the alarm layer from the cursor in playback */
  api(inner: GetApi): GetApi;
  /** the live positions and readings, held back while in playback */
  feed(inner: LiveFeed): LiveFeed;
  /** the playback service shows a frame (at most one per animation frame), with the topics it changed */
  show(frame: PlaybackFrame, topics: Iterable<string>): void;
  /** back to live */
  leave(): void;
  stop(): void;
}

type LiveSource = Pick<StreamService, 'live' | 'onLive' | 'onTopic'>;

/** The alarm layer's request (map/layers/alarmData.ts): active alarms. */
const ALARMS_PATH = /^\/alarms(\?|$)/;

export function createPicture(stream: LiveSource, clock: () => number = Date.now): PictureSource {
  let frame: PlaybackFrame | null = null;
  const liveListeners = new Set<(state: LiveState) => void>();
  const topicListeners = new Set<(topic: string) => void>();
  const playbackListeners = new Set<(frame: PlaybackFrame | null) => void>();
  const current = () => frame?.state ?? stream.live();
  const publish = () => {
    const state = current();
    for (const listener of liveListeners) listener(state);
  };
  const tell = (topic: string) => {
    for (const listener of topicListeners) listener(topic);
  };
  // The stream keeps running in playback; its news reach the layers only while live is shown.
  const stopLive = stream.onLive((state) => {
    if (!frame) for (const listener of liveListeners) listener(state);
  });
  const stopTopic = stream.onTopic((topic) => {
    if (!frame) tell(topic);
  });
  const add =
    <T>(set: Set<T>) =>
    (listener: T) => {
      set.add(listener);
      return () => void set.delete(listener);
    };

  return {
    live: current,
    onLive: add(liveListeners),
    onTopic: add(topicListeners),
    now: () => frame?.atMs ?? clock(),
    mode: () => (frame ? 'playback' : 'live'),
    onPlayback: add(playbackListeners),
    api(inner) {
      return {
        get: async <T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> => {
          if (frame && ALARMS_PATH.test(path))
            return schema.parse({ alarms: [...frame.state.alarms.values()] });
          return inner.get(path, schema);
        },
      };
    },
    feed(inner) {
      const held =
        <T>(subscribe: (listener: (items: T[]) => void) => () => void) =>
        (listener: (items: T[]) => void) =>
          subscribe((items) => {
            if (!frame) listener(items);
          });
      return {
        setViewport: (bbox, layers) => inner.setViewport(bbox, layers),
        onPositions: held(inner.onPositions),
        onReadings: held(inner.onReadings),
        get received() {
          return inner.received;
        },
        // The feed is the page's; whoever started it stops it.
        stop: () => undefined,
      };
    },
    show(next, topics) {
      const entering = !frame;
      frame = next;
      publish();
      if (entering || next.kind === 'seek') tell('*');
      else for (const topic of topics) tell(topic);
      for (const listener of playbackListeners) listener(next);
    },
    leave() {
      if (!frame) return;
      frame = null;
      publish();
      tell('*');
      for (const listener of playbackListeners) listener(null);
    },
    stop() {
      stopLive();
      stopTopic();
      liveListeners.clear();
      topicListeners.clear();
      playbackListeners.clear();
    },
  };
}
