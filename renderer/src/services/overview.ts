// The leaders' overview from count queries (GET /api/cases?...&limit=1 answers with the total):
// cases per state, overdue and near-deadline running cases, and active cases per district.
import { z } from 'zod';
import { CASE_STATES, type CaseState } from '@contract/domain';
import type { AppStore } from '../state/store';
import type { DistrictCount } from '../state/overview';
import { RUNNING_CASE_STATES } from '@contract/rules';
import { ACTIVE_STATES } from '../state/workspaces';
import { messageOf, type ApiClient } from './api';

const Total = z.object({ total: z.number() });

const RUNNING = RUNNING_CASE_STATES.join(',');
const ACTIVE = ACTIVE_STATES.join(',');

/** `current()` says whether the answers still apply (the same user is signed in). */
export async function loadOverview(store: AppStore, api: ApiClient, current: () => boolean): Promise<void> {
  const count = async (params: Record<string, string>): Promise<number> => {
    const query = new URLSearchParams({ ...params, limit: '1' });
    return (await api.get(`/cases?${query.toString()}`, Total)).total;
  };
  const districts = store
    .getState()
    .reference.divisions.filter((d) => d.level === 'district')
    .map((d) => d.code);
  try {
    const [states, overdue, warning, byDistrict] = await Promise.all([
      Promise.all(CASE_STATES.map(async (state) => [state, await count({ state })] as const)),
      count({ state: RUNNING, clock: 'red' }),
      count({ state: RUNNING, clock: 'yellow' }),
      Promise.all(
        districts.map(async (code): Promise<DistrictCount> => ({
          code,
          active: await count({ state: ACTIVE, districtCode: code }),
          overdue: await count({ state: RUNNING, districtCode: code, clock: 'red' }),
        })),
      ),
    ]);
    const byState: Partial<Record<CaseState, number>> = Object.fromEntries(states);
    if (!current()) return;
    store.getState().overviewEvent({
      type: 'loaded',
      data: { byState, overdue, warning, byDistrict },
      at: Date.now(),
    });
  } catch (error) {
    if (current()) store.getState().overviewEvent({ type: 'failed', error: messageOf(error) });
  }
}
