// Server-corrected time at a coarse resolution: components that show "time left" re-render four times
// a minute, not with every tick of the header clock.
import { useAppStore } from '../../app/StoreContext';
import { serverNow } from '../../state/clock';

export function useCoarseNow(resolutionMs = 15_000): number {
  return useAppStore((s) => Math.floor(serverNow(s.clock) / resolutionMs) * resolutionMs);
}
