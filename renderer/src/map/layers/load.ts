// Reads the map-layer endpoints with the session's token. Failures become a LayerLoadError with a
// user-facing message; the layer then reports 'error' and the panel shows it. Static layer data can be
// fetched ahead (`prefetch`, at sign-in while the map engine still loads): the layer's first load then
// takes that answer instead of asking again after the viewer is up. No DOM, no Cesium: Node tests run it.

export class LayerLoadError extends Error {
  override name = 'LayerLoadError';
  constructor(
    readonly path: string,
    readonly status: number,
  ) {
    super(`图层数据加载失败 / Layer data failed to load (${path}: ${status || 'network'})`);
  }
}

/** Where the layer endpoints are, and the session token to send. */
export interface LoadSource {
  origin: string;
  token(): string | null;
}

export type Loader = <T>(path: string) => Promise<T>;

/** What the division layer loads first (map/layers/shapeLayers.ts): static, so it may be fetched ahead. */
export const DIVISION_PATHS = ['/divisions?level=district', '/divisions?level=street'] as const;

/** Answers fetched ahead, by token and path; each is used once, or dropped when PREFETCH_KEEP_MS old. */
const ahead = new Map<string, { answer: Promise<unknown>; at: number }>();
const PREFETCH_KEEP_MS = 30_000;

async function get<T>(origin: string, token: string | null, path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${origin}/api${path}`, {
      headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw new LayerLoadError(path, 0);
  }
  if (!response.ok) throw new LayerLoadError(path, response.status);
  return (await response.json()) as T;
}

/** Fetches static layer data now, for the layers' first load with the same token (signed in only). */
export function prefetch(source: LoadSource, paths: readonly string[]): void {
  const now = Date.now();
  for (const [key, { at }] of ahead) if (now - at > PREFETCH_KEEP_MS) ahead.delete(key);
  const token = source.token();
  if (!token) return;
  for (const path of paths) {
    const key = `${token} ${path}`;
    if (ahead.has(key)) continue;
    const answer = get(source.origin, token, path);
    answer.catch(() => undefined); // a failure reaches the layer that takes the answer
    ahead.set(key, { answer, at: now });
  }
}

export function createLoader(source: LoadSource): Loader {
  return async <T>(path: string): Promise<T> => {
    const token = source.token();
    const key = `${token} ${path}`;
    const early = ahead.get(key);
    if (early) ahead.delete(key);
    if (early && Date.now() - early.at <= PREFETCH_KEEP_MS) return early.answer as Promise<T>;
    return get<T>(source.origin, token, path);
  };
}
