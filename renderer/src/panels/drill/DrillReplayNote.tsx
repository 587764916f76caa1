// While the map wall replays a drill (the review's 回放 / Replay, from the drill's own archive), a note
// above the time bar says so: 演练回放 and the drill, in the drills' orange, so the trainer never reads a
// drill's cases for the live city's. Not interactive; gone when the replay is left.
import { useSyncExternalStore } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { useT } from '../../i18n/useT';
import './drill.css';

export function DrillReplayNote() {
  const t = useT();
  const { drills } = useServices();
  const replaying = useAppStore((s) => s.playback.mode === 'playback');
  const drillId = useSyncExternalStore(drills.replaying.subscribe, drills.replaying.drillId);
  if (!replaying || !drillId) return null;
  return (
    <div className="drill-replay-note" role="status" data-drill-replay={drillId}>
      <strong>{t('drill.replayNote')}</strong>
      <span>{drillId}</span>
    </div>
  );
}
