// Tabs of a workspace, each with the live count of its cases.
import type { Role } from '@contract/domain';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import { tabsFor } from '../../state/workspaces';

export function TabBar({ role }: { role: Role }) {
  const t = useT();
  const tabs = tabsFor(role);
  const active = useAppStore((s) => s.queue.tab);
  const counts = useAppStore(useShallow((s) => s.queue.counts));
  const queueEvent = useAppStore((s) => s.queueEvent);
  if (tabs.length < 2) return null;
  return (
    <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
      {tabs.map((id) => {
        const count = counts[id];
        return (
          <button
            key={id}
            type="button"
            role="tab"
            className="tab"
            aria-selected={active === id}
            data-tab={id}
            onClick={() => queueEvent({ type: 'setTab', tab: id })}
          >
            <span className="tab-label">{t(`tab.${id}`)}</span>
            {count !== undefined && (
              <span className="tab-count" data-tab-count={count}>
                {count}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
