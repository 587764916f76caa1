// Sensors: the list from REST once (data: deviceData.ts), drawn as device markers with clusters above
// street level (deviceRenderer.ts); live readings recolour a sensor entering or leaving an alarm without
// a reload.
import { SENSOR_COLOURS } from '../palette';
import { formatSensors, loadSensors, sensorChanges } from './deviceData';
import { deviceRenderer, SENSOR_SCALE } from './deviceRenderer';
import { defineLayer } from './layer';

export const sensorLayer = defineLayer({
  id: 'sensors',
  load: (ctx) => loadSensors(ctx.api),
  format: formatSensors,
  count: (items) => items.length,
  render(ctx) {
    const devices = deviceRenderer(ctx, {
      of: 'sensor',
      colours: SENSOR_COLOURS,
      heightM: 2,
      scale: SENSOR_SCALE,
    });
    const stopReadings = ctx.live?.onReadings((readings) => {
      const changed = sensorChanges(devices.items, readings);
      if (changed.length) devices.draw(changed);
    });
    return {
      ...devices,
      dispose() {
        stopReadings?.();
        devices.dispose();
      },
    };
  },
});
