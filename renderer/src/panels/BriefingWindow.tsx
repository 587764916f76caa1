// The briefing window (`?wall=briefing`): the leaders' read-only overview on a whole display, in type
// large enough to read across the hall. No map and no workspace actions; counts refresh on their own
// (live/wallData.ts) and the line under the title says how fresh they are.
import { useAppStore } from '../app/StoreContext';
import { localizedText } from '../i18n/serverText';
import { formatTime } from '../i18n/time';
import { useT } from '../i18n/useT';
import { OverviewBoard } from './workspace/OverviewBoard';

export function BriefingWindow() {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const status = useAppStore((s) => s.overview.status);
  const error = useAppStore((s) => s.overview.error);
  const loadedAt = useAppStore((s) => s.overview.loadedAt);
  const reason = localizedText(error ?? '', lang);
  return (
    <main className="wall-window briefing" data-wall-window="briefing" aria-labelledby="briefing-title">
      <div className="briefing-head">
        <h2 id="briefing-title" className="briefing-title">
          {t('wall.briefing')}
        </h2>
        {status === 'error' ? (
          <p className="briefing-status briefing-status-bad" role="alert">
            {t('wall.briefing.failed', { reason })}
          </p>
        ) : loadedAt !== null && error ? (
          <p className="briefing-status briefing-status-bad" role="status">
            {t('wall.briefing.stale', { reason, time: formatTime(loadedAt) })}
          </p>
        ) : loadedAt !== null ? (
          <p className="briefing-status">{t('wall.briefing.updated', { time: formatTime(loadedAt) })}</p>
        ) : null}
      </div>
      <OverviewBoard />
    </main>
  );
}
