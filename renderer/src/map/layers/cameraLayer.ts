// Cameras: the list from REST (data: deviceData.ts), a marker each (colour by status, clusters above
// street level: deviceRenderer.ts) and their view cones (cameraCones.ts). Live `camera` events (a camera
// went offline, came back, reported a fault) read the list again within a second; only the cameras that
// changed are redrawn.
import type { CameraStatus } from '@contract/city';
import { CAMERA_COLOURS } from '../palette';
import { createConeLayer, type ConeLayer } from './cameraCones';
import { formatCameras, loadCameras } from './deviceData';
import { CAMERA_SCALE, deviceRenderer } from './deviceRenderer';
import { defineLayer } from './layer';

export const cameraLayer = defineLayer({
  id: 'cameras',
  load: (ctx) => loadCameras(ctx.api),
  format: formatCameras,
  count: ({ items }) => items.length,
  reload: { topic: 'camera', waitMs: 1_000 },
  render(ctx) {
    const devices = deviceRenderer(ctx, {
      of: 'camera',
      colours: CAMERA_COLOURS,
      heightM: 3,
      scale: CAMERA_SCALE,
    });
    let cones: ConeLayer | undefined;
    let shown = true;
    return {
      draw({ items, cameras }) {
        const before = devices.items;
        for (const item of items) {
          const was = before.get(item.id);
          if (was && was.pick.status !== item.pick.status)
            cones?.setStatus(item.id, item.pick.status as CameraStatus);
        }
        devices.draw(items);
        if (!cones) {
          cones = createConeLayer(ctx.scene, cameras);
          cones.show(shown);
        }
      },
      show(on) {
        shown = on;
        devices.show(on);
        cones?.show(on);
      },
      current: devices.current,
      dispose() {
        devices.dispose();
        cones?.dispose();
      },
    };
  },
});
