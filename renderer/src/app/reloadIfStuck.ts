// Applies the recovery policy in the browser: the time of the last recovery reload is kept in
// sessionStorage, so the guard survives the reload it causes.
import type { MapStatus } from '../state/map';
import { shouldReloadForRecovery } from './recovery';

const RELOAD_KEY = 'cityOps.recoveryReloadAt';

/** Reloads the page if the policy says so; returns whether it did. */
export function reloadIfStuck(mapStatus: MapStatus, reconnected: boolean): boolean {
  const now = Date.now();
  let lastReloadAt: number | null = null;
  try {
    const stored = Number(window.sessionStorage.getItem(RELOAD_KEY));
    lastReloadAt = Number.isFinite(stored) && stored > 0 ? stored : null;
  } catch {
    // Storage unavailable: no guard to read, so do not risk a loop.
    return false;
  }
  if (!shouldReloadForRecovery({ mapStatus, reconnected, now, lastReloadAt })) return false;
  try {
    window.sessionStorage.setItem(RELOAD_KEY, String(now));
  } catch {
    return false;
  }
  window.location.reload();
  return true;
}
