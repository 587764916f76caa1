// The after-action review of a drill (复盘), over the map wall: totals, each inject with its response
// times (first action, dispatch, arrival, close), each trainee, and the timeline of scenario injects and
// every command with who and when. Exports the server's CSV; 打印 prints this page alone (drill.css).
import type { DrillReview, DrillStat } from '@contract/drills';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore, useStoreApi } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { messageOf } from '../../services/api';
import { roleLabel } from '../../i18n/labels';
import { localizedText } from '../../i18n/serverText';
import { formatTime } from '../../i18n/time';
import { useT } from '../../i18n/useT';
import { actionWords, clockText } from '../../state/drills';

const time = (iso: string | null) => (iso ? formatTime(Date.parse(iso)) : '—');

export function DrillReviewPage({ id, onClose }: { id: string; onClose(): void }) {
  const t = useT();
  const { drills } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const [review, setReview] = useState<DrillReview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    drills.review(id).then(setReview, (e: unknown) => setError(localizedText(messageOf(e), lang)));
  }, [drills, id, lang]);
  const csv = () => drills.downloadCsv(id).catch((e: unknown) => setError(localizedText(messageOf(e), lang)));
  // 回放 / Replay: the map wall replays the drill's period from the drill's own archive (the time bar)
  const store = useStoreApi();
  const replay = async () => {
    if (!review) return;
    try {
      const period = await drills.replay(review.drill);
      store.getState().playbackEvent({ type: 'enterRange', ...period });
      onClose();
    } catch (e) {
      setError(localizedText(messageOf(e), lang));
    }
  };

  const page = (
    <section
      className="drill-review"
      aria-label={t('review.title')}
      data-review={review ? 'ready' : error ? 'error' : 'loading'}
      data-review-actions={review?.figures.total.actions ?? 0}
    >
      <div className="drill-review-head">
        <div>
          <h2>演练 DRILL · {t('review.title')}</h2>
          {review && (
            <p className="drill-card-meta">
              {(lang === 'zh' ? review.drill.scenarioName : review.drill.scenarioNameEn) ??
                t('drill.noScript')}{' '}
              · {review.drill.id} · {time(review.drill.startedAt)} – {time(review.drill.stoppedAt)} ·{' '}
              {t(`drill.status.${review.drill.status === 'running' ? 'playing' : review.drill.status}`)}
            </p>
          )}
        </div>
        <div className="drill-actions drill-review-actions">
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={!review}
            title={t('review.replayHint')}
            onClick={() => void replay()}
          >
            {t('review.replay')}
          </button>
          <button type="button" className="btn btn-small" disabled={!review} onClick={() => void csv()}>
            {t('review.csv')}
          </button>
          <button type="button" className="btn btn-small" disabled={!review} onClick={() => window.print()}>
            {t('review.print')}
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
            {t('review.close')}
          </button>
        </div>
      </div>
      {error && (
        <p className="queue-error" role="alert">
          {error}
        </p>
      )}
      {!review && !error && <p className="queue-empty">{t('review.loading')}</p>}
      {review && <ReviewBody review={review} />}
    </section>
  );
  return createPortal(page, document.body);
}

