// A ranking table: rank, name, score, grade and an arrow for the change against the previous period.
import type { EvaluationRow } from '@contract/evaluation';
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import { rankMove } from './counters';

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
const ARROWS = { up: '▲', down: '▼', same: '＝', new: '●' } as const;

export function Rankings({
  title,
  rows,
  id,
  limit = 10,
  details = false,
  onPick,
}: {
  title: string;
  rows: EvaluationRow[];
  id: string;
  limit?: number;
  details?: boolean;
  /** a row was clicked (drill down) */
  onPick?(row: EvaluationRow): void;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const shown = rows.filter((r) => r.rank !== null).slice(0, limit);
  return (
    <section className="brief-rank" aria-label={title} data-ranking={id}>
      <h3>{title}</h3>
      {shown.length === 0 ? (
        <p className="brief-empty">{t('brief.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('brief.rank')}</th>
              <th scope="col">{t('brief.name')}</th>
              <th scope="col">{t('brief.score')}</th>
              <th scope="col">{t('brief.grade')}</th>
              {details && (
                <>
                  <th scope="col">{t('brief.cases')}</th>
                  <th scope="col">{t('brief.closingRate')}</th>
                  <th scope="col">{t('brief.inTimeRate')}</th>
                  <th scope="col">{t('brief.reworkRate')}</th>
                </>
              )}
              <th scope="col">{t('brief.change')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const move = rankMove(r.rank, r.previousRank);
              return (
                <tr key={r.key} data-row={r.key}>
                  <td className="num">{r.rank}</td>
                  <td className="name">
                    {onPick ? (
                      <button type="button" className="brief-pick" onClick={() => onPick(r)}>
                        {lang === 'zh' ? r.name : r.nameEn}
                      </button>
                    ) : lang === 'zh' ? (
                      r.name
                    ) : (
                      r.nameEn
                    )}
                  </td>
                  <td className="num">{r.score?.toFixed(1)}</td>
                  <td>
                    <span className={`grade grade-${r.grade ?? 'none'}`}>{r.grade}</span>
                  </td>
                  {details && (
                    <>
                      <td className="num">{r.counts.opened}</td>
                      <td className="num">{pct(r.rates.closingRate)}</td>
                      <td className="num">{pct(r.rates.handlingInTimeRate)}</td>
                      <td className="num">{pct(r.rates.reworkRate)}</td>
                    </>
                  )}
                  <td className={`move move-${move.dir}`} title={t(`brief.${move.dir}`, { n: move.n })}>
                    {ARROWS[move.dir]}
                    {move.n > 0 ? move.n : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
