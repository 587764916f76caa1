// The change history of one administration screen (GET /api/admin/changes?entity=…): who changed what,
// when, and each changed field before → after. Reloads when `refresh` changes (after a save).
import type { AdminChangeView, AdminEntity } from '@contract/admin';
import { useEffect, useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import type { MessageKey } from '../../i18n/messages';
import { wallClock } from '../../i18n/time';
import { useT } from '../../i18n/useT';
import { diffLines } from '../../state/admin';

export function ChangeHistory({
  entity,
  entityId,
  refresh,
  title,
}: {
  entity: AdminEntity;
  entityId?: string;
  refresh: number;
  /** the heading (default 变更记录) */
  title?: string;
}) {
  const t = useT();
  const { admin } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const [changes, setChanges] = useState<AdminChangeView[]>([]);
  useEffect(() => {
    let live = true;
    admin.changes(entity, entityId).then(
      (list) => live && setChanges(list),
      () => live && setChanges([]),
    );
    return () => {
      live = false;
    };
  }, [admin, entity, entityId, refresh]);
  return (
    <section className="admin-history" aria-label={t('admin.history')} data-history={entity}>
      <h4 className="section-title">{title ?? t('admin.history')}</h4>
      {changes.length === 0 && <p className="admin-muted">{t('admin.historyEmpty')}</p>}
      <ul className="admin-history-list">
        {changes.map((c) => {
          const at = wallClock(Date.parse(c.at), lang);
          return (
            <li key={c.id} data-change={c.id}>
              <span className="admin-history-time">
                {at.date} {at.time.slice(0, 5)}
              </span>
              <span className="admin-history-what">
                {t('admin.historyLine', {
                  actor: c.actorName,
                  action: t(`admin.action.${c.action}` as MessageKey),
                  id: c.entityId,
                })}
              </span>
              {diffLines(c).map((line) => (
                <span key={line} className="admin-history-diff">
                  {line}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
