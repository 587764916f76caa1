// Hot spots: the period's cases as hexagon density in the 2D analytic deck.gl view (map/deck/analyticDeck.ts,
// ADR 0009), with the city outline. deck.gl is loaded on demand.
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { createAnalyticDeck, loadDeck } from '../../map/deck/analyticDeck';
import { project } from '../../map/deck/heat';
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
      const [mods, { HexagonLayer }] = await Promise.all([loadDeck(), import('@deck.gl/aggregation-layers')]);
      if (cancelled) return;
      const centre = city.center;
      const data = points.map(([lon, lat]) => project(lon, lat, centre));
      const deck = createAnalyticDeck(mods, {
        canvas,
        city,
        id: 'hex',
        layers: [
          new HexagonLayer<[number, number]>({
            id: 'case-hex',
            data,
            coordinateSystem: mods.core.COORDINATE_SYSTEM.CARTESIAN,
            getPosition: (d) => [d[0], d[1]],
            radius: 350,
            coverage: 0.92,
            colorRange: COLORS,
            extruded: false,
            opacity: 0.85,
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
