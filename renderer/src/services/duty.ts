// The duty overview's service: this shift's figures, who is on duty, the hand-overs; writing a
// hand-over and signing one. The panel asks when it opens and every 15 s while it is open.
import { DutyView, HandoverView } from '@contract/duty';
import { z } from 'zod';
import type { ApiClient } from './api';

const HandoverResult = z.object({ handover: HandoverView });

export interface DutyClient {
  load(): Promise<DutyView>;
  handOver(notes: string): Promise<HandoverView>;
  accept(id: string, note?: string): Promise<HandoverView>;
}

export function createDutyClient(api: ApiClient): DutyClient {
  return {
    load: () => api.get('/duty', DutyView),
    handOver: async (notes) => (await api.post('/handovers', { notes }, HandoverResult)).handover,
    accept: async (id, note) =>
      (await api.post(`/handovers/${encodeURIComponent(id)}/accept`, note ? { note } : {}, HandoverResult))
        .handover,
  };
}
