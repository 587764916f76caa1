// The banner that offers a recovery reload instead of doing it: the map did not come back after the link
// was lost, but a reload now would wipe the sign-in form or a half-typed note. The person finishes, then
// reloads (or carries on: the workflow panels work without the map).
import { useAppStore } from '../app/StoreContext';
import { useT } from '../i18n/useT';

export function RecoveryBanner() {
  const t = useT();
  const offered = useAppStore((s) => s.map.reloadOffered);
  if (!offered) return null;
  return (
    <div className="banner banner-recovery" role="status">
      <span>{t('recovery.offer')}</span>
      <button type="button" className="btn btn-ghost" onClick={() => window.location.reload()}>
        {t('recovery.reload')}
      </button>
    </div>
  );
}
