// The rows of the open queue. A row shows case number, category, address, urgency, clock and state;
// clicking it opens the case in the drawer and flies the map there.
import type { CaseSummary } from '@contract/cases';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { sourceLabel, stateLabel, urgencyLabel } from '../../i18n/labels';
import { localizedText } from '../../i18n/serverText';
import { useT } from '../../i18n/useT';
import { departmentName, findCategory, nameIn } from '../../state/reference';
import type { Lang } from '../../state/ui';
import { ClockBadge } from '../common/ClockBadge';

export function QueueList() {
  const t = useT();
  const queue = useAppStore(
    useShallow((s) => ({
      items: s.queue.items,
      total: s.queue.total,
      status: s.queue.status,
      error: s.queue.error,
      tab: s.queue.tab,
    })),
  );
  const lang = useAppStore((s) => s.ui.lang);
  const selected = useAppStore((s) => s.detail.caseId);
  const { detail } = useServices();

  return (
    <div
      className="queue"
      data-queue={queue.tab ?? ''}
      data-queue-count={queue.total}
      data-queue-status={queue.status}
      aria-busy={queue.status === 'loading'}
    >
      <div className="queue-head">
        <span className="queue-total">{t('queue.count', { count: queue.total })}</span>
        {queue.items.length < queue.total && (
          <span className="queue-shown">{t('queue.shown', { shown: queue.items.length })}</span>
        )}
      </div>
      {queue.status === 'error' && queue.error && (
        <p className="queue-error" role="alert">
          {t('queue.error', { reason: localizedText(queue.error, lang) })}
        </p>
      )}
      {queue.items.length === 0 ? (
        <p className="queue-empty">{t(queue.status === 'loading' ? 'queue.loading' : 'queue.empty')}</p>
      ) : (
        <ul className="queue-list" aria-label={t('queue.label')}>
          {queue.items.map((item) => (
            <QueueRow
              key={item.id}
              item={item}
              lang={lang}
              selected={item.id === selected}
              onOpen={detail.open}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

interface RowProps {
  item: CaseSummary;
  lang: Lang;
  selected: boolean;
  onOpen(caseId: string): void;
}

const QueueRow = memo(function QueueRow({ item, lang, selected, onOpen }: RowProps) {
  const t = useT();
  const reference = useAppStore((s) => s.reference);
  const category = findCategory(reference, item.categoryId);
  // Who has it: the responsible department once dispatched, else the one the routing rules suggest.
  const unit = item.departmentId
    ? t('queue.department', { name: departmentName(reference, item.departmentId, lang) })
    : item.suggestedDepartmentId
      ? t('queue.suggested', { name: departmentName(reference, item.suggestedDepartmentId, lang) })
      : null;
  return (
    <li>
      <button
        type="button"
        className="row"
        data-case-id={item.id}
        data-case-number={item.caseNumber}
        data-case-state={item.state}
        data-clock={item.clock.state}
        aria-current={selected}
        onClick={() => onOpen(item.id)}
      >
        <span className="row-line">
          <span className="row-number">{item.caseNumber}</span>
          <span className="row-source">{sourceLabel(item.source, lang)}</span>
          <span className="state-badge" data-state={item.state}>
            {stateLabel(item.state, lang)}
          </span>
        </span>
        <span className="row-line">
          <span className="row-category">
            {category ? nameIn(category, lang) : localizedText(item.categoryName, lang)}
          </span>
          <span className="urgency-badge" data-urgency={item.urgency}>
            {urgencyLabel(item.urgency, lang)}
          </span>
          <ClockBadge clock={item.clock} />
        </span>
        <span className="row-line">
          <span className="row-address" title={item.address}>
            {item.address || item.description}
          </span>
          {unit && <span className="row-unit">{unit}</span>}
        </span>
      </button>
    </li>
  );
});
