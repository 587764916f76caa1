// Playback (回放) on the map: each vehicle's track over the last TRACK_TAIL_MS up to the moment shown (one
// polyline per vehicle, updated in place), the vehicle itself at its fix at T (one point per vehicle), and
// the incidents active at T (a point per site). Fed by the picture source's playback frames
// (live/picture.ts); drawn only while a replay is shown, when the live vehicle layer is hidden. Frames come
// at up to 60 a second at 600x: the layer gathers them and redraws at most every TRACK_REDRAW_MS, and only
// the tracks that changed.
import {
  BlendOption,
  Cartesian3,
  Color,
  Material,
  NearFarScalar,
  PointPrimitiveCollection,
  PolylineCollection,
  type PointPrimitive,
  type Polyline,
  type Scene,
} from 'cesium';
import { createTimers } from '../../app/timers';
import type { PictureSource, PlaybackFrame } from '../../services/picture';
import type { MapPick } from '../../state/layers';
import { advance, tailsAt, type Tails } from '../../state/playbackTracks';

const TRACK_REDRAW_MS = 100;
const PLAYBACK = Color.fromCssColorString('#818cf8');
const HEAD = Color.fromCssColorString('#eef2ff');
const TRACK = PLAYBACK.withAlpha(0.95);
/** dark edge: the track reads on the light base map and on the dark globe alike */
const TRACK_OUTLINE = Color.fromCssColorString('#1e1b4b');
const INCIDENT = [
  Color.fromCssColorString('#ef4444'),
  Color.fromCssColorString('#ef4444'),
  Color.fromCssColorString('#f97316'),
  Color.fromCssColorString('#facc15'),
  Color.fromCssColorString('#3b82f6'),
];
const HEAD_SCALE = new NearFarScalar(1_500, 1, 12_000, 0.6);

export function mountTrackLayer(scene: Scene, picture: Pick<PictureSource, 'onPlayback'>): () => void {
  const lines = scene.primitives.add(new PolylineCollection()) as PolylineCollection;
  const heads = scene.primitives.add(
    new PointPrimitiveCollection({ blendOption: BlendOption.TRANSLUCENT }),
  ) as PointPrimitiveCollection;
  const sites = scene.primitives.add(new PointPrimitiveCollection()) as PointPrimitiveCollection;
  const lineById = new Map<string, Polyline>();
  const headById = new Map<string, PointPrimitive>();
  let tails: Tails = new Map();
  let latest: PlaybackFrame | null = null;
  /** tracks changed since the last redraw; null: all of them (after a seek) */
  let dirty: Set<string> | null = new Set();
  const timers = createTimers();
  let lastDraw = 0;

  const clear = () => {
    lines.removeAll();
    heads.removeAll();
    sites.removeAll();
    lineById.clear();
    headById.clear();
    tails = new Map();
    delete document.body.dataset.playbackTracks;
  };

  const drawTrack = (id: string) => {
    const tail = tails.get(id);
    const line = lineById.get(id);
    if (!tail || tail.length < 2) {
      if (line) lines.remove(line);
      lineById.delete(id);
      return;
    }
    const positions = tail.map((p) => Cartesian3.fromDegrees(p.lon, p.lat, 5));
    if (line) line.positions = positions;
    // A polyline destroys its material when removed: each has its own.
    else {
      const material = Material.fromType('PolylineOutline', {
        color: TRACK,
        outlineColor: TRACK_OUTLINE,
        outlineWidth: 1.5,
      });
      lineById.set(id, lines.add({ positions, width: 5, material }));
    }
  };

  const draw = () => {
    lastDraw = performance.now();
    const frame = latest;
    if (!frame) return;
    if (dirty === null) {
      for (const line of lineById.values()) lines.remove(line);
      lineById.clear();
      for (const id of tails.keys()) drawTrack(id);
    } else for (const id of dirty) drawTrack(id);
    dirty = new Set();
    // Heads: the fleet at T (a few hundred points: moved in place, added and removed as they change).
    for (const [id, fix] of frame.vehicles) {
      const position = Cartesian3.fromDegrees(fix.lon, fix.lat, 6);
      const point = headById.get(id);
      if (point) point.position = position;
      else
        headById.set(
          id,
          heads.add({
            id: { kind: 'vehicle', id, label: id } satisfies MapPick,
            position,
            color: HEAD,
            pixelSize: 8,
            outlineColor: PLAYBACK,
            outlineWidth: 2,
            scaleByDistance: HEAD_SCALE,
          }),
        );
    }
    for (const [id, point] of headById)
      if (!frame.vehicles.has(id)) {
        heads.remove(point);
        headById.delete(id);
      }
    // Incident sites at T (few): redrawn whole.
    sites.removeAll();
    for (const incident of frame.state.incidents.values())
      sites.add({
        position: Cartesian3.fromDegrees(incident.lon, incident.lat, 8),
        color: INCIDENT[incident.severity] ?? INCIDENT[1],
        pixelSize: 16,
        outlineColor: Color.WHITE,
        outlineWidth: 2,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
    let points = 0;
    for (const tail of tails.values()) points += tail.length;
    document.body.dataset.playbackTracks = `${headById.size}:${lineById.size}:${points}`;
    scene.requestRender();
  };

  /** At most one redraw per TRACK_REDRAW_MS; at once when the last one is older. */
  const redraw = timers.atMostEvery(TRACK_REDRAW_MS, draw);
  const schedule = () => (performance.now() - lastDraw >= TRACK_REDRAW_MS ? redraw.now() : redraw.request());

  const stop = picture.onPlayback((frame) => {
    if (!frame) {
      redraw.cancel();
      latest = null;
      clear();
      scene.requestRender();
      return;
    }
    latest = frame;
    if (frame.kind === 'seek') {
      tails = tailsAt(frame.fixes, frame.atMs);
      dirty = null;
    } else {
      const changed = advance(tails, frame.fixes, frame.atMs);
      if (dirty) for (const id of changed) dirty.add(id);
    }
    schedule();
  });

  return () => {
    stop();
    timers.dispose();
    for (const collection of [lines, heads, sites])
      if (!collection.isDestroyed()) scene.primitives.remove(collection);
    delete document.body.dataset.playbackTracks;
  };
}
