// Duplicate hints for the supervisor: the case this one probably repeats, and nearby cases of the same
// category; each opens in the drawer (the merge form offers them as targets).
import type { CaseDetail } from '@contract/cases';
import { useServices } from '../../app/ServicesContext';
import { useT } from '../../i18n/useT';

export function DuplicateHints({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const { detail: service } = useServices();
  const dups = detail.possibleDuplicates;
  if (dups.length === 0 && !detail.duplicateOfId) return null;
  const original = dups.find((d) => d.id === detail.duplicateOfId);
  return (
    <section className="dups" aria-label={t('detail.duplicates')}>
      <h3 className="section-title">{t('detail.duplicates')}</h3>
      {detail.duplicateOfId && (
        <p className="notice notice-warn">
          {t('detail.duplicateOf', { number: original?.caseNumber ?? detail.duplicateOfId })}
        </p>
      )}
      <ul className="dup-list">
        {dups.map((d) => (
          <li key={d.id} className="dup" data-duplicate-id={d.id}>
            <span className="row-number">{d.caseNumber}</span>
            <span className="dup-distance">
              {t('detail.distance', { meters: Math.round(d.distanceMeters) })}
            </span>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => service.open(d.id)}>
              {t('detail.open')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
