// The briefing window (`?wall=briefing`, the leaders' workspace): live headline counters pushed by the
// stream, 30-day and 12-month trends (ECharts), department and district rankings with grades and
// arrows, the active incidents with their units (pushed by the stream), a hexagon view of the month's hot
// spots, the vehicle tracks (every vehicle's last hour, or a chosen team's day) and the top problem categories with the cells where they repeat. "Print monthly report" (or `&report=YYYY-MM`) shows the A4 report and prints it.
import { useMemo, useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { localizedText } from '../../i18n/serverText';
import { formatTime } from '../../i18n/time';
import { useT } from '../../i18n/useT';
import { loadBriefing, recentMonths, useLoaded } from './data';
import { HexView } from './HexView';
import { IncidentBoard } from './IncidentBoard';
import { LiveCounters } from './LiveCounters';
import { Rankings } from './Rankings';
import { MonthlyReport } from './MonthlyReport';
import { DrillRanking } from './DrillRanking';
import { TopCategories } from './TopCategories';
import { TracksView } from './TracksView';
import { TrendChart } from './TrendChart';
import './briefing.css';

const reportParam = () => new URLSearchParams(window.location.search).get('report');

export function BriefingWindow() {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const months = useMemo(() => recentMonths(new Date()), []);
  const [month, setMonth] = useState(() => {
    const asked = reportParam();
    return asked && /^\d{4}-\d{2}$/.test(asked) ? asked : (months[0] ?? '');
  });
  const [categoryId, setCategoryId] = useState('');
  const [report, setReport] = useState<'off' | 'shown' | 'print'>(() => (reportParam() ? 'shown' : 'off'));
  const state = useLoaded(`${month}|${categoryId}`, loadBriefing(month, categoryId));
  const data = state.status === 'ready' ? state.data : null;

  if (report !== 'off')
    return <MonthlyReport month={month} print={report === 'print'} onClose={() => setReport('off')} />;

  return (
    <main className="wall-window briefing brief" data-wall-window="briefing" aria-labelledby="briefing-title">
      <div className="briefing-head">
        <h2 id="briefing-title" className="briefing-title">
          {t('wall.briefing')}
        </h2>
        {state.status === 'error' ? (
          <p className="briefing-status briefing-status-bad" role="alert">
            {t('brief.failed', { reason: localizedText(state.reason, lang) })}
          </p>
        ) : data ? (
          <p className="briefing-status">{t('wall.briefing.updated', { time: formatTime(data.loadedAt) })}</p>
        ) : (
          <p className="briefing-status">{t('brief.loading')}</p>
        )}
        <div className="brief-controls">
          <label>
            {t('brief.period')}
            <select value={month} onChange={(e) => setMonth(e.target.value)}>
              {months.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('brief.category')}
            <select value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
              <option value="">{t('brief.allCategories')}</option>
              {(data?.hotspots.categories ?? []).map((c) => (
                <option key={c.categoryId} value={c.categoryId}>
                  {lang === 'zh' ? c.name : c.nameEn}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setReport('print')}>
            {t('brief.print')}
          </button>
        </div>
      </div>
      <LiveCounters todayBase={data?.today ?? null} />
      <div className="brief-grid" data-briefing={data ? 'ready' : state.status}>
        {data && (
          <>
            <TrendChart id="days" title={t('brief.trend30')} points={data.days} />
            <TrendChart id="months" title={t('brief.trend12')} points={data.months} />
            <Rankings id="departments" title={t('brief.rankDepartments')} rows={data.departments.rows} />
            <IncidentBoard />
            <DrillRanking month={month} districts={data.districts.rows} />
            <figure className="brief-hotspots">
              <figcaption>
                {t('brief.hotspots')} · {t('brief.hotspotsCount', { count: data.hotspots.points.length })}
              </figcaption>
              <HexView points={data.hotspots.points} label={t('brief.hotspots')} />
            </figure>
            <TracksView />
            <TopCategories hotspots={data.hotspots} />
            <p className="brief-settings">
              {t('brief.settings', {
                version: data.departments.settings.version,
                preset: data.departments.settings.value.preset,
              })}
            </p>
          </>
        )}
      </div>
    </main>
  );
}
