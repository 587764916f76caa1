// The picture source's state in React, at most every PICTURE_UI_MS: at 600x the cursor steps every
// frame, and the figures need not be re-counted 60 times a second (the map batches its own redraws).
import { useEffect, useState } from 'react';
import type { LiveState } from '@contract/live-state';
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
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const read = () => {
      timer = undefined;
      last = performance.now();
      setShown((s) => ({ state: picture.live(), atMs: picture.now(), n: s.n + 1 }));
    };
    const stop = picture.onLive(() => {
      if (timer !== undefined) return;
      const wait = PICTURE_UI_MS - (performance.now() - last);
      timer = setTimeout(read, Math.max(0, wait));
    });
    read();
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [picture]);
  return shown;
}
