// Vehicle tracks on the briefing: the GPS history (GET /api/playback/tracks) as animated TripsLayer
// trails, coloured by vehicle kind, in the shared 2D analytic deck.gl view (map/deck/analyticDeck.ts).
// Every vehicle over the last hour, or one chosen team over a chosen day (today, yesterday or any kept
// day), filtered by the server. The period plays in a loop (a day in two minutes) under a city-time label.
import { useEffect, useMemo, useRef, useState } from 'react';
import { TEAM_KINDS } from '@contract/city';
import { useAppStore, useStoreApi } from '../../app/StoreContext';
import { createTimers } from '../../app/timers';
import { createAnalyticDeck, loadDeck } from '../../map/deck/analyticDeck';
import {
  KIND_COLORS,
  OTHER_COLOR,
  clockLabel,
  cityDay,
  keptDayList,
  loopMsOf,
  loopTime,
  type Rgb,
  type Trip,
} from '../../map/deck/tracks';
import { useT } from '../../i18n/useT';
import { serverNow } from '../../state/clock';
import { findDepartment } from '../../state/reference';
import { kindText } from '../incident/text';
import { useLoaded } from './data';
import { Fleet, loadTracks, teamName, type TracksChoice } from './tracksData';
import { useViewportKey } from './useViewport';
import './board.css';

/** ten frames a second: the wall shares two cores with everything else */
const FRAME_MS = 100;
/** the trail behind each vehicle: ten minutes of an hour, thirty of a day */
const trailOf = (periodS: number) => (periodS > 7200 ? 1800 : 600);

const css = (c: Rgb) => `rgb(${c.join(',')})`;

