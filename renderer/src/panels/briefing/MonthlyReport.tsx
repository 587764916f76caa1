// The printable monthly report: A4 pages (210 × 297 mm) with the month's figures, the 30-day trend and
// the tables by department, district, street and category, and the settings the scores used. The
// browser prints it (print to PDF); `print` opens the print dialog once the charts are drawn.
import { useEffect, useState } from 'react';
import { useWindowServices } from '../../app/ServicesContext';
import { EvaluationReport, EvaluationTrend, type EvaluationRow, type TrendPoint } from '@contract/evaluation';
import { useAppStore } from '../../app/StoreContext';
import { formatTime } from '../../i18n/time';
import { useT } from '../../i18n/useT';
import { useLoaded } from './data';
import { MonthlyReportTables, type ReportTables } from './MonthlyReportTable';
import { TrendChart } from './TrendChart';

interface ReportData extends ReportTables {
  days: TrendPoint[];
}

const CSV_TABLES = [
  'department',
  'district',
  'street',
  'community',
  'category',
  'source',
  'inspector',
  'dispatcher',
  'shiftLead',
];

/** Downloads one evaluation table as CSV (the request carries the session's token, so no plain link). */
async function downloadCsv(origin: string, token: string | null, by: string, month: string): Promise<void> {
  const response = await fetch(`${origin}/api/evaluation?by=${by}&period=month&date=${month}-15&format=csv`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `evaluation-${by}-${month}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const sum = (rows: EvaluationRow[], key: string) => rows.reduce((a, r) => a + (r.counts[key] ?? 0), 0);

export function MonthlyReport({ month, print, onClose }: { month: string; print: boolean; onClose(): void }) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const city = useAppStore((s) => s.city.config);
  const { origin, auth } = useWindowServices();
  const [csvError, setCsvError] = useState<string | null>(null);
  const exportCsv = async () => {
    setCsvError(null);
    try {
      for (const by of CSV_TABLES) await downloadCsv(origin, auth.token(), by, month);
    } catch (error) {
      setCsvError(error instanceof Error ? error.message : String(error));
    }
  };
  const state = useLoaded(`report|${month}`, async (get): Promise<ReportData> => {
    const q = (by: string) => get(`/evaluation?by=${by}&period=month&date=${month}-15`, EvaluationReport);
    const [departments, districts, streets, categories, days] = await Promise.all([
      q('department'),
      q('district'),
      q('street'),
      q('category'),
      get('/evaluation/trend?span=days', EvaluationTrend),
    ]);
    return { departments, districts, streets, categories, days: days.points };
  });
  const data = state.status === 'ready' ? state.data : null;

  useEffect(() => {
    if (!data) return;
    document.body.dataset.reportReady = 'true';
    if (!print) return;
    const timer = setTimeout(() => window.print(), 600);
    return () => clearTimeout(timer);
  }, [data, print]);
  useEffect(() => () => void delete document.body.dataset.reportReady, []);

  const cityName = lang === 'zh' ? city.name : city.nameEn;
  const footer = (page: number) => (
    <footer className="report-foot">
      <span>{t('report.title', { city: cityName })}</span>
      <span>{t('report.page', { page })}</span>
    </footer>
  );
  const rows = data?.departments.rows ?? [];
  const figures = data
    ? [
        [t('brief.reports'), sum(rows, 'reports')],
        [t('brief.cases'), sum(rows, 'opened')],
        [
          t('brief.closingRate'),
          `${((sum(rows, 'closed') / Math.max(1, sum(rows, 'dueForClosing'))) * 100).toFixed(1)}%`,
        ],
        [
          t('brief.inTimeRate'),
          `${((sum(rows, 'handledInTime') / Math.max(1, sum(rows, 'dueForHandling'))) * 100).toFixed(1)}%`,
        ],
      ]
    : [];
  return (
    <main
      className="report"
      data-report={data ? 'ready' : state.status}
      aria-label={t('report.title', { city: cityName })}
    >
      <div className="report-actions">
        {csvError && <span role="alert">{t('report.csvFailed', { reason: csvError })}</span>}
        <button type="button" onClick={() => void exportCsv()}>
          {t('report.csv')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('brief.print')}
        </button>
        <button type="button" onClick={onClose}>
          ✕
        </button>
      </div>
      {!data ? (
        <p className="brief-empty">{state.status === 'error' ? state.reason : t('brief.loading')}</p>
      ) : (
        <>
          <section className="report-page">
            <header>
              <h1>{t('report.title', { city: cityName })}</h1>
              <p>
                {t('report.month', { month })} · {t('report.generated', { time: formatTime(Date.now()) })} ·{' '}
                {t('brief.settings', {
                  version: data.departments.settings.version,
                  preset: data.departments.settings.value.preset,
                })}
              </p>
            </header>
            <h2>{t('report.summary')}</h2>
            <dl className="report-figures">
              {figures.map(([label, value]) => (
                <div key={String(label)}>
                  <dt>{label}</dt>
                  <dd>{typeof value === 'number' ? value.toLocaleString() : value}</dd>
                </div>
              ))}
            </dl>
            <TrendChart
              id="report-days"
              title={t('brief.trend30')}
              points={data.days}
              animate={false}
              light
            />
            <MonthlyReportTables data={data} page={1} />
            {footer(1)}
          </section>
          <section className="report-page">
            <MonthlyReportTables data={data} page={2} />
            {footer(2)}
          </section>
          <section className="report-page">
            <MonthlyReportTables data={data} page={3} />
            {footer(3)}
          </section>
        </>
      )}
    </main>
  );
}
