// The leader's case-density view: the 2D analytic deck.gl view (analyticDeck.ts: no basemap, no Cesium
// camera sync; see docs/adr/0009-map-layers-and-deck-heat.md) with a HeatmapLayer of open cases and the
// city outline. deck.gl is loaded on demand, only when the view is opened.
import { z } from 'zod';
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { useT } from '../../i18n/useT';
import { createAnalyticDeck, loadDeck } from './analyticDeck';
import { OPEN_CASE_STATES, heatPoints } from './heat';

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
      const [mods, { HeatmapLayer }] = await Promise.all([loadDeck(), import('@deck.gl/aggregation-layers')]);
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const data = heatPoints(rows, city.center);
      const deck = createAnalyticDeck(mods, {
        canvas,
        city,
        id: 'heat',
        layers: [
          new HeatmapLayer({
            id: 'case-heat',
            data,
            coordinateSystem: mods.core.COORDINATE_SYSTEM.CARTESIAN,
            getPosition: (d: (typeof data)[number]) => d.position,
            getWeight: (d: (typeof data)[number]) => d.weight,
            radiusPixels: 28,
            intensity: 1.4,
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
