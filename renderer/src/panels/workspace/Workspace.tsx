// The role's workspace: its tabs with live counts, and the open tab (a case queue, the alarms or the
// leaders' overview).
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import { TABS } from '../../state/workspaces';
import { AdminWorkspace } from '../admin/AdminWorkspace';
import { DrillConsole } from '../drill/DrillConsole';
import { AlarmBoard } from './AlarmBoard';
import { OverviewBoard } from './OverviewBoard';
import { QueueFilters } from './QueueFilters';
import { QueueList } from './QueueList';
import { TabBar } from './TabBar';

export function Workspace() {
  const t = useT();
  const role = useAppStore((s) => s.session.user?.role);
  const tabId = useAppStore((s) => s.queue.tab);
  if (!role || !tabId) return null;
  const tab = TABS[tabId];
  return (
    <section className="workspace" data-workspace={role} aria-label={t(`ws.${role}`)}>
      <h2 className="workspace-title">{t(`ws.${role}`)}</h2>
      <TabBar role={role} />
      {tab.kind === 'cases' && (
        <>
          <QueueFilters tab={tab} />
          <QueueList />
        </>
      )}
      {tab.kind === 'alarms' && <AlarmBoard />}
      {tab.kind === 'overview' && <OverviewBoard />}
      {tab.kind === 'admin' && <AdminWorkspace />}
      {tab.kind === 'drills' && <DrillConsole />}
    </section>
  );
}
