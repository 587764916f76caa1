// Every active case the user may see, from the live stream's picture (contract/live-state.ts; marks in
// caseMarks.ts): one PointPrimitiveCollection, updated by difference at most every 250 ms (10,000 cases
// redraw only what changed), colours re-evaluated every 30 s as deadlines pass. Clicking a case opens
// it in the drawer (mount.ts: the one click path).
import { Cartesian3, NearFarScalar, type PointPrimitive } from 'cesium';
import { createTimers } from '../../app/timers';
import type { CaseGroup, MapPick } from '../../state/layers';
import { CLOCK_COLOURS } from '../palette';
import { loading } from './context';
import { caseMark, countByGroup, sameMark, type CaseMark } from './caseMarks';
import { colour, OUTLINE, pointCollection, removeAll } from './draw';
import type { MapLayer } from './layer';

const SCALE = new NearFarScalar(500, 1.4, 25_000, 0.55);
const ALL_GROUPS: Record<CaseGroup, boolean> = {
  intake: true,
  dispatch: true,
  handling: true,
  checking: true,
};

export const activeCaseLayer: MapLayer = {
  id: 'cases',
  available: (ctx) => !!ctx.cases,
  create(ctx) {
    const source = ctx.cases;
    if (!source) throw new Error('the active-case layer needs the live picture');
    const timers = createTimers();
    const points = pointCollection(ctx.scene);
    const drawn = new Map<string, { mark: CaseMark; point: PointPrimitive }>();
    let lastDraw = 0;

    const style = (point: PointPrimitive, mark: CaseMark, groups: Record<CaseGroup, boolean>) => {
      point.position = Cartesian3.fromDegrees(mark.lon, mark.lat, 6);
      point.color = colour(CLOCK_COLOURS[mark.clock]);
      point.pixelSize = mark.size;
      point.show = groups[mark.group];
    };

    const draw = () => {
      if (points.isDestroyed()) return;
      lastDraw = performance.now();
      const now = source.now?.() ?? Date.now();
      const groups = ctx.caseGroups?.() ?? ALL_GROUPS;
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
    const redraw = timers.atMostEvery(250, draw);
    const schedule = () => (performance.now() - lastDraw >= 250 ? redraw.now() : redraw.request());

    loading(ctx, 'cases', async () => {
      draw();
      return drawn.size;
    });
    const stopLive = source.onLive(schedule);
    const stopGroups = ctx.onCaseGroups?.(schedule);
    timers.every(30_000, schedule);
    return {
      show(on) {
        if (!points.isDestroyed()) points.show = on;
        // Switched off, the clocks' 30 s redraw stops; switched on, they are redrawn at once.
        if (on && timers.paused) {
          timers.resume();
          schedule();
        } else if (!on) timers.pause();
        ctx.scene.requestRender();
      },
      dispose() {
        timers.dispose();
        stopLive();
        stopGroups?.();
        removeAll(ctx.scene, points);
      },
    };
  },
};
