// Districts by score, drilled down by clicking: a district shows its streets, a street its communities
// (district → street → community); the breadcrumb goes back up.
import { useState } from 'react';
import { EvaluationReport, type EvaluationRow } from '@contract/evaluation';
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import { useLoaded } from './data';
import { Rankings } from './Rankings';

interface Step {
  key: string;
  name: string;
}

export function DrillRanking({ month, districts }: { month: string; districts: EvaluationRow[] }) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const [path, setPath] = useState<Step[]>([]);
  const [district, street] = path;
  const by = street ? 'community' : 'street';
  const filter = street ? `streetCode=${street.key}` : district ? `districtCode=${district.key}` : '';
  const state = useLoaded(`${month}|${by}|${filter}`, (get) =>
    district
      ? get(`/evaluation?by=${by}&period=month&date=${month}-15&${filter}`, EvaluationReport)
      : Promise.resolve(null),
  );
  const rows = !district ? districts : state.status === 'ready' && state.data ? state.data.rows : [];
  const title = [t('brief.rankDistricts'), ...path.map((p) => p.name)].join(' › ');
  return (
    <div className="brief-drill" data-drill-level={path.length}>
      {path.length > 0 && (
        <button type="button" className="brief-drill-up" onClick={() => setPath(path.slice(0, -1))}>
          ‹ {path.length === 1 ? t('brief.rankDistricts') : district?.name}
        </button>
      )}
      <Rankings
        id={path.length === 0 ? 'districts' : path.length === 1 ? 'streets' : 'communities'}
        title={title}
        rows={rows}
        onPick={
          path.length < 2
            ? (row) => setPath([...path, { key: row.key, name: lang === 'zh' ? row.name : row.nameEn }])
            : undefined
        }
      />
    </div>
  );
}
