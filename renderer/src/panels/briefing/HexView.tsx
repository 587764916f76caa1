// Hot spots: the period's cases as hexagon density in a 2D deck.gl view (OrthographicView over metres
// around the city centre, no basemap, no Cesium camera: the analytic view of ADR 0009), with the city
// outline. deck.gl is loaded on demand.
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { fitBounds, project } from '../../map/deck/heat';
import { useViewportKey } from './useViewport';

const COLORS: [number, number, number][] = [
  [30, 64, 175],
  [37, 99, 235],
  [56, 189, 248],
  [250, 204, 21],
  [249, 115, 22],
  [220, 38, 38],
];

export function HexView({ points, label }: { points: [number, number][]; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const city = useAppStore((s) => s.city.config);
  const viewport = useViewportKey();
  useEffect(() => {
    let cancelled = false;
    let finalize = () => {};
    const canvas = ref.current;
    if (!canvas) return;
    canvas.dataset.hexReady = 'loading';
    const run = async () => {
      const [{ Deck, OrthographicView, COORDINATE_SYSTEM }, { HexagonLayer }, { PathLayer }] =
        await Promise.all([
          import('@deck.gl/core'),
          import('@deck.gl/aggregation-layers'),
          import('@deck.gl/layers'),
        ]);
      if (cancelled) return;
      // A previous deck fixed the canvas's size in pixels: let the box size it again.
      canvas.style.width = '';
      canvas.style.height = '';
      const centre = city.center;
      const [w, s, e, n] = city.bounds;
      const outline = [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ].map(([lon = 0, lat = 0]) => project(lon, lat, centre));
      const data = points.map(([lon, lat]) => project(lon, lat, centre));
      const deck = new Deck({
        canvas,
        width: canvas.clientWidth,
        height: canvas.clientHeight,
        views: new OrthographicView({ id: 'hex', flipY: false }),
        initialViewState: fitBounds(city.bounds, centre, canvas.clientWidth, canvas.clientHeight),
        controller: true,
        layers: [
          new HexagonLayer<[number, number]>({
            id: 'case-hex',
            data,
            coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
            getPosition: (d) => [d[0], d[1]],
            radius: 350,
            coverage: 0.92,
            colorRange: COLORS,
            extruded: false,
            opacity: 0.85,
          }),
          new PathLayer({
            id: 'city-outline',
            data: [{ path: outline }],
            coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
            getPath: (d: { path: [number, number][] }) => d.path,
            getColor: [34, 211, 238, 200],
            getWidth: 2,
            widthUnits: 'pixels',
          }),
        ],
        onAfterRender: () => {
          canvas.dataset.hexReady = 'true';
          canvas.dataset.hexSize = viewport;
        },
      });
      finalize = () => deck.finalize();
    };
    run().catch((error: unknown) => {
      console.warn('hex view failed', error);
      canvas.dataset.hexReady = 'error';
    });
    return () => {
      cancelled = true;
      finalize();
    };
  }, [points, city, viewport]);
  return (
    <div className="brief-hex-box">
      <canvas ref={ref} className="brief-hex" aria-label={label} data-hex-count={points.length} />
    </div>
  );
}
