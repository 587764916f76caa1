// "Play these cameras" from the map wall (a case's or an alarm's nearby cameras, a camera picked on
// the map): onto the video-wall window when one is linked and confirms, else onto the overlay wall
// over the map, exactly as without a video-wall window.
import { useCallback } from 'react';
import { useServices } from '../../app/ServicesContext';
import { useStoreApi } from '../../app/StoreContext';
import type { CameraRef } from '../../state/video';

export function usePlayCameras(): (cameras: readonly CameraRef[]) => void {
  const store = useStoreApi();
  const { wall } = useServices();
  return useCallback(
    (cameras: readonly CameraRef[]) => {
      if (cameras.length === 0) return;
      const here = () => store.getState().videoEvent({ type: 'playMany', cameras });
      if (!wall.videoWallLinked()) {
        here();
        return;
      }
      void wall
        .sendToVideoWall(cameras)
        .then(
          (sent) => (sent ? store.getState().wallEvent({ type: 'sent', count: cameras.length }) : here()),
          here,
        );
    },
    [store, wall],
  );
}
