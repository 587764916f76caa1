// Filter a queue by district, category, urgency and clock colour, and choose its order.
import { URGENCIES, type Urgency } from '@contract/domain';
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/StoreContext';
import { urgencyLabel } from '../../i18n/labels';
import { useT } from '../../i18n/useT';
import { categoryGroups, nameIn } from '../../state/reference';
import { SORT_KEYS, type CaseTab, type ClockColour, type SortKey } from '../../state/workspaces';

const CLOCKS: readonly ClockColour[] = ['red', 'yellow', 'green'];

export function QueueFilters({ tab }: { tab: CaseTab }) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const { filter, sort } = useAppStore(useShallow((s) => ({ filter: s.queue.filter, sort: s.queue.sort })));
  const reference = useAppStore((s) => s.reference);
  const queueEvent = useAppStore((s) => s.queueEvent);
  const districts = reference.divisions.filter((d) => d.level === 'district');
  const clocks = tab.clocks ?? CLOCKS;
  const set = (patch: Parameters<typeof queueEvent>[0] & { type: 'setFilter' }) => queueEvent(patch);

  return (
    <div className="filters" role="group" aria-label={t('filter.label')}>
      <Select
        label={t('filter.district')}
        value={filter.districtCode ?? ''}
        onChange={(v) => set({ type: 'setFilter', filter: { districtCode: v || null } })}
      >
        <option value="">{t('filter.all')}</option>
        {districts.map((d) => (
          <option key={d.code} value={d.code}>
            {nameIn(d, lang)}
          </option>
        ))}
      </Select>
      <Select
        label={t('filter.category')}
        value={filter.categoryId ?? ''}
        onChange={(v) => set({ type: 'setFilter', filter: { categoryId: v || null } })}
      >
        <option value="">{t('filter.all')}</option>
        {categoryGroups(reference).map(({ major, items }) => (
          <optgroup
            key={major.id}
            label={`${t(major.kind === 'part' ? 'kind.part' : 'kind.event')} · ${nameIn(major, lang)}`}
          >
            {items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} {nameIn(c, lang)}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      <Select
        label={t('filter.urgency')}
        value={filter.urgency ?? ''}
        onChange={(v) => set({ type: 'setFilter', filter: { urgency: (v || null) as Urgency | null } })}
      >
        <option value="">{t('filter.all')}</option>
        {URGENCIES.map((u) => (
          <option key={u} value={u}>
            {urgencyLabel(u, lang)}
          </option>
        ))}
      </Select>
      <Select
        label={t('filter.clock')}
        value={filter.clock ?? ''}
        onChange={(v) => set({ type: 'setFilter', filter: { clock: (v || null) as ClockColour | null } })}
      >
        <option value="">{t('filter.all')}</option>
        {clocks.map((c) => (
          <option key={c} value={c}>
            {t(`caseClock.${c}`)}
          </option>
        ))}
      </Select>
      <Select
        label={t('filter.sort')}
        value={sort}
        onChange={(v) => queueEvent({ type: 'setSort', sort: v as SortKey })}
      >
        {SORT_KEYS.map((key) => (
          <option key={key} value={key}>
            {t(`sort.${key}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}

function Select(props: { label: string; value: string; onChange(value: string): void; children: ReactNode }) {
  return (
    <label className="filter">
      <span className="filter-label">{props.label}</span>
      <select className="select" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.children}
      </select>
    </label>
  );
}
