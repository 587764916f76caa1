// 系统管理 (administrators): a side nav of the administration screens, one file per screen, each with the
// history of its changes. The leaders' overview stays the admin's first tab (workspaces.ts).
import { useState } from 'react';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/useT';
import '../../styles/admin.css';
import { AdminCalendar } from './AdminCalendar';
import { AdminDepartments } from './AdminDepartments';
import { AdminEvaluation } from './AdminEvaluation';
import { AdminRunCards } from './AdminRunCards';
import { AdminThresholds } from './AdminThresholds';
import { AdminTimeLimits } from './AdminTimeLimits';
import { AdminUsers } from './AdminUsers';

const SECTIONS = [
  'users',
  'departments',
  'timeLimits',
  'calendar',
  'thresholds',
  'runCards',
  'evaluation',
] as const;
type Section = (typeof SECTIONS)[number];

const SCREENS: Record<Section, () => React.JSX.Element> = {
  users: AdminUsers,
  departments: AdminDepartments,
  timeLimits: AdminTimeLimits,
  calendar: AdminCalendar,
  thresholds: AdminThresholds,
  runCards: AdminRunCards,
  evaluation: AdminEvaluation,
};

export function AdminWorkspace() {
  const t = useT();
  const [section, setSection] = useState<Section>('users');
  const Screen = SCREENS[section];
  return (
    <div className="admin-workspace" data-admin-section={section}>
      <nav className="admin-nav" aria-label={t('admin.nav')}>
        {SECTIONS.map((id) => (
          <button
            key={id}
            type="button"
            className="admin-nav-item"
            aria-current={section === id ? 'page' : undefined}
            onClick={() => setSection(id)}
          >
            {t(`admin.section.${id}` as MessageKey)}
          </button>
        ))}
      </nav>
      <div className="admin-screen">
        <h3 className="admin-screen-title">{t(`admin.section.${section}` as MessageKey)}</h3>
        <Screen />
      </div>
    </div>
  );
}
