// Reads the map-layer endpoints with the session's token. Failures become a LayerLoadError with a
// user-facing message; the layer then reports 'error' and the panel shows it.
import type { TransientFeed } from '../../live/transient';
import type { CaseSource } from './caseLayer';

export class LayerLoadError extends Error {
  override name = 'LayerLoadError';
  constructor(
    readonly path: string,
    readonly status: number,
  ) {
    super(`图层数据加载失败 / Layer data failed to load (${path}: ${status || 'network'})`);
  }
}

export interface LayerSource {
  origin: string;
  token(): string | null;
  /** live positions and readings (absent: the layers poll REST only) */
  live?: TransientFeed;
  /** the live picture of active cases (the case layer) */
  cases?: CaseSource;
  /** the topic of every live stream event ('*' after a snapshot): layers of that topic reload */
  onTopic?(listener: (topic: string) => void): () => void;
}

export type Loader = <T>(path: string) => Promise<T>;

export function createLoader(source: LayerSource): Loader {
  return async <T>(path: string): Promise<T> => {
    const token = source.token();
    let response: Response;
    try {
      response = await fetch(`${source.origin}/api${path}`, {
        headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    } catch {
      throw new LayerLoadError(path, 0);
    }
    if (!response.ok) throw new LayerLoadError(path, response.status);
    return (await response.json()) as T;
  };
}
