// The case drawer's service: loads a case, sends workflow commands and reloads when the case changed
// under the user's feet (409 from the server, or a newer version seen live).
import { CaseDetail, type CommandBody } from '@contract/cases';
import type { AppStore } from '../state/store';
import type { DetailNotice } from '../state/detail';
import { ApiError, type ApiClient } from './api';
import { messageOf } from './queues';

export interface DetailService {
  /** Opens a case in the drawer and asks the map to fly to it. */
  open(caseId: string): void;
  close(): void;
  /** Sends a command; true when the server accepted it. */
  run(body: CommandBody): Promise<boolean>;
}

export function startDetail(store: AppStore, api: ApiClient, afterChange: () => void): DetailService {
  const load = async (caseId: string, notice?: DetailNotice) => {
    try {
      const detail = await api.get(`/cases/${encodeURIComponent(caseId)}`, CaseDetail);
      store.getState().detailEvent({ type: 'loaded', detail, notice });
    } catch (error) {
      store.getState().detailEvent({ type: 'failed', caseId, error: messageOf(error) });
    }
  };

  store.subscribe((state, previous) => {
    // A case clicked on the map's case layer opens in the drawer.
    const pick = state.layers.selected;
    if (pick !== previous.layers.selected && pick?.kind === 'case') service.open(pick.id);
    const { detail } = state;
    if (detail.outdated && !previous.detail.outdated && detail.caseId && !detail.pending)
      void load(detail.caseId);
  });

  const service: DetailService = {
    open(caseId) {
      const { detailEvent, uiEvent, queue } = store.getState();
      detailEvent({ type: 'open', caseId });
      const row = queue.items.find((c) => c.id === caseId);
      if (row) uiEvent({ type: 'focus', id: caseId, lon: row.lon, lat: row.lat });
      void load(caseId).then(() => {
        const shown = store.getState().detail.detail;
        if (!row && shown?.id === caseId)
          uiEvent({ type: 'focus', id: caseId, lon: shown.lon, lat: shown.lat });
      });
    },
    close() {
      store.getState().detailEvent({ type: 'close' });
    },
    async run(body) {
      const caseId = store.getState().detail.caseId;
      if (!caseId) return false;
      const { detailEvent, queueEvent } = store.getState();
      detailEvent({ type: 'commandStarted', command: body.command });
      try {
        const detail = await api.post(`/cases/${encodeURIComponent(caseId)}/commands`, body, CaseDetail);
        detailEvent({ type: 'commandDone', detail });
        queueEvent({ type: 'caseChanged', summary: detail });
        afterChange();
        return true;
      } catch (error) {
        const notice = noticeOf(error);
        detailEvent({ type: 'commandFailed', error: messageOf(error), notice: notice ?? undefined });
        if (notice) {
          await load(caseId, notice);
          afterChange();
        }
        return false;
      }
    },
  };
  return service;
}

/** A 409 means the case is not as the user saw it: say so and show the current one. */
function noticeOf(error: unknown): DetailNotice | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.details as { case?: unknown; allowed?: unknown } | undefined;
  return details?.case && !details.allowed ? 'changedByOther' : 'notAllowedNow';
}
