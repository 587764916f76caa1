// The picture source's state in React, at most every PICTURE_UI_MS: at 600x the cursor steps every
// frame, and the figures need not be re-counted 60 times a second (the map batches its own redraws).
import { useEffect, useState } from 'react';
import type { LiveState } from '@contract/live-state';
import { createTimers } from '../../app/timers';
import type { PictureSource } from '../../services/picture';

export const PICTURE_UI_MS = 250;

/** The picture and its moment, re-read at most every PICTURE_UI_MS (and at once after a pause). */
export function usePicture(picture: PictureSource | undefined): { state: LiveState | null; atMs: number } {
  const [shown, setShown] = useState(() => ({
    state: picture?.live() ?? null,
    atMs: picture?.now() ?? Date.now(),
    n: 0,
  }));
  useEffect(() => {
    if (!picture) return;
    // At most one read per PICTURE_UI_MS, however fast the picture changes (app/timers.ts).
    const timers = createTimers();
    const read = timers.atMostEvery(PICTURE_UI_MS, () =>
      setShown((s) => ({ state: picture.live(), atMs: picture.now(), n: s.n + 1 })),
    );
    const stop = picture.onLive(() => read.request());
    read.now();
    return () => {
      timers.dispose();
      stop();
    };
  }, [picture]);
  return shown;
}
