// What the map layers are given to load from: the REST endpoints with the session's token (./load.ts), the
// live feeds and the live picture of active cases.
import type { PictureSource } from '../../live/picture';
import type { TransientFeed } from '../../live/transient';
import type { LiveState } from '@contract/live-state';
import type { LoadSource } from './load';

export { createLoader, DIVISION_PATHS, LayerLoadError, prefetch, type Loader } from './load';

/** The live picture of active cases, as the active-case layer reads it. */
export interface CaseSource {
  live(): LiveState;
  onLive(listener: (state: LiveState) => void): () => void;
  /** the moment the picture shows (case clocks are coloured as at that moment); absent: now */
  now?(): number;
}

export interface LayerSource extends LoadSource {
  /** live positions and readings (absent: the layers poll REST only) */
  live?: TransientFeed;
  /** the live picture of active cases (the case layer) */
  cases?: CaseSource;
  /** the topic of every live stream event ('*' after a snapshot): layers of that topic reload */
  onTopic?(listener: (topic: string) => void): () => void;
  /** live or playback (回放): answers the alarm layer's loads, and feeds the playback track layer */
  picture?: PictureSource;
}
