// The signed-in user in the header: 角色 + 姓名 + 部门 (or district), and sign-out.
import { useAppStore } from '../app/StoreContext';
import { useWindowServices } from '../app/ServicesContext';
import { roleLabel } from '../i18n/labels';
import { useT } from '../i18n/useT';
import { departmentName, divisionName } from '../state/reference';

export function RoleChip() {
  const t = useT();
  const { auth } = useWindowServices();
  const user = useAppStore((s) => s.session.user);
  const lang = useAppStore((s) => s.ui.lang);
  const reference = useAppStore((s) => s.reference);
  if (!user) return null;
  const unit = user.departmentId
    ? departmentName(reference, user.departmentId, lang)
    : user.districtCode
      ? divisionName(reference, user.districtCode, lang)
      : null;
  return (
    <div className="user" role="group" aria-label={t('user.label')}>
      <span className="user-role" title={t('user.role')} data-role={user.role}>
        {roleLabel(user.role, lang)}
      </span>
      <span className="user-text">
        <span className="user-name" title={t('user.name')}>
          {user.displayName}
        </span>
        {unit && !user.displayName.includes(unit) && (
          <span className="user-unit" title={t('user.department')}>
            {unit}
          </span>
        )}
      </span>
      <button type="button" className="btn btn-ghost user-logout" onClick={() => void auth.logout()}>
        {t('user.logout')}
      </button>
    </div>
  );
}
