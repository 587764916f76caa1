// Open alarms by level as warning triangles (a shape no other layer uses), pulsing (a per-frame colour
// update), read again on every live alarm change (and every minute; every 15 s without the stream).
// Billboards cost more than points on a software GPU, but open alarms are few (tens), and a triangle
// tells an alarm from a case dot at a glance. Data: alarmData.ts.
import { Cartesian3, Color } from 'cesium';
import { LEVEL_COLOURS } from '../palette';
import { alarmPulse, formatAlarms, loadAlarms } from './alarmData';
import { addSymbol, billboardCollection, colour, removeAll } from './draw';
import { defineLayer } from './layer';
import { alarmTriangle } from './symbolImages';

/** px of the alarm triangle at a 1920×1080 wall (twice that at 3840×2160). */
export const ALARM_SYMBOL_PX = 22;

export const levelColour = (level: number): Color => colour(LEVEL_COLOURS[level] ?? '#ffffff');

export const alarmLayer = defineLayer({
  id: 'alarms',
  load: (ctx) => loadAlarms(ctx.api),
  format: formatAlarms,
  count: (items) => items.length,
  reload: { pollMs: (ctx) => (ctx.onTopic ? 60_000 : 15_000), topic: 'alarm', waitMs: 300 },
  render(ctx) {
    const scale = Math.max(1, window.devicePixelRatio || 1);
    const image = alarmTriangle(Math.round(ALARM_SYMBOL_PX * scale * 2));
    const marks = billboardCollection(ctx.scene);
    const levels: number[] = [];
    const scratch = new Color();
    const pulse = () => {
      if (marks.isDestroyed() || !marks.show || marks.length === 0) return;
      const now = performance.now();
      for (let i = 0; i < marks.length; i++) {
        const level = levels[i] ?? 4;
        marks.get(i).color = Color.clone(levelColour(level), scratch).withAlpha(
          alarmPulse(level, now),
          scratch,
        );
      }
    };
    const removePulse = ctx.scene.preRender.addEventListener(pulse);
    // requestRenderMode: keep frames coming (at a modest rate) while pulsing alarms are on the map.
    ctx.timers.every(120, () => {
      if (!marks.isDestroyed() && marks.show && levels.some((l) => l <= 3)) ctx.scene.requestRender();
    });
    return {
      draw(items) {
        if (marks.isDestroyed()) return;
        marks.removeAll();
        levels.length = 0;
        for (const a of items) {
          levels.push(a.level);
          addSymbol(
            marks,
            {
              id: a.pick,
              position: Cartesian3.fromDegrees(a.lon, a.lat, 5),
              width: ALARM_SYMBOL_PX,
              height: ALARM_SYMBOL_PX,
              color: levelColour(a.level),
              disableDepthTestDistance: Number.POSITIVE_INFINITY,
            },
            'alarm-triangle',
            image,
          );
        }
      },
      show(next) {
        if (!marks.isDestroyed()) marks.show = next;
        ctx.scene.requestRender();
      },
      dispose() {
        removePulse();
        removeAll(ctx.scene, marks);
      },
    };
  },
});