export function TracksView() {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const city = useAppStore((s) => s.city.config);
  const reference = useAppStore((s) => s.reference);
  const store = useStoreApi();
  const viewport = useViewportKey();
  const ref = useRef<HTMLCanvasElement>(null);
  const clockRef = useRef<HTMLSpanElement>(null);
  const [choice, setChoice] = useState<TracksChoice>({ team: '' });
  const nowMs = () => serverNow(store.getState().clock);
  const today = cityDay(nowMs());

  const fleet = useLoaded('fleet', (get) => get('/vehicles', Fleet));
  const teams = useMemo(
    () => (fleet.status === 'ready' ? [...fleet.data.teams].sort((a, b) => a.id.localeCompare(b.id)) : []),
    [fleet],
  );
  const state = useLoaded(
    `tracks|${choice.team}|${choice.day ?? ''}|${city.center.lon},${city.center.lat}`,
    (get) => loadTracks(get, choice, nowMs(), city.center),
  );
  const data = state.status === 'ready' ? state.data : null;
  const days = keptDayList(nowMs(), data?.keptDays ?? 7);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !data) return;
    let cancelled = false;
    let finalize = () => {};
    canvas.dataset.tracksReady = 'loading';
    delete canvas.dataset.tracks;
    const run = async () => {
      const [mods, { TripsLayer }] = await Promise.all([loadDeck(), import('@deck.gl/geo-layers')]);
      if (cancelled) return;
      // Line widths follow the type size, which follows the display (a 3840×2160 wall draws them twice as wide).
      const px = parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;
      // The whole period's routes, faint, under the moving trails: a still picture shows where they went.
      const routes = new mods.layers.PathLayer<Trip>({
        id: 'vehicle-routes',
        data: data.trips,
        coordinateSystem: mods.core.COORDINATE_SYSTEM.CARTESIAN,
        getPath: (d) => d.path,
        getColor: (d) => [...d.color, 90],
        widthUnits: 'pixels',
        getWidth: 2 * px,
        jointRounded: true,
      });
      const layer = (currentTime: number, trailLength: number) => [
        routes,
        new TripsLayer<Trip>({
          id: 'vehicle-trips',
          data: data.trips,
          coordinateSystem: mods.core.COORDINATE_SYSTEM.CARTESIAN,
          getPath: (d) => d.path,
          getTimestamps: (d) => d.timestamps,
          getColor: (d) => d.color,
          widthMinPixels: 3 * px,
          capRounded: true,
          jointRounded: true,
          fadeTrail: true,
          trailLength,
          currentTime,
        }),
      ];
      // The first frame shows the whole period's trails, so a still picture (print, screenshot) has them.
      const view = createAnalyticDeck(mods, {
        canvas,
        city,
        id: 'tracks',
        layers: layer(data.periodS, data.periodS),
        onAfterRender: () => {
          canvas.dataset.tracksReady = 'true';
          canvas.dataset.tracksSize = viewport;
          canvas.dataset.tracks = `${data.team || 'all'}:${data.trips.length}`;
        },
      });
      if (clockRef.current) clockRef.current.textContent = clockLabel(data.fromMs, data.periodS);
      const loopMs = loopMsOf(data.periodS);
      const trail = trailOf(data.periodS);
      const timers = createTimers();
      timers.every(FRAME_MS, () => {
        const time = loopTime(performance.now(), data.periodS, loopMs);
        view.setLayers(layer(time, trail));
        if (clockRef.current) clockRef.current.textContent = clockLabel(data.fromMs, time);
      });
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

  const chooseTeam = (team: string) => setChoice(team ? { team, day: choice.day ?? today } : { team: '' });
  const chooseDay = (day: string) => choice.team && day && setChoice({ team: choice.team, day });
  const dayLabel = choice.team ? (choice.day === today ? t('brief.tracks.today') : choice.day) : null;
  return (
    <figure className="brief-hotspots brief-tracks" data-tracks-team={choice.team || 'all'}>
      <figcaption className="brief-tracks-head">
        <span>{t('brief.tracks')}</span>
        <select
          aria-label={t('brief.tracks.team')}
          value={choice.team}
          onChange={(e) => chooseTeam(e.target.value)}
        >
          <option value="">{t('brief.tracks.allLastHour')}</option>
          {TEAM_KINDS.map((kind) => (
            <optgroup key={kind} label={kindText(lang, kind)}>
              {teams
                .filter((team) => team.kind === kind)
                .map((team) => (
                  <option key={team.id} value={team.id}>
                    {teamName(team, lang, findDepartment(reference, team.departmentId)?.nameEn)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <span className="brief-tracks-days" role="group" aria-label={t('brief.tracks.day')}>
          {[0, 1].map((back) => (
            <button
              key={back}
              type="button"
              disabled={!choice.team}
              aria-pressed={!!choice.team && choice.day === days[back]}
              onClick={() => chooseDay(days[back] ?? today)}
            >
              {t(back === 0 ? 'brief.tracks.today' : 'brief.tracks.yesterday')}
            </button>
          ))}
          <input
            type="date"
            aria-label={t('brief.tracks.date')}
            disabled={!choice.team}
            min={days.at(-1)}
            max={today}
            value={choice.day ?? today}
            onChange={(e) => chooseDay(e.target.value)}
          />
        </span>
        <span className="brief-tracks-status">
          {state.status === 'error'
            ? t('brief.tracks.failed', { reason: state.reason })
            : data
              ? t(data.truncated ? 'brief.tracks.countTruncated' : 'brief.tracks.count', {
                  count: data.vehicles,
                })
              : t('brief.tracks.loading')}
        </span>
      </figcaption>
      <div className="brief-hex-box">
        <canvas
          ref={ref}
          className="brief-hex"
          aria-label={t('brief.tracks')}
          data-tracks-count={data ? data.trips.length : ''}
          data-tracks-vehicles={data ? data.vehicles : ''}
        />
        <p className="brief-tracks-clock" aria-live="off">
          {dayLabel ?? t('brief.tracks.lastHour')} <span ref={clockRef}>--:--</span>
        </p>
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