function ReviewBody({ review }: { review: DrillReview }) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const { total, injects, trainees } = review.figures;
  const statRow = (label: string, s: DrillStat, key: string) => (
    <tr data-figure={key}>
      <th scope="row">{label}</th>
      <td>{s.n}</td>
      <td>{clockText(s.meanS)}</td>
      <td>{clockText(s.medianS)}</td>
      <td>{clockText(s.maxS)}</td>
    </tr>
  );
  const timeline = [
    ...review.steps.map((s) => ({
      at: s.at,
      key: `s${s.atS}-${s.kind}`,
      kind: t('review.scenario'),
      record: `T+${clockText(s.atS)} ${s.kind}`,
      raw: s.kind,
      command: s.ok ? '✓' : '✗',
      state: '',
      who: t('review.system'),
      trainee: false,
    })),
    ...review.actions.map((a, i) => ({
      at: a.at,
      key: `a${i}`,
      kind: t(`review.kind.${a.kind}`),
      record: review.records.find((r) => r.id === a.recordId)?.label ?? a.recordId,
      raw: a.command,
      ...actionWords(a, lang),
      who: a.username ? `${a.username} (${roleLabel(a.role, lang)})` : t('review.system'),
      trainee: a.actorId !== null && a.role !== 'system',
    })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  return (
    <>
      <h3 className="section-title">{t('review.totals')}</h3>
      <div className="kpis">
        <div className="kpi">
          <span className="kpi-value" data-total-injects={total.injects}>
            {total.injects}
          </span>
          <span className="kpi-label">{t('review.injects')}</span>
        </div>
        <div className="kpi">
          <span className="kpi-value">{total.answered}</span>
          <span className="kpi-label">{t('review.answered')}</span>
        </div>
        <div className="kpi">
          <span className="kpi-value">{total.actions}</span>
          <span className="kpi-label">{t('review.actions')}</span>
        </div>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('review.figure')}</th>
            <th scope="col">{t('review.n')}</th>
            <th scope="col">{t('review.mean')}</th>
            <th scope="col">{t('review.median')}</th>
            <th scope="col">{t('review.max')}</th>
          </tr>
        </thead>
        <tbody>
          {statRow(t('review.firstAction'), total.firstActionS, 'firstAction')}
          {statRow(t('review.dispatch'), total.dispatchS, 'dispatch')}
          {statRow(t('review.arrival'), total.arrivalS, 'arrival')}
          {statRow(t('review.close_'), total.closeS, 'close')}
        </tbody>
      </table>

      <h3 className="section-title">{t('review.injects')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('review.inject')}</th>
            <th scope="col">{t('review.at')}</th>
            <th scope="col">{t('review.firstBy')}</th>
            <th scope="col">{t('review.firstAction')}</th>
            <th scope="col">{t('review.dispatch')}</th>
            <th scope="col">{t('review.arrival')}</th>
            <th scope="col">{t('review.close_')}</th>
          </tr>
        </thead>
        <tbody>
          {injects.length === 0 && (
            <tr>
              <td colSpan={7}>{t('review.empty')}</td>
            </tr>
          )}
          {injects.map((i) => (
            <tr key={i.id} data-inject={i.id}>
              <th scope="row">{i.label}</th>
              <td>{time(i.at)}</td>
              <td>{i.firstActionBy ?? '—'}</td>
              <td>{clockText(i.firstActionS)}</td>
              <td>{clockText(i.dispatchS)}</td>
              <td>{clockText(i.arrivalS)}</td>
              <td>{clockText(i.closeS)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="section-title">{t('review.trainees')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('review.trainee')}</th>
            <th scope="col">{t('review.role')}</th>
            <th scope="col">{t('review.actions')}</th>
            <th scope="col">{t('review.injects')}</th>
            <th scope="col">
              {t('review.firstAction')} ({t('review.mean')})
            </th>
            <th scope="col">
              {t('review.dispatch')} ({t('review.mean')})
            </th>
          </tr>
        </thead>
        <tbody>
          {trainees.length === 0 && (
            <tr>
              <td colSpan={6}>{t('review.empty')}</td>
            </tr>
          )}
          {trainees.map((tr) => (
            <tr key={tr.username} data-trainee-name={tr.username}>
              <th scope="row">{tr.username}</th>
              <td>{roleLabel(tr.role, lang)}</td>
              <td>{tr.actions}</td>
              <td>{tr.injects}</td>
              <td>{clockText(tr.firstActionS.meanS)}</td>
              <td>{clockText(tr.dispatchS.meanS)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="section-title">{t('review.timeline')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('review.at')}</th>
            <th scope="col">{t('review.kind')}</th>
            <th scope="col">{t('review.inject')}</th>
            <th scope="col">{t('review.command')}</th>
            <th scope="col">{t('review.state')}</th>
            <th scope="col">{t('review.who')}</th>
          </tr>
        </thead>
        <tbody>
          {timeline.map((e) => (
            <tr key={e.key} data-trainee={e.trainee} data-command={e.raw}>
              <td>{time(e.at)}</td>
              <td>{e.kind}</td>
              <td>{e.record}</td>
              <td>{e.command}</td>
              <td>{e.state}</td>
              <td>{e.who}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
