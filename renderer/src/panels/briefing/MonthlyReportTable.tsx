// The monthly report's ranking tables: which evaluation table goes on which A4 page, with its title and
// how many rows fit there. One component draws every table of a page.
import type { EvaluationReport } from '@contract/evaluation';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import { Rankings } from './Rankings';

export type ReportTables = Record<'departments' | 'districts' | 'streets' | 'categories', EvaluationReport>;

const TABLES: ReadonlyArray<{ by: keyof ReportTables; title: MessageKey; limit: number; page: number }> = [
  { by: 'departments', title: 'brief.rankDepartments', limit: 14, page: 1 },
  { by: 'districts', title: 'brief.rankDistricts', limit: 12, page: 2 },
  { by: 'streets', title: 'report.byStreet', limit: 16, page: 2 },
  { by: 'categories', title: 'report.byCategory', limit: 28, page: 3 },
];

/** The ranking tables of one page of the report, with every column (`details`). */
export function MonthlyReportTables({ data, page }: { data: ReportTables; page: number }) {
  const t = useT();
  return (
    <>
      {TABLES.filter((table) => table.page === page).map(({ by, title, limit }) => (
        <Rankings key={by} id={`report-${by}`} title={t(title)} rows={data[by].rows} limit={limit} details />
      ))}
    </>
  );
}
