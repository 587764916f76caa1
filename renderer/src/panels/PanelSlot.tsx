// The right-hand panel slot. One panel at a time; the slot collapses to a tab to free the map.
import { useAppStore } from '../app/StoreContext';
import { useT } from '../i18n/useT';
import type { MessageKey } from '../i18n/messages';
import type { PanelId } from '../state/ui';
import { DutyOverview } from './DutyOverview';

const PANEL_TITLES: Record<PanelId, MessageKey> = { duty: 'duty.title' };

export function PanelSlot() {
  const t = useT();
  const panel = useAppStore((s) => s.ui.panel);
  const uiEvent = useAppStore((s) => s.uiEvent);

  if (panel === null) {
    return (
      <button
        type="button"
        className="panel-tab"
        onClick={() => uiEvent({ type: 'setPanel', panel: 'duty' })}
        aria-label={t('panel.expand')}
      >
        {t('duty.title')}
      </button>
    );
  }
  return (
    <aside className="panel" aria-label={t('panel.slot')}>
      <div className="panel-head">
        <h2 className="panel-title">{t(PANEL_TITLES[panel])}</h2>
        <button
          type="button"
          className="panel-close"
          onClick={() => uiEvent({ type: 'setPanel', panel: null })}
          aria-label={t('panel.collapse')}
        >
          ›
        </button>
      </div>
      <div className="panel-body">{panel === 'duty' && <DutyOverview />}</div>
    </aside>
  );
}
