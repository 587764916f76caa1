// The incident board's extra line: state, elapsed time against the response target, and a flash while
// the incident is new (the first minute).
import type { IncidentView } from '@contract/city';
import { DEFAULT_SEGMENT_TARGETS, INCIDENT_STATE_LABELS, IncidentState } from '@contract/incidents';
import { useAppStore } from '../../app/StoreContext';
import { clockText } from '../../state/incidents';
import { useCoarseNow } from '../common/useNow';
import { w } from './text';

export function IncidentBoardInfo({ incident }: { incident: IncidentView }) {
  const lang = useAppStore((s) => s.ui.lang);
  const now = useCoarseNow(1000);
  const state = IncidentState.safeParse(incident.state);
  const elapsed = (now - Date.parse(incident.startedAt)) / 1000;
  const waiting = !state.success || ['reported', 'dispatched', 'responding'].includes(state.data);
  const over =
    waiting && elapsed > DEFAULT_SEGMENT_TARGETS.callProcessingS + DEFAULT_SEGMENT_TARGETS.responseS;
  return (
    <span className="row-line incident-board-info" data-new={elapsed < 60 || undefined}>
      {state.success && (
        <span className="state-badge" data-incident-state={state.data}>
          {lang === 'en' ? INCIDENT_STATE_LABELS[state.data].en : INCIDENT_STATE_LABELS[state.data].zh}
        </span>
      )}
      <span className="incident-elapsed" data-over={over || undefined}>
        {w(lang, 'elapsed')} {clockText(elapsed)}
      </span>
    </span>
  );
}
