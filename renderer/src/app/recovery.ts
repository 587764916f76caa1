// Self-healing policy for an unattended wall (pure; reloadIfStuck.ts applies it). In a browser
// the page, Cesium's workers and its assets all come from the server; if the server goes away
// while the globe is loading, Cesium is left half initialised and never recovers. When the link
// comes back and the map is still not ready, the page reloads itself, at most once per
// RELOAD_GUARD_MS so a real fault cannot cause a loop.
import type { MapStatus } from '../state/map';

export const RELOAD_GUARD_MS = 5 * 60_000;

export interface RecoveryInput {
  mapStatus: MapStatus;
  /** True when this connection follows a lost one (not the first connection of the page). */
  reconnected: boolean;
  now: number;
  lastReloadAt: number | null;
}

export function shouldReloadForRecovery(input: RecoveryInput): boolean {
  if (!input.reconnected || input.mapStatus === 'ready' || input.mapStatus === 'off') return false;
  return input.lastReloadAt === null || input.now - input.lastReloadAt >= RELOAD_GUARD_MS;
}
