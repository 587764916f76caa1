// The trainer's drill console (workspace tab 演练): the shipped scenarios with a start button, the running
// drill with its scenario clock, pause/resume, speed (1, 2, 5, 10, 60 ×), stop, its address and port and
// 加入演练 (a new window on the drill node, where trainees sign in as in live), and the review (复盘) of
// any drill. Polls GET /api/drills every second while shown.
import { DRILL_SPEEDS, type DrillInfoView, type DrillScenario } from '@contract/drills';
import { useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { createTimers } from '../../app/timers';
import { openDrill, type DrillControl } from '../../services/drills';
import { messageOf } from '../../services/api';
import { localizedText } from '../../i18n/serverText';
import { formatTime } from '../../i18n/time';
import { useT } from '../../i18n/useT';
import { clockText, joinUrl, portOf } from '../../state/drills';
import { DrillReviewPage } from './DrillReviewPage';
import './drill.css';

export function DrillConsole() {
  const t = useT();
  const { drills } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const [scenarios, setScenarios] = useState<DrillScenario[]>([]);
  const [list, setList] = useState<DrillInfoView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reviewing, setReviewing] = useState<string | null>(null);

  const fail = useCallback((e: unknown) => setError(localizedText(messageOf(e), lang)), [lang]);
  const reload = useCallback(() => {
    drills.list().then((l) => {
      setList(l);
      setError(null);
    }, fail);
  }, [drills, fail]);
  useEffect(() => {
    drills.scenarios().then(setScenarios, fail);
  }, [drills, fail]);
  useEffect(() => {
    reload();
    const timers = createTimers();
    timers.every(1000, reload);
    return () => timers.dispose();
  }, [reload]);

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
      setError(null);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
      reload();
    }
  };
  const running = list?.find((d) => d.status === 'running') ?? null;
  // ended drills, kept across restarts by the server's register: stopped, interrupted, or deleted (purged)
  const finished = (list ?? []).filter((d) => d.status !== 'running').reverse();
  const remove = (id: string) => {
    if (window.confirm(t('drill.deleteConfirm', { id }))) void act(() => drills.remove(id));
  };
  const nameOf = (id: string | null) => {
    const s = scenarios.find((x) => x.id === id);
    return s ? (lang === 'zh' ? s.name : s.nameEn) : t('drill.noScript');
  };

  return (
    <div className="drill-console" data-drills={list === null ? 'loading' : String(list.length)}>
      {error && (
        <p className="queue-error" role="alert">
          {error}
        </p>
      )}
      <h3 className="section-title">{t('drill.running')}</h3>
      {running ? (
        <RunningDrill
          drill={running}
          name={nameOf(running.scenarioId)}
          steps={scenarios.find((s) => s.id === running.scenarioId)?.steps.length ?? 0}
          busy={busy}
          onControl={(c) => act(() => drills.control(running.id, c))}
          onStop={() => act(() => drills.stop(running.id))}
          onReview={() => setReviewing(running.id)}
        />
      ) : (
        <p className="queue-empty">{t('drill.none')}</p>
      )}
      <h3 className="section-title">{t('drill.scenarios')}</h3>
      <ul className="drill-list">
        {scenarios.map((s) => (
          <li key={s.id} className="drill-card" data-scenario={s.id}>
            <div className="drill-card-title">
              <span>{lang === 'zh' ? s.name : s.nameEn}</span>
            </div>
            <p className="drill-scenario-desc">
              {lang === 'zh' ? (s.descriptionZh ?? s.description) : s.description}
            </p>
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={busy || running !== null}
              onClick={() => act(() => drills.start(s.id))}
            >
              {t('drill.start')}
            </button>
          </li>
        ))}
      </ul>
      {finished.length > 0 && (
        <>
          <h3 className="section-title">{t('drill.history')}</h3>
          <ul className="drill-list">
            {finished.map((d) => (
              <li key={d.id} className="drill-card" data-drill-id={d.id} data-drill-status={d.status}>
                <div className="drill-card-title">
                  <span>{nameOf(d.scenarioId)}</span>
                  <span>{t(`drill.status.${d.status === 'running' ? 'playing' : d.status}`)}</span>
                </div>
                <p className="drill-card-meta">
                  {formatTime(Date.parse(d.startedAt))} –{' '}
                  {d.stoppedAt ? formatTime(Date.parse(d.stoppedAt)) : ''} · {d.id}
                </p>
                {d.status === 'interrupted' && (
                  <p className="drill-card-meta">{t('drill.interruptedNote')}</p>
                )}
                {d.status !== 'purged' && (
                  <div className="drill-actions">
                    <button type="button" className="btn btn-small" onClick={() => setReviewing(d.id)}>
                      {t('drill.review')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      disabled={busy}
                      onClick={() => remove(d.id)}
                    >
                      {t('drill.delete')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {reviewing && <DrillReviewPage id={reviewing} onClose={() => setReviewing(null)} />}
    </div>
  );
}

function RunningDrill(props: {
  drill: DrillInfoView;
  name: string;
  steps: number;
  busy: boolean;
  onControl(control: DrillControl): void;
  onStop(): void;
  onReview(): void;
}) {
  const t = useT();
  const { drill, busy } = props;
  const clock = drill.scenario?.clock ?? null;
  const url = joinUrl(drill.url, window.location.hostname);
  return (
    <div
      className="drill-card"
      data-drill-id={drill.id}
      data-drill-status={drill.status}
      data-scenario-status={clock?.status ?? 'none'}
    >
      <div className="drill-card-title">
        <span>{props.name}</span>
        {clock && <span>{t(`drill.status.${clock.status}`)}</span>}
      </div>
      {clock && (
        <div className="drill-clock" data-elapsed-s={Math.floor(clock.elapsedS)}>
          {t('drill.elapsed', { time: clockText(clock.elapsedS) })}
          <span className="drill-card-meta">
            {' '}
            · {t('drill.injected', { done: clock.fired, total: props.steps })} · ×{clock.speed}
          </span>
        </div>
      )}
      <p className="drill-card-meta">
        {t('drill.url')}: <code data-drill-url={url ?? ''}>{url ?? drill.url}</code> · port{' '}
        <code>{portOf(drill.url)}</code>
      </p>
      <div className="drill-actions">
        {clock && clock.status === 'playing' && (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => props.onControl({ action: 'pause' })}
          >
            {t('drill.pause')}
          </button>
        )}
        {clock && clock.status === 'paused' && (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => props.onControl({ action: 'resume' })}
          >
            {t('drill.resume')}
          </button>
        )}
        {clock && (
          <span className="drill-speed" role="group" aria-label={t('drill.speed')}>
            {DRILL_SPEEDS.map((speed) => (
              <button
                key={speed}
                type="button"
                className="btn btn-small"
                aria-pressed={clock.speed === speed}
                disabled={busy}
                onClick={() => props.onControl({ action: 'speed', speed })}
              >
                {speed}×
              </button>
            ))}
          </span>
        )}
        <button
          type="button"
          className="btn btn-small btn-primary"
          title={t('drill.joinHint')}
          disabled={!url}
          onClick={() => url && openDrill(url)}
        >
          {t('drill.join')}
        </button>
        <button type="button" className="btn btn-small" onClick={props.onReview}>
          {t('drill.review')}
        </button>
        <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={props.onStop}>
          {t('drill.stop')}
        </button>
      </div>
    </div>
  );
}
