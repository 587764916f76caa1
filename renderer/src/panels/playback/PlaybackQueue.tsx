// The panel slot during a replay: the open cases at the moment shown, by workflow stage, and the ones
// reported last (newest first) with their state and step clock at that moment. The live queues are not
// touched: they are there again when playback ends.
import { CASE_GROUPS, caseGroupOf, type CaseGroup } from '../../state/layers';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { effectiveClock } from '../../i18n/caseClock';
import { stateLabelOf } from '../../i18n/labels';
import { useT } from '../../i18n/useT';
import { latestCases } from './counters';
import { usePicture } from './usePicture';

const LISTED = 50;

export function PlaybackQueue() {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const { picture } = useServices();
  const { state, atMs } = usePicture(picture);
  if (!state) return null;
  const byGroup = Object.fromEntries(CASE_GROUPS.map((g) => [g, 0])) as Record<CaseGroup, number>;
  for (const c of state.cases.values()) {
    const group = caseGroupOf(c.state);
    if (group) byGroup[group] += 1;
  }
  const listed = latestCases(state, LISTED);
  return (
    <section
      className="workspace playback-queue"
      aria-label={t('pb.queue')}
      data-playback-queue={state.cases.size}
    >
      <h2 className="workspace-title">{t('pb.queue')}</h2>
      <p className="playback-queue-note">{t('pb.readOnly')}</p>
      <dl className="playback-queue-groups">
        {CASE_GROUPS.map((g) => (
          <div key={g} className="timebar-figure">
            <dt>{t(`layers.caseGroup.${g}`)}</dt>
            <dd>{byGroup[g]}</dd>
          </div>
        ))}
      </dl>
      {listed.length === 0 ? (
        <p className="queue-empty">{t('pb.queueEmpty')}</p>
      ) : (
        <>
          {state.cases.size > LISTED && (
            <p className="playback-queue-note">
              {t('pb.queueMore', { shown: LISTED, total: state.cases.size })}
            </p>
          )}
          <ul className="queue-list playback-queue-list">
            {listed.map((c) => (
              <li key={c.id} data-case-id={c.id} data-case-state={c.state}>
                <span
                  className={`playback-queue-dot clock-${effectiveClock(c.clock, atMs)}`}
                  aria-hidden="true"
                />
                <strong>{c.caseNumber}</strong> {c.categoryName}
                <span className="playback-queue-state">{stateLabelOf(c.state, lang)}</span>
                <div className="playback-queue-address">{c.address}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
