// The open incident on the map (emergency command): the site pulsing in its level's colour with
// 300 / 500 / 1,000 m rings, and each unit on its way with its road route and an ETA label. Drawn with
// Cesium entities from the incident store (state/incidents.ts), redrawn when the server's answer changes;
// the vehicles themselves move on the vehicle layer from live GPS. In playback (回放) the units committed
// to each incident open at T are drawn at its site with their status at T (state/playbackUnits.ts).
import type { Entity } from 'cesium';
import {
  CallbackProperty,
  Cartesian2,
  Cartesian3,
  Color,
  HeightReference,
  LabelStyle,
  Material,
  PolylineCollection,
  VerticalOrigin,
  type Viewer,
} from 'cesium';
import { createTimers } from '../../app/timers';
import type { PictureSource } from '../../services/picture';
import { playbackUnits, playbackUnitsKey } from '../../state/playbackUnits';
import { incidentStore, clockText, SITE_RINGS_M, type IncidentDrawerState } from '../../state/incidents';
import { INCIDENT_COLOURS, ROUTE_COLOURS } from '../palette';

/** Playback: the units at T of the incidents open at T, stacked under each site, redrawn when they change. */
function mountPlaybackUnits(viewer: Viewer, picture: PictureSource, lang: () => 'zh' | 'en'): () => void {
  let entities: Entity[] = [];
  let shown = '';
  const clear = () => {
    for (const e of entities) viewer.entities.remove(e);
    entities = [];
  };
  const stop = picture.onPlayback((frame) => {
    const marks = frame ? playbackUnits(frame.state) : [];
    const key = playbackUnitsKey(marks);
    if (key === shown) return;
    shown = key;
    clear();
    for (const m of marks) {
      const colour = Color.fromCssColorString(
        m.status === 'en_route' || m.status === 'dispatched' ? ROUTE_COLOURS.enRoute : ROUTE_COLOURS.other,
      );
      entities.push(
        viewer.entities.add({
          id: `playback-unit:${m.id}`,
          position: Cartesian3.fromDegrees(m.lon, m.lat, 12),
          label: {
            text: `${m.label.split(' ')[0] ?? m.label} · ${m.statusText[lang()]}`,
            font: '13px sans-serif',
            fillColor: colour,
            outlineColor: Color.BLACK,
            outlineWidth: 3,
            style: LabelStyle.FILL_AND_OUTLINE,
            verticalOrigin: VerticalOrigin.TOP,
            pixelOffset: new Cartesian2(0, 16 + 17 * m.row),
            disableDepthTestDistance: Number.POSITIVE_INFINITY,
          },
        }),
      );
    }
    if (frame) document.body.dataset.playbackUnits = String(marks.length);
    else delete document.body.dataset.playbackUnits;
    viewer.scene.requestRender();
  });
  return () => {
    stop();
    clear();
    delete document.body.dataset.playbackUnits;
  };
}

export function mountIncidentLayer(
  viewer: Viewer,
  playback?: { picture: PictureSource; lang: () => 'zh' | 'en' },
): () => void {
  const disposeUnits = playback ? mountPlaybackUnits(viewer, playback.picture, playback.lang) : () => {};
  let entities: Entity[] = [];
  const lines = viewer.scene.primitives.add(new PolylineCollection()) as PolylineCollection;
  const clear = () => {
    for (const e of entities) viewer.entities.remove(e);
    entities = [];
    lines.removeAll();
  };
  const add = (e: Entity.ConstructorOptions) => entities.push(viewer.entities.add(e));

  const draw = (s: IncidentDrawerState) => {
    clear();
    const v = s.view;
    if (!v) {
      delete document.body.dataset.incidentLayer;
      viewer.scene.requestRender();
      return;
    }
    const colour = Color.fromCssColorString(INCIDENT_COLOURS[v.level] ?? '#ef4444');
    const site = Cartesian3.fromDegrees(v.lon, v.lat);
    const started = performance.now();
    add({
      id: `incident-site:${v.id}`,
      position: site,
      point: {
        pixelSize: new CallbackProperty(() => 14 + 6 * Math.sin((performance.now() - started) / 250), false),
        color: colour,
        outlineColor: Color.WHITE,
        outlineWidth: 2,
        heightReference: HeightReference.CLAMP_TO_GROUND,
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      },
    });
    // rings and routes as plain polylines (synchronous, no geometry workers), a few metres up
    for (const r of SITE_RINGS_M) {
      const ring: number[] = [];
      for (let k = 0; k <= 72; k++) {
        const a = (k / 72) * 2 * Math.PI;
        ring.push(
          v.lon + (Math.sin(a) * r) / (111_320 * Math.cos((v.lat * Math.PI) / 180)),
          v.lat + (Math.cos(a) * r) / 110_950,
          5,
        );
      }
      lines.add({
        positions: Cartesian3.fromDegreesArrayHeights(ring),
        width: r === 300 ? 3 : 2,
        material: Material.fromType('Color', {
          color: colour.withAlpha(r === 300 ? 0.95 : r === 500 ? 0.7 : 0.45),
        }),
      });
    }
    const status = new Map(v.units.map((u) => [u.id, u]));
    // units starting at the same place (one depot) stack their labels instead of overprinting them
    const starts = new Map<string, number>();
    const stacked = (lon: number, lat: number) => {
      const k = `${lon.toFixed(4)},${lat.toFixed(4)}`;
      const n = starts.get(k) ?? 0;
      starts.set(k, n + 1);
      return n;
    };
    for (const route of s.routes) {
      const unit = status.get(route.unitId);
      const positions = Cartesian3.fromDegreesArrayHeights(route.path.flatMap(([x, y]) => [x, y, 6]));
      const lineColour = Color.fromCssColorString(
        unit?.status === 'en_route' ? ROUTE_COLOURS.enRoute : ROUTE_COLOURS.other,
      );
      lines.add({ positions, width: 4, material: Material.fromType('Color', { color: lineColour }) });
      const [lon, lat] = route.path[0] as [number, number];
      add({
        position: Cartesian3.fromDegrees(lon, lat, 12),
        label: {
          text: `${unit?.label.split(' ')[0] ?? route.unitId}  ETA ${clockText(unit?.etaS ?? route.etaS)}`,
          font: '14px sans-serif',
          fillColor: Color.WHITE,
          outlineColor: Color.BLACK,
          outlineWidth: 3,
          style: LabelStyle.FILL_AND_OUTLINE,
          verticalOrigin: VerticalOrigin.BOTTOM,
          pixelOffset: new Cartesian2(0, -10 - 18 * stacked(lon, lat)),
          disableDepthTestDistance: Number.POSITIVE_INFINITY,
        },
      });
    }
    document.body.dataset.incidentLayer = `${v.id}:${s.routes.length}`;
    viewer.scene.requestRender();
  };

  draw(incidentStore.getState());
  const unsubscribe = incidentStore.subscribe((s, prev) => {
    if (s.view !== prev.view || s.routes !== prev.routes) draw(s);
  });
  // the pulse needs frames while an incident is open
  const timers = createTimers();
  timers.every(250, () => {
    if (incidentStore.getState().view) viewer.scene.requestRender();
  });
  return () => {
    disposeUnits();
    unsubscribe();
    timers.dispose();
    clear();
    viewer.scene.primitives.remove(lines);
  };
}
