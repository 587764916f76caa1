// The case drawer beside the workspace: header, what happened where, cameras nearby, duplicates, the actions this user
// may take now (allowedCommands), and the full timeline.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { stateLabel } from '../../i18n/labels';
import { localizedText } from '../../i18n/serverText';
import { useT } from '../../i18n/useT';
import { NearbyCameras } from '../video/NearbyCameras';
import { CaseActions } from './CaseActions';
import { CaseFacts } from './CaseFacts';
import { CaseTimeline } from './CaseTimeline';
import { DuplicateHints } from './DuplicateHints';

export function CaseDrawer() {
  const t = useT();
  const { detail: service } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const panelOpen = useAppStore((s) => s.ui.panel !== null);
  const uiEvent = useAppStore((s) => s.uiEvent);
  const state = useAppStore(
    useShallow((s) => ({
      caseId: s.detail.caseId,
      detail: s.detail.detail,
      status: s.detail.status,
      error: s.detail.error,
      notice: s.detail.notice,
    })),
  );
  if (!state.caseId) return null;
  const detail = state.detail;

  return (
    <aside
      className={panelOpen ? 'drawer' : 'drawer drawer-alone'}
      aria-label={t('detail.label')}
      data-map-cover
      data-case-id={state.caseId}
      data-case-state={detail?.state ?? ''}
      data-case-version={detail?.version ?? ''}
    >
      <div className="drawer-head">
        <h2 className="drawer-title">{detail ? detail.caseNumber : t('detail.label')}</h2>
        {detail && (
          <span className="state-badge state-badge-lg" data-state={detail.state}>
            {stateLabel(detail.state, lang)}
          </span>
        )}
        {detail && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => uiEvent({ type: 'focus', id: detail.id, lon: detail.lon, lat: detail.lat })}
          >
            {t('detail.flyTo')}
          </button>
        )}
        <button type="button" className="panel-close" onClick={service.close} aria-label={t('detail.close')}>
          ×
        </button>
      </div>
      <div className="drawer-body">
        {state.status === 'loading' && !detail && <p className="queue-empty">{t('detail.loading')}</p>}
        {state.status === 'error' && (
          <p className="queue-error" role="alert">
            {t('detail.failed', { reason: localizedText(state.error ?? '', lang) })}
          </p>
        )}
        {state.notice && (
          <p className="notice" role="status">
            {t(`detail.notice.${state.notice}`)}
          </p>
        )}
        {detail && (
          <>
            <CaseFacts detail={detail} />
            <DuplicateHints detail={detail} />
            <CaseActions key={`${detail.id}:${detail.version}`} detail={detail} />
            <NearbyCameras lon={detail.lon} lat={detail.lat} />
            <CaseTimeline detail={detail} />
          </>
        )}
      </div>
    </aside>
  );
}
