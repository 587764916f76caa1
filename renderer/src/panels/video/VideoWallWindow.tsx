// The video-wall window (`?wall=video-wall`): no map; the camera list at the left and the wall's grid
// filling the rest, always open. Cameras come from the list or from the map wall over the wall link.
import { CameraPicker } from './CameraPicker';
import { VideoWall } from './VideoWall';

export function VideoWallWindow() {
  return (
    <main className="wall-window wall-window-video" data-wall-window="video-wall">
      <CameraPicker />
      <VideoWall variant="window" />
    </main>
  );
}
