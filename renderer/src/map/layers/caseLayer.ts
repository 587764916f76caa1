// Every active case the user may see, from the live stream's picture (contract/live-state.ts): one
// PointPrimitiveCollection, updated by difference at most every 250 ms (10,000 cases redraw only what
// changed), colours re-evaluated every 30 s as deadlines pass. Clicking a case opens it in the drawer.
import { Cartesian3, Color, NearFarScalar, PointPrimitiveCollection, type PointPrimitive } from 'cesium';
import type { CaseGroup, MapPick } from '../../state/layers';
import { loading, type LayerContext } from './context';
import type { CaseSource } from './data';
import { caseMark, countByGroup, sameMark, type CaseMark } from './caseMarks';
import type { LayerHandle } from './model';

const CLOCK_COLOURS: Record<CaseMark['clock'], Color> = {
  green: Color.fromCssColorString('#34d399'),
  yellow: Color.fromCssColorString('#fbbf24'),
  red: Color.fromCssColorString('#f87171'),
  paused: Color.fromCssColorString('#94a3b8'),
  none: Color.fromCssColorString('#64748b'),
};
const OUTLINE = Color.fromCssColorString('#050a14');
const SCALE = new NearFarScalar(500, 1.4, 25_000, 0.55);

export function createActiveCaseLayer(ctx: LayerContext, source: CaseSource): LayerHandle {
  const points = ctx.scene.primitives.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;
  const drawn = new Map<string, { mark: CaseMark; point: PointPrimitive }>();
  let shown = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastDraw = 0;

  const style = (point: PointPrimitive, mark: CaseMark, groups: Record<CaseGroup, boolean>) => {
    point.position = Cartesian3.fromDegrees(mark.lon, mark.lat, 6);
    point.color = CLOCK_COLOURS[mark.clock];
    point.pixelSize = mark.size;
    point.show = groups[mark.group];
  };

  const draw = () => {
    timer = undefined;
    lastDraw = performance.now();
    const now = source.now?.() ?? Date.now();
    const groups = ctx.caseGroups?.() ?? { intake: true, dispatch: true, handling: true, checking: true };
    const seen = new Set<string>();
    const marks: CaseMark[] = [];
    for (const c of source.live().cases.values()) {
      const mark = caseMark(c, now);
      if (!mark) continue;
      seen.add(mark.id);
      marks.push(mark);
      const current = drawn.get(mark.id);
      if (current && sameMark(current.mark, mark)) {
        current.point.show = groups[mark.group];
        continue;
      }
      const point =
        current?.point ??
        points.add({
          id: { kind: 'case', id: mark.id, label: mark.label } satisfies MapPick,
          outlineColor: OUTLINE,
          outlineWidth: 1,
          scaleByDistance: SCALE,
        });
      style(point, mark, groups);
      drawn.set(mark.id, { mark, point });
    }
    for (const [id, { point }] of drawn)
      if (!seen.has(id)) {
        points.remove(point);
        drawn.delete(id);
      }
    ctx.dispatch({ type: 'caseCounts', counts: countByGroup(marks) });
    ctx.dispatch({ type: 'count', id: 'cases', count: marks.length });
    ctx.scene.requestRender();
  };
  /**
   * At most one redraw per 250 ms, however fast the stream runs. When the last one is older, at once: a
   * timer would wait behind the frame being rendered (about 0.5 s on a software GPU), so the snapshot's
   * cases would reach the screen a frame later.
   */
  const schedule = () => {
    if (timer !== undefined) return;
    const wait = 250 - (performance.now() - lastDraw);
    if (wait <= 0) draw();
    else timer = setTimeout(draw, wait);
  };

  loading(ctx, 'cases', async () => {
    draw();
    return drawn.size;
  });
  const stopLive = source.onLive(schedule);
  const stopGroups = ctx.onCaseGroups?.(schedule);
  const recolour = setInterval(schedule, 30_000);
  return {
    show(on) {
      shown = on;
      points.show = shown;
      ctx.scene.requestRender();
    },
    dispose() {
      clearTimeout(timer);
      clearInterval(recolour);
      stopLive();
      stopGroups?.();
      if (!points.isDestroyed()) ctx.scene.primitives.remove(points);
    },
  };
}
