// The open queue on the map (always on while someone is signed in): the queue's cases as dots coloured
// by their clock, or the commander's alarms and incidents as warning triangles coloured by level, as
// described in state/mapPoints.ts. Each new description changes only what differs (diffPoints), then asks
// for one frame. Clicks and hover go through mount.ts like every layer's: a case opens its drawer, an
// alarm its alarm drawer; incidents are shown, not picked (the commander's board lists them).
import { Cartesian3, Color, type Billboard, type PointPrimitive } from 'cesium';
import { diffPoints, isEmptyDiff, type CasePoint } from '../../state/mapPoints';
import type { MapPick } from '../../state/layers';
import { CLOCK_COLOURS, LEVEL_COLOURS } from '../palette';
import { ALARM_SYMBOL_PX } from './alarmLayer';
import { addSymbol, billboardCollection, colour, OUTLINE, pointCollection, removeAll } from './draw';
import type { MapLayer } from './layer';
import { alarmTriangle } from './symbolImages';

const isLevelled = (point: CasePoint) => point.level !== undefined;

function pickOf(point: CasePoint): MapPick | undefined {
  if (point.id.startsWith('incident:')) return undefined;
  if (point.id.startsWith('alarm:'))
    return {
      kind: 'alarm',
      id: point.id.slice('alarm:'.length),
      label: point.label ?? '',
      level: point.level,
    };
  return { kind: 'case', id: point.id, label: point.label ?? '' };
}

export const queueLayer: MapLayer = {
  id: 'queue',
  available: (ctx) => !!ctx.queue,
  create(ctx) {
    const source = ctx.queue;
    if (!source) throw new Error('the queue layer needs the queue');
    const scale = uiScale();
    const dots = pointCollection(ctx.scene);
    const marks = billboardCollection(ctx.scene);
    const image = alarmTriangle(Math.round(ALARM_SYMBOL_PX * scale * 2));
    const shown = new Map<string, CasePoint>();
    const dotOf = new Map<string, PointPrimitive>();
    const markOf = new Map<string, Billboard>();

    const styleDot = (dot: PointPrimitive, point: CasePoint) => {
      dot.position = Cartesian3.fromDegrees(point.lon, point.lat, 0);
      dot.color = colour(CLOCK_COLOURS[point.colour as keyof typeof CLOCK_COLOURS] ?? '#ffffff');
      dot.pixelSize = (point.selected ? 16 : 10) * scale;
      dot.outlineColor = point.selected ? Color.WHITE : OUTLINE;
      dot.outlineWidth = (point.selected ? 3 : 1.5) * scale;
    };
    const styleMark = (mark: Billboard, point: CasePoint) => {
      mark.position = Cartesian3.fromDegrees(point.lon, point.lat, 0);
      mark.color = colour(LEVEL_COLOURS[point.level ?? 4] ?? '#ffffff');
      const px = (point.selected ? 1.5 : 1) * ALARM_SYMBOL_PX * scale;
      mark.width = px;
      mark.height = px;
    };
    const remove = (id: string) => {
      const dot = dotOf.get(id);
      if (dot) dots.remove(dot);
      const mark = markOf.get(id);
      if (mark) marks.remove(mark);
      dotOf.delete(id);
      markOf.delete(id);
      shown.delete(id);
    };
    const apply = (points: readonly CasePoint[]) => {
      if (dots.isDestroyed()) return;
      const diff = diffPoints(shown, points);
      if (!isEmptyDiff(diff)) {
        for (const id of diff.remove) remove(id);
        for (const point of diff.add) {
          if (isLevelled(point)) {
            const mark = addSymbol(
              marks,
              {
                id: pickOf(point),
                position: Cartesian3.fromDegrees(point.lon, point.lat, 0),
                disableDepthTestDistance: Number.POSITIVE_INFINITY,
              },
              'alarm-triangle',
              image,
            );
            styleMark(mark, point);
            markOf.set(point.id, mark);
          } else {
            const dot = dots.add({ id: pickOf(point), disableDepthTestDistance: Number.POSITIVE_INFINITY });
            styleDot(dot, point);
            dotOf.set(point.id, dot);
          }
          shown.set(point.id, point);
        }
        for (const point of diff.update) {
          const dot = dotOf.get(point.id);
          if (dot) styleDot(dot, point);
          const mark = markOf.get(point.id);
          if (mark) styleMark(mark, point);
          shown.set(point.id, point);
        }
        ctx.scene.requestRender();
      }
      source.drawn(shown.size);
    };
    apply(source.points());
    const stop = source.onPoints(apply);
    return {
      show(on) {
        if (!dots.isDestroyed()) dots.show = on;
        if (!marks.isDestroyed()) marks.show = on;
        ctx.scene.requestRender();
      },
      dispose() {
        stop();
        removeAll(ctx.scene, dots, marks);
        source.drawn(0);
      },
    };
  },
};

/** The UI's rem scale (1 at 1920x1080, 2 at 3840x2160), so the points grow with the text. */
function uiScale(): number {
  const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(rem) ? Math.max(1, rem / 16) : 1;
}
