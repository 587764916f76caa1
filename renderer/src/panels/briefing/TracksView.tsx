// Vehicle tracks of the last hour on the briefing: every vehicle's GPS history (GET /api/playback/tracks)
// as an animated TripsLayer trail, coloured by vehicle kind, in the shared 2D analytic deck.gl view
// (map/deck/analyticDeck.ts). The hour plays in a loop of LOOP_MS; loaded again with the briefing's data.
import { useEffect, useRef } from 'react';
import { TEAM_KINDS } from '@contract/city';
import type { PlaybackTracks } from '@contract/playback';
import { useAppStore, useStoreApi } from '../../app/StoreContext';
import { createTimers } from '../../app/timers';
import { createAnalyticDeck, loadDeck } from '../../map/deck/analyticDeck';
import { KIND_COLORS, loopTime, OTHER_COLOR, tripsOf, type Rgb, type Trip } from '../../map/deck/tracks';
import { useT } from '../../i18n/useT';
import { serverNow } from '../../state/clock';
import { kindText } from '../incident/text';
import { useLoaded } from './data';
import { useViewportKey } from './useViewport';
import './board.css';

const HOUR_S = 3600;
/** the hour plays in one minute */
const LOOP_MS = 60_000;
/** ten frames a second: the wall shares two cores with everything else */
const FRAME_MS = 100;
/** ten minutes of trail behind each vehicle */
const TRAIL_S = 600;

interface Loaded {
  fromMs: number;
  trips: Trip[];
}

const css = (c: Rgb) => `rgb(${c.join(',')})`;

export function TracksView() {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const city = useAppStore((s) => s.city.config);
  const store = useStoreApi();
  const viewport = useViewportKey();
  const ref = useRef<HTMLCanvasElement>(null);
  const state = useLoaded<Loaded>(`tracks|${city.center.lon},${city.center.lat}`, async (get) => {
    const toMs = serverNow(store.getState().clock);
    const fromMs = toMs - HOUR_S * 1000;
    const q = `from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}`;
    const [tracks, vehicles] = await Promise.all([
      get<PlaybackTracks>(`/playback/tracks?${q}`),
      get<{ vehicles: Array<{ id: string; kind: string }> }>('/vehicles'),
    ]);
    const kinds = new Map(vehicles.vehicles.map((v) => [v.id, v.kind]));
    return { fromMs, trips: tripsOf(tracks.fixes, kinds, city.center, fromMs) };
  });
  const data = state.status === 'ready' ? state.data : null;

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !data) return;
    let cancelled = false;
    let finalize = () => {};
    canvas.dataset.tracksReady = 'loading';
    const run = async () => {
      const [mods, { TripsLayer }] = await Promise.all([loadDeck(), import('@deck.gl/geo-layers')]);
      if (cancelled) return;
      const layer = (currentTime: number) =>
        new TripsLayer<Trip>({
          id: 'vehicle-trips',
          data: data.trips,
          coordinateSystem: mods.core.COORDINATE_SYSTEM.CARTESIAN,
          getPath: (d) => d.path,
          getTimestamps: (d) => d.timestamps,
          getColor: (d) => d.color,
          widthMinPixels: 3,
          capRounded: true,
          jointRounded: true,
          fadeTrail: true,
          trailLength: TRAIL_S,
          currentTime,
        });
      // the first frame shows the whole hour's end, so a still picture (print, screenshot) has the trails
      const view = createAnalyticDeck(mods, {
        canvas,
        city,
        id: 'tracks',
        layers: [layer(HOUR_S)],
        onAfterRender: () => {
          canvas.dataset.tracksReady = 'true';
          canvas.dataset.tracksSize = viewport;
        },
      });
      const timers = createTimers();
      timers.every(FRAME_MS, () => view.setLayers([layer(loopTime(performance.now(), HOUR_S, LOOP_MS))]));
      finalize = () => {
        timers.dispose();
        view.finalize();
      };
    };
    run().catch((error: unknown) => {
      console.warn('tracks view failed', error);
      canvas.dataset.tracksReady = 'error';
    });
    return () => {
      cancelled = true;
      finalize();
    };
  }, [data, city, viewport]);

  const vehicles = data ? new Set(data.trips.map((trip) => trip.vehicleId)).size : 0;
  return (
    <figure className="brief-hotspots brief-tracks">
      <figcaption>
        {t('brief.tracks')}
        {' · '}
        {state.status === 'error'
          ? t('brief.tracks.failed', { reason: state.reason })
          : data
            ? t('brief.tracks.count', { count: vehicles })
            : t('brief.tracks.loading')}
      </figcaption>
      <div className="brief-hex-box">
        <canvas
          ref={ref}
          className="brief-hex"
          aria-label={t('brief.tracks')}
          data-tracks-count={data ? data.trips.length : ''}
        />
        <ul className="brief-tracks-legend" aria-label={t('brief.tracks.legend')}>
          {TEAM_KINDS.map((kind) => (
            <li key={kind}>
              <i style={{ background: css(KIND_COLORS[kind]) }} />
              {kindText(lang, kind)}
            </li>
          ))}
          <li>
            <i style={{ background: css(OTHER_COLOR) }} />
            {t('brief.tracks.other')}
          </li>
        </ul>
      </div>
    </figure>
  );
}
