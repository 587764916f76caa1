// The time bar (回放时间轴) along the bottom of the map wall while a replay is shown: the period (presets
// or a custom from–to in city time), step back / play-pause / step forward, the speeds, the bar itself
// (drag to seek), the moment shown and the city's figures at that moment, and 退出回放 back to live.
// It only dispatches to the playback slice; the service (live/playback.ts) reads the archive.
import { useState, type FormEvent } from 'react';
import { PLAYBACK_SPEEDS } from '@contract/playback';
import { useAppStore, useStoreApi } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { useT } from '../../i18n/useT';
import { localizedText } from '../../i18n/serverText';
import { wallClock } from '../../i18n/time';
import { serverNow } from '../../state/clock';
import {
  cityInputValue,
  customPeriod,
  PERIOD_PRESETS,
  presetPeriod,
  type PeriodProblem,
} from '../../state/playback';
import { momentCounters } from './counters';
import { usePicture } from './usePicture';
import './playback.css';

export function TimeBar() {
  const t = useT();
  const store = useStoreApi();
  const { picture } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const pb = useAppStore((s) => s.playback);
  const { state, atMs } = usePicture(picture);
  const [custom, setCustom] = useState<{ from: string; to: string } | null>(null);
  const [problem, setProblem] = useState<PeriodProblem | null>(null);
  if (pb.mode !== 'playback') return null;
  const dispatch = store.getState().playbackEvent;
  const now = () => serverNow(store.getState().clock);
  const counters = state ? momentCounters(state, atMs) : null;
  const clock = wallClock(pb.atMs, lang);
  const span = Math.max(1, pb.toMs - pb.fromMs);
  const activePreset = PERIOD_PRESETS.find((p) => {
    const { fromMs, toMs } = presetPeriod(p, pb.toMs);
    return fromMs === pb.fromMs && toMs === pb.toMs;
  });

  const applyCustom = (event: FormEvent) => {
    event.preventDefault();
    if (!custom) return;
    const period = customPeriod(custom.from, custom.to, now());
    if ('problem' in period) {
      setProblem(period.problem);
      return;
    }
    setProblem(null);
    setCustom(null);
    dispatch({ type: 'enterRange', ...period });
  };

  return (
    <section
      className="timebar"
      aria-label={t('pb.bar')}
      data-playback-at={pb.atMs}
      data-playback-status={pb.loading ? 'loading' : pb.playing ? 'playing' : 'paused'}
      data-playback-speed={pb.speed}
    >
      <div className="timebar-row">
        <div className="timebar-periods" role="group" aria-label={t('pb.period')}>
          {PERIOD_PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              className="timebar-chip"
              aria-pressed={activePreset === p && !custom}
              onClick={() => {
                setCustom(null);
                dispatch({ type: 'enter', preset: p, nowMs: now() });
              }}
            >
              {t(`pb.preset.${p}`)}
            </button>
          ))}
          <button
            type="button"
            className="timebar-chip"
            aria-pressed={custom !== null || !activePreset}
            onClick={() =>
              setCustom(custom ? null : { from: cityInputValue(pb.fromMs), to: cityInputValue(pb.toMs) })
            }
          >
            {t('pb.custom')}
          </button>
        </div>
        {counters && (
          <dl className="timebar-counters" aria-label={t('pb.counters')} data-playback-cases={counters.cases}>
            <Figure label={t('pb.cases')} value={counters.cases} />
            <Figure label={t('pb.overdue')} value={counters.overdue} tone={counters.overdue ? 'bad' : ''} />
            <Figure label={t('pb.alarms')} value={counters.alarms} tone={counters.alarms ? 'warn' : ''} />
            <Figure label={t('pb.incidents')} value={counters.incidents} />
          </dl>
        )}
        <button
          type="button"
          className="btn timebar-exit"
          onClick={() => {
            setCustom(null);
            dispatch({ type: 'exit' });
          }}
        >
          {t('pb.exit')}
        </button>
      </div>
      {custom && (
        <form className="timebar-custom" onSubmit={applyCustom} aria-label={t('pb.custom')}>
          <label>
            {t('pb.from')}
            <input
              type="datetime-local"
              value={custom.from}
              onChange={(e) => setCustom({ ...custom, from: e.target.value })}
            />
          </label>
          <label>
            {t('pb.to')}
            <input
              type="datetime-local"
              value={custom.to}
              onChange={(e) => setCustom({ ...custom, to: e.target.value })}
            />
          </label>
          <button type="submit" className="btn">
            {t('pb.apply')}
          </button>
          {problem && (
            <span className="timebar-problem" role="alert">
              {t(`pb.problem.${problem}`)}
            </span>
          )}
        </form>
      )}
      <div className="timebar-row">
        <div className="timebar-transport" role="group">
          <button
            type="button"
            className="timebar-icon"
            aria-label={t('pb.stepBack')}
            onClick={() => dispatch({ type: 'step', direction: -1 })}
          >
            <Icon d="M7 6h2v12H7zM19 6v12l-9-6z" />
          </button>
          <button
            type="button"
            className="timebar-icon timebar-play"
            aria-label={pb.playing ? t('pb.pause') : t('pb.play')}
            onClick={() => dispatch({ type: pb.playing ? 'pause' : 'play' })}
          >
            <Icon d={pb.playing ? 'M7 5h4v14H7zM13 5h4v14h-4z' : 'M8 5v14l11-7z'} />
          </button>
          <button
            type="button"
            className="timebar-icon"
            aria-label={t('pb.stepForward')}
            onClick={() => dispatch({ type: 'step', direction: 1 })}
          >
            <Icon d="M15 6h2v12h-2zM5 6v12l9-6z" />
          </button>
        </div>
        <div className="timebar-speeds" role="group" aria-label={t('pb.speed')}>
          {PLAYBACK_SPEEDS.map((speed) => (
            <button
              key={speed}
              type="button"
              className="timebar-chip"
              aria-pressed={pb.speed === speed}
              onClick={() => dispatch({ type: 'speed', speed })}
            >
              {speed}×
            </button>
          ))}
        </div>
        <input
          className="timebar-track"
          type="range"
          aria-label={t('pb.seek')}
          min={pb.fromMs}
          max={pb.toMs}
          step={1000}
          value={pb.atMs}
          aria-valuetext={`${clock.date} ${clock.time}`}
          style={{ ['--done' as string]: `${((pb.atMs - pb.fromMs) / span) * 100}%` }}
          onChange={(e) => dispatch({ type: 'seek', atMs: Number(e.target.value) })}
        />
        <time className="timebar-time" dateTime={new Date(pb.atMs).toISOString()}>
          <span>{clock.date}</span> <strong>{clock.time}</strong>
        </time>
      </div>
      {(pb.loading || pb.error) && (
        <p className={`timebar-note ${pb.error ? 'timebar-note-error' : ''}`} role="status">
          {pb.error ? t('pb.failed', { reason: localizedText(pb.error, lang) }) : t('pb.loading')}
        </p>
      )}
    </section>
  );
}

function Figure({ label, value, tone = '' }: { label: string; value: number; tone?: string }) {
  return (
    <div className={`timebar-figure ${tone ? `timebar-figure-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>{value.toLocaleString()}</dd>
    </div>
  );
}

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}
