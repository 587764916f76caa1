// Top problem categories of the period and the grid cells where the same problem keeps coming back.
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import type { Hotspots } from './data';

export function TopCategories({ hotspots }: { hotspots: Hotspots }) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const names = new Map(hotspots.categories.map((c) => [c.categoryId, lang === 'zh' ? c.name : c.nameEn]));
  const max = Math.max(1, ...hotspots.categories.map((c) => c.n));
  return (
    <section className="brief-top" aria-label={t('brief.topCategories')}>
      <h3>{t('brief.topCategories')}</h3>
      <ol className="brief-bars">
        {hotspots.categories.slice(0, 8).map((c) => (
          <li key={c.categoryId}>
            <span className="brief-bar-name">{names.get(c.categoryId)}</span>
            <span className="brief-bar" style={{ width: `${(c.n / max) * 100}%` }} />
            <b>{c.n}</b>
          </li>
        ))}
      </ol>
      <h3>{t('brief.repeatCells')}</h3>
      <ul className="brief-cells">
        {hotspots.cells.slice(0, 6).map((c) => (
          <li key={`${c.categoryId}:${c.gridCellId}`}>
            <code>{c.gridCellId}</code> {names.get(c.categoryId) ?? c.categoryId} × {c.n}
          </li>
        ))}
      </ul>
    </section>
  );
}
