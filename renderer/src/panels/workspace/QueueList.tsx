// The rows of the open queue, virtualised (@tanstack/react-virtual): only the rows on screen are in the
// DOM, so an intake of thousands scrolls smoothly; nearing the end of what is loaded asks for the next
// page. A row shows case number, category, address, urgency, clock and state; clicking it opens the
// case in the drawer and flies the map there. On the supervisor's intake, rows can be selected (shift-
// click for a range) for batch accept / void / merge; suspected duplicates sit under their original;
// rows reported since the list was opened are highlighted (and, if switched on, a short tone sounds).
import type { CaseSummary } from '@contract/cases';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { sourceLabel, stateLabel, urgencyLabel } from '../../i18n/labels';
import { localizedText } from '../../i18n/serverText';
import { useT } from '../../i18n/useT';
import { groupDuplicates, newSince, selectRows } from '../../state/intakeModel';
import { departmentName, findCategory, nameIn } from '../../state/reference';
import type { Lang } from '../../state/ui';
import { ClockBadge } from '../common/ClockBadge';
import { BatchBar } from './BatchBar';
import { useNewRowTone } from './newRowTone';

/** Rows from the end of what is loaded at which the next page is asked for. */
const PREFETCH_ROWS = 30;

export function QueueList() {
  const t = useT();
  const queue = useAppStore(
    useShallow((s) => ({
      items: s.queue.items,
      total: s.queue.total,
      status: s.queue.status,
      error: s.queue.error,
      tab: s.queue.tab,
      key: s.queue.key,
    })),
  );
  const lang = useAppStore((s) => s.ui.lang);
  const selectedCase = useAppStore((s) => s.detail.caseId);
  const role = useAppStore((s) => s.session.user?.role);
  const queueEvent = useAppStore((s) => s.queueEvent);
  const { detail } = useServices();
  const batchable = role === 'supervisor' && queue.tab === 'intake';

  const rows = useMemo(() => groupDuplicates(queue.items), [queue.items]);
  const ids = useMemo(() => rows.map((c) => c.id), [rows]);
  const numbers = useMemo(() => new Map(queue.items.map((c) => [c.id, c.caseNumber])), [queue.items]);

  // Selection and the "opened at" of this view; both start again when the view changes.
  const [selection, setSelection] = useState<{ key: string; ids: Set<string>; anchor: number | null }>({
    key: queue.key,
    ids: new Set(),
    anchor: null,
  });
  const selected = selection.key === queue.key ? selection.ids : new Set<string>();
  const anchor = selection.key === queue.key ? selection.anchor : null;
  const openedAt = useRef({ key: queue.key, at: Date.now() });
  if (openedAt.current.key !== queue.key) openedAt.current = { key: queue.key, at: Date.now() };
  const fresh = useMemo(() => newSince(queue.items, openedAt.current.at), [queue.items]);
  const tone = useNewRowTone(queue.tab === 'intake' ? fresh.size : 0);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 84,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastShown = virtualRows[virtualRows.length - 1]?.index ?? 0;
  useEffect(() => {
    if (rows.length > 0 && lastShown >= rows.length - PREFETCH_ROWS) queueEvent({ type: 'more' });
  }, [lastShown, rows.length, queueEvent]);

  const toggle = (index: number, shift: boolean) =>
    setSelection({ key: queue.key, ids: selectRows(selected, ids, index, anchor, shift), anchor: index });
  const clear = () => setSelection({ key: queue.key, ids: new Set(), anchor: null });

  return (
    <div
      className="queue"
      data-queue={queue.tab ?? ''}
      data-queue-count={queue.total}
      data-queue-loaded={queue.items.length}
      data-queue-status={queue.status}
      aria-busy={queue.status === 'loading'}
    >
      <div className="queue-head">
        <span className="queue-total">{t('queue.count', { count: queue.total })}</span>
        {queue.items.length < queue.total && (
          <span className="queue-shown">{t('queue.shown', { shown: queue.items.length })}</span>
        )}
        {queue.tab === 'intake' && (
          <button
            type="button"
            className="btn btn-small btn-ghost queue-tone"
            aria-pressed={tone.on}
            onClick={tone.toggle}
          >
            {tone.on ? t('intake.toneOn') : t('intake.toneOff')}
          </button>
        )}
      </div>
      {batchable && (
        <BatchBar
          selected={rows.filter((c) => selected.has(c.id))}
          loaded={rows}
          onSelectAll={() => setSelection({ key: queue.key, ids: new Set(ids), anchor: null })}
          onClear={clear}
        />
      )}
      {queue.status === 'error' && queue.error && (
        <p className="queue-error" role="alert">
          {t('queue.error', { reason: localizedText(queue.error, lang) })}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="queue-empty">{t(queue.status === 'loading' ? 'queue.loading' : 'queue.empty')}</p>
      ) : (
        <div className="queue-scroll" ref={scrollRef}>
          <ul
            className="queue-list queue-virtual"
            aria-label={t('queue.label')}
            aria-rowcount={queue.total}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualRows.map((v) => {
              const item = rows[v.index];
              if (!item) return null;
              return (
                <li
                  key={v.key}
                  data-index={v.index}
                  ref={virtualizer.measureElement}
                  className="queue-item"
                  style={{ transform: `translateY(${v.start}px)` }}
                >
                  {batchable && (
                    <input
                      type="checkbox"
                      className="row-select"
                      aria-label={t('intake.select', { number: item.caseNumber })}
                      checked={selected.has(item.id)}
                      onChange={() => undefined}
                      onClick={(e) => toggle(v.index, e.shiftKey)}
                    />
                  )}
                  <QueueRow
                    item={item}
                    lang={lang}
                    selected={item.id === selectedCase}
                    fresh={fresh.has(item.id)}
                    duplicateOf={item.duplicateOfId ? (numbers.get(item.duplicateOfId) ?? '') : null}
                    onOpen={detail.open}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

interface RowProps {
  item: CaseSummary;
  lang: Lang;
  selected: boolean;
  fresh: boolean;
  /** the case number this one may repeat ('' when that case is not loaded), null when none */
  duplicateOf: string | null;
  onOpen(caseId: string): void;
}

const QueueRow = memo(function QueueRow({ item, lang, selected, fresh, duplicateOf, onOpen }: RowProps) {
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
    <button
      type="button"
      className={duplicateOf !== null ? 'row row-duplicate' : 'row'}
      data-case-id={item.id}
      data-case-number={item.caseNumber}
      data-case-state={item.state}
      data-clock={item.clock.state}
      data-new={fresh ? 'true' : undefined}
      aria-current={selected}
      onClick={() => onOpen(item.id)}
    >
      <span className="row-line">
        <span className="row-number">{item.caseNumber}</span>
        <span className="row-source">{sourceLabel(item.source, lang)}</span>
        {fresh && <span className="row-new-tag">{t('intake.new')}</span>}
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
      {duplicateOf !== null && (
        <span className="row-line row-dup-of">
          {duplicateOf ? t('intake.duplicateOf', { number: duplicateOf }) : t('intake.duplicate')}
        </span>
      )}
    </button>
  );
});
