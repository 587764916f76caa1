// 用户与角色 (administrators): find users by name or role, change a user's role, department, district or
// whether they may sign in, add a user; the server checks every change and keeps an audit, shown below.
import type { AdminUser } from '@contract/admin';
import { ROLES, type Role } from '@contract/domain';
import { useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { roleLabel } from '../../i18n/labels';
import { localizedText } from '../../i18n/serverText';
import { useT } from '../../i18n/useT';
import { departmentName } from '../../state/reference';
import { ChangeHistory } from './ChangeHistory';

export function AdminUsers() {
  const t = useT();
  const { admin } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [users, setUsers] = useState<AdminUser[]>([]);
  const [changes, setChanges] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const reload = useCallback(() => {
    admin.users(q, role).then(
      (nextUsers) => {
        setUsers(nextUsers);
        setChanges((n) => n + 1);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [admin, q, role]);
  useEffect(() => {
    const timer = setTimeout(reload, 250);
    return () => clearTimeout(timer);
  }, [reload]);

  const change = async (user: AdminUser, patch: Partial<AdminUser>) => {
    setError(null);
    try {
      await admin.update(user.id, patch);
      setSaved(user.username);
      reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="admin" aria-label={t('admin.users')}>
      <div className="admin-filters">
        <input
          className="input"
          aria-label={t('admin.search')}
          placeholder={t('admin.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <select
          className="select"
          aria-label={t('admin.role')}
          value={role ?? ''}
          onChange={(e) => setRole((e.target.value || null) as Role | null)}
        >
          <option value="">{t('admin.allRoles')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r, lang)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="queue-error" role="alert">
          {localizedText(error, lang)}
        </p>
      )}
      {saved && !error && (
        <p className="admin-saved" role="status">
          {t('admin.saved', { name: saved })}
        </p>
      )}
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('admin.user')}</th>
            <th>{t('admin.role')}</th>
            <th>{t('admin.unit')}</th>
            <th>{t('admin.active')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.id} user={u} onChange={(patch) => void change(u, patch)} />
          ))}
        </tbody>
      </table>
      <ChangeHistory entity="user" refresh={changes} />
    </div>
  );
}

function UserRow({ user, onChange }: { user: AdminUser; onChange(patch: Partial<AdminUser>): void }) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const reference = useAppStore((s) => s.reference);
  const unit = user.departmentId
    ? departmentName(reference, user.departmentId, lang)
    : (user.districtCode ?? '—');
  return (
    <tr data-user={user.username} data-active={user.active ? 'true' : 'false'}>
      <td>
        <span className="admin-name">{user.displayName}</span>
        <span className="admin-username">{user.username}</span>
      </td>
      <td>
        <select
          className="select"
          aria-label={t('admin.roleOf', { name: user.username })}
          value={user.role}
          onChange={(e) => onChange({ role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r, lang)}
            </option>
          ))}
        </select>
      </td>
      <td className="admin-unit">{unit}</td>
      <td>
        <input
          type="checkbox"
          aria-label={t('admin.activeOf', { name: user.username })}
          checked={user.active}
          onChange={(e) => onChange({ active: e.target.checked })}
        />
      </td>
    </tr>
  );
}
