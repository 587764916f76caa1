// Loads the public city configuration. Never throws: failures are recorded in the store and the
// built-in configuration stays in use, so the wall comes up even without a server.
import { CityConfig } from '@contract/http';
import type { AppStore } from '../state/store';

export async function loadCity(store: AppStore, origin: string, timeoutMs = 5_000): Promise<boolean> {
  const { cityEvent } = store.getState();
  try {
    const response = await fetch(`${origin}/api/city`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new CityLoadError(`HTTP ${response.status}`);
    const parsed = CityConfig.safeParse(await response.json());
    if (!parsed.success) throw new CityLoadError('invalid response');
    cityEvent({ type: 'loaded', config: parsed.data, at: Date.now() });
    return true;
  } catch (error) {
    cityEvent({ type: 'failed', error: reasonOf(error) });
    return false;
  }
}

class CityLoadError extends Error {
  override name = 'CityLoadError';
}

function reasonOf(error: unknown): string {
  if (error instanceof CityLoadError) return error.message;
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'timeout';
  if (error instanceof SyntaxError) return 'invalid JSON';
  return 'network error';
}
