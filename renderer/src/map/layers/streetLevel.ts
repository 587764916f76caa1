// Street level: whether the camera is low enough for the layers' single items (above it they draw
// clusters), and a listener told each time the camera crosses it. Plain TypeScript (no Cesium import).
import { CLOSE_HEIGHT_M } from '../../state/layers';

/** What the street-level helpers need of a Cesium Scene. */
export interface CameraScene {
  camera: { positionCartographic: { height: number } };
  preRender: { addEventListener(listener: () => void): () => void };
}

/** Whether the camera is above street level (CLOSE_HEIGHT_M), where the point layers draw clusters. */
export const aboveStreetLevel = (scene: CameraScene): boolean =>
  scene.camera.positionCartographic.height > CLOSE_HEIGHT_M;

/**
 * Calls `onChange(above)` each time the camera crosses street level (checked every frame, which is
 * cheap; told only on a change). Returns the unsubscriber.
 */
export function onStreetLevel(scene: CameraScene, onChange: (above: boolean) => void): () => void {
  let above = aboveStreetLevel(scene);
  return scene.preRender.addEventListener(() => {
    const next = aboveStreetLevel(scene);
    if (next === above) return;
    above = next;
    onChange(next);
  });
}
