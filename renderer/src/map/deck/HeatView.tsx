// The leader's case-density view: a 2D deck.gl canvas (OrthographicView, no basemap, no Cesium camera
// sync; see docs/adr/0009-map-layers-and-deck-heat.md) with a HeatmapLayer of open cases and the city
// outline. deck.gl is loaded on demand, only when the view is opened.
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { useT } from '../../i18n/useT';
import { OPEN_CASE_STATES, fitBounds, heatPoints, project } from './heat';

const CaseRows = z.object({
  items: z.array(z.object({ lon: z.number(), lat: z.number(), urgency: z.string().optional() })),
  total: z.number(),
});
type CaseRow = z.infer<typeof CaseRows>['items'][number];

const PAGE = 1000;
const MAX_PAGES = 20;

export function HeatView({ onCount }: { onCount(count: number): void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const city = useAppStore((s) => s.city.config);
  const { api } = useServices();
  const [count, setCount] = useState<number | null>(null);
  const t = useT();

  useEffect(() => {
    let cancelled = false;
    let finalize = () => {};
    const run = async () => {
      const rows: CaseRow[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const { items, total } = await api.get(
          `/cases?state=${OPEN_CASE_STATES.join(',')}&limit=${PAGE}&offset=${page * PAGE}`,
          CaseRows,
        );
        rows.push(...items);
        if (cancelled || rows.length >= total || items.length < PAGE) break;
      }
      const [{ Deck, OrthographicView }, { HeatmapLayer }, { PathLayer }] = await Promise.all([
        import('@deck.gl/core'),
        import('@deck.gl/aggregation-layers'),
        import('@deck.gl/layers'),
      ]);
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const centre = city.center;
      const [w, s, e, n] = city.bounds;
      const outline = [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ].map(([lon = 0, lat = 0]) => project(lon, lat, centre));
      const data = heatPoints(rows, centre);
      const deck = new Deck({
        canvas,
        width: canvas.clientWidth,
        height: canvas.clientHeight,
        views: new OrthographicView({ id: 'heat', flipY: false }),
        initialViewState: fitBounds(city.bounds, centre, canvas.clientWidth, canvas.clientHeight),
        controller: true,
        layers: [
          new HeatmapLayer({
            id: 'case-heat',
            data,
            getPosition: (d: (typeof data)[number]) => d.position,
            getWeight: (d: (typeof data)[number]) => d.weight,
            radiusPixels: 28,
            intensity: 1.4,
          }),
          new PathLayer({
            id: 'city-outline',
            data: [{ path: outline }],
            getPath: (d: { path: [number, number][] }) => d.path,
            getColor: [34, 211, 238, 200],
            getWidth: 2,
            widthUnits: 'pixels',
          }),
        ],
        onAfterRender: () => {
          document.body.dataset.heatReady = 'true';
        },
      });
      finalize = () => deck.finalize();
      setCount(data.length);
      onCount(data.length);
    };
    run().catch((error: unknown) => {
      console.warn('case heat failed', error);
      document.body.dataset.heatReady = 'error';
    });
    return () => {
      cancelled = true;
      finalize();
      delete document.body.dataset.heatReady;
    };
  }, [api, city, onCount]);

  return (
    <figure className="heat-view" aria-label={t('layers.heat')}>
      <figcaption>{count === null ? t('heat.loading') : t('heat.title', { count })}</figcaption>
      <canvas ref={canvasRef} />
    </figure>
  );
}
