// The right-hand panel slot: the role's workspace or the duty overview, one at a time; the slot
// collapses to a tab to free the map.
import { seesDutyOverview } from '@contract/rules';
import { useAppStore } from '../app/StoreContext';
import { useT } from '../i18n/useT';
import type { MessageKey } from '../i18n/messages';
import { PANELS, type PanelId } from '../state/ui';
import { DutyOverview } from './DutyOverview';
import { PlaybackQueue } from './playback/PlaybackQueue';
import { Workspace } from './workspace/Workspace';

const PANEL_TITLES: Record<PanelId, MessageKey> = { workspace: 'panel.workspace', duty: 'duty.title' };

export function PanelSlot() {
  const t = useT();
  const panel = useAppStore((s) => s.ui.panel);
  const uiEvent = useAppStore((s) => s.uiEvent);
  const user = useAppStore((s) => s.session.user);
  // the duty overview is the centre's (contract/rules.ts): others are not offered a panel they may not read
  const panels = PANELS.filter((id) => id !== 'duty' || seesDutyOverview(user));
  const replaying = useAppStore((s) => s.playback.mode === 'playback');

  if (panel === null) {
    return (
      <button
        type="button"
        className="panel-tab"
        onClick={() => uiEvent({ type: 'setPanel', panel: 'workspace' })}
        aria-label={t('panel.expand')}
      >
        {t('panel.workspace')}
      </button>
    );
  }
  return (
    <aside className="panel" aria-label={t('panel.slot')} data-map-cover>
      <div className="panel-head">
        <div className="panel-switch" role="group" aria-label={t('panel.slot')}>
          {panels.map((id) => (
            <button
              key={id}
              type="button"
              className="panel-switch-option"
              aria-pressed={panel === id}
              onClick={() => uiEvent({ type: 'setPanel', panel: id })}
            >
              {t(PANEL_TITLES[id])}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="panel-close"
          onClick={() => uiEvent({ type: 'setPanel', panel: null })}
          aria-label={t('panel.collapse')}
        >
          ›
        </button>
      </div>
      {panel === 'workspace' && replaying ? (
        <PlaybackQueue />
      ) : panel === 'workspace' || !panels.includes(panel) ? (
        <Workspace />
      ) : (
        <div className="panel-body">
          <DutyOverview />
        </div>
      )}
    </aside>
  );
}
