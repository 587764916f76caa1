// Leaders' read-only overview: active, overdue and near-deadline cases, counts by state and by district.
import { CASE_STATES } from '@contract/domain';
import { useAppStore } from '../../app/StoreContext';
import { stateLabel } from '../../i18n/labels';
import { useT } from '../../i18n/useT';
import { activeTotal } from '../../state/overview';
import { divisionName } from '../../state/reference';

export function OverviewBoard() {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const overview = useAppStore((s) => s.overview);
  const reference = useAppStore((s) => s.reference);
  if (overview.status !== 'ready') {
    return <p className="queue-empty">{t('overview.loading')}</p>;
  }
  const active = activeTotal(overview.byState);
  return (
    <div className="overview" data-overview="ready" data-overview-active={active}>
      <p className="overview-note">{t('overview.readOnly')}</p>
      <div className="kpis">
        <Kpi label={t('overview.active')} value={active} tone="accent" />
        <Kpi label={t('overview.overdue')} value={overview.overdue} tone="red" />
        <Kpi label={t('overview.warning')} value={overview.warning} tone="yellow" />
        <Kpi label={t('overview.closed')} value={overview.byState.closed ?? 0} tone="green" />
      </div>
      <h3 className="section-title">{t('overview.byState')}</h3>
      <ul className="bars">
        {CASE_STATES.map((state) => {
          const n = overview.byState[state] ?? 0;
          const max = Math.max(1, ...Object.values(overview.byState).map((v) => v ?? 0));
          return (
            <li key={state} className="bar" data-state={state}>
              <span className="bar-label">{stateLabel(state, lang)}</span>
              <span className="bar-track">
                <span className="bar-fill" style={{ width: `${(n / max) * 100}%` }} />
              </span>
              <span className="bar-value">{n}</span>
            </li>
          );
        })}
      </ul>
      <h3 className="section-title">{t('overview.byDistrict')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('filter.district')}</th>
            <th scope="col">{t('overview.districtActive')}</th>
            <th scope="col">{t('overview.districtOverdue')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.byDistrict.map((d) => (
            <tr key={d.code} data-district={d.code}>
              <th scope="row">{divisionName(reference, d.code, lang)}</th>
              <td>{d.active}</td>
              <td className={d.overdue > 0 ? 'num-bad' : undefined}>{d.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Kpi({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className="kpi" data-tone={tone}>
      <span className="kpi-value">{value}</span>
      <span className="kpi-label">{label}</span>
    </div>
  );
}
