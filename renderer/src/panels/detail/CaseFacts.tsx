// What the case is and where: description, category, urgency, source, clock, location (address,
// lon/lat, grid, district/street), part ID, departments, routing rule and the report's photos.
import type { CaseDetail } from '@contract/cases';
import type { ReactNode } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { sourceLabel, urgencyLabel } from '../../i18n/labels';
import { localizedText } from '../../i18n/serverText';
import { wallClock } from '../../i18n/time';
import { useT } from '../../i18n/useT';
import { departmentName, divisionName, findCategory, nameIn } from '../../state/reference';
import { Attachment } from '../common/Attachment';
import { ClockBadge } from '../common/ClockBadge';

export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const reference = useAppStore((s) => s.reference);
  const category = findCategory(reference, detail.categoryId);
  const reported = wallClock(Date.parse(detail.reportedAt), lang);
  const deadline = detail.clock.deadline ? wallClock(Date.parse(detail.clock.deadline), lang) : null;
  const area = [
    divisionName(reference, detail.districtCode, lang),
    divisionName(reference, detail.streetCode, lang),
  ]
    .filter(Boolean)
    .join(' / ');

  return (
    <section className="facts-block">
      <p className="description">{detail.description}</p>
      {detail.reworkCount > 0 && (
        <p className="notice notice-warn">{t('detail.reworks', { count: detail.reworkCount })}</p>
      )}
      <dl className="facts facts-grid">
        <Fact label={t('detail.category')}>
          {category ? `${category.code} ${nameIn(category, lang)}` : detail.categoryName}
        </Fact>
        <Fact label={t('detail.urgency')}>
          <span className="urgency-badge" data-urgency={detail.urgency}>
            {urgencyLabel(detail.urgency, lang)}
          </span>
        </Fact>
        <Fact label={t('detail.source')}>{sourceLabel(detail.source, lang)}</Fact>
        <Fact label={t('detail.reportedAt')}>{`${reported.date} ${reported.time}`}</Fact>
        <Fact label={t('detail.clock')}>
          <ClockBadge clock={detail.clock} />
          {deadline && (
            <span className="fact-sub">
              {t('detail.deadline', { time: `${deadline.date} ${deadline.time}` })}
            </span>
          )}
        </Fact>
        <Fact label={t('detail.address')}>{detail.address || '—'}</Fact>
        <Fact label={t('detail.coords')}>{`${detail.lon.toFixed(6)}, ${detail.lat.toFixed(6)}`}</Fact>
        <Fact label={t('detail.grid')}>{detail.gridCellId ?? '—'}</Fact>
        <Fact label={t('detail.area')}>{area || '—'}</Fact>
        {detail.partId && <Fact label={t('detail.part')}>{detail.partId}</Fact>}
        {detail.departmentId && (
          <Fact label={t('detail.department')}>{departmentName(reference, detail.departmentId, lang)}</Fact>
        )}
        {detail.suggestedDepartmentId && detail.suggestedDepartmentId !== detail.departmentId && (
          <Fact label={t('detail.suggested')}>
            {departmentName(reference, detail.suggestedDepartmentId, lang)}
          </Fact>
        )}
        {detail.routingReason && (
          <Fact label={t('detail.routing')} wide>
            {localizedText(detail.routingReason, lang)}
          </Fact>
        )}
      </dl>
      {detail.photos.length > 0 && (
        <div className="photos" aria-label={t('detail.photos')}>
          {detail.photos.map((url, i) => (
            <Attachment key={url} url={url} label={t('timeline.photo', { n: i + 1 })} />
          ))}
        </div>
      )}
    </section>
  );
}

export function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'fact fact-wide' : 'fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
