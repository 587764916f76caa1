// Emergency command in the map wall: opens an incident's drawer and keeps it fresh (every 2 s while
// open: roster, recommendations, timeline, routes), and sends the commander's commands with the
// version seen; a refused command shows the server's message and reloads.
import { z } from 'zod';
import type { IncidentCommandView, Recommendation, TimelineEntry, UnitRoute } from '@contract/incidents';
import { EMPTY, incidentStore } from '../state/incidents';
import type { ApiClient } from './api';
import { messageOf } from './queues';

const View = z.object({ incident: z.custom<IncidentCommandView>((v) => !!v && typeof v === 'object') });
const Rec = z.custom<Recommendation & { labels: Record<string, string> }>(
  (v) => !!v && typeof v === 'object',
);
const Timeline = z.object({ events: z.array(z.custom<TimelineEntry>()) });
const Routes = z.object({ routes: z.array(z.custom<UnitRoute>()) });

export interface IncidentCommandService {
  open(id: string): void;
  close(): void;
  refresh(): Promise<void>;
  send(body: Record<string, unknown>): Promise<boolean>;
}

let current: IncidentCommandService | null = null;

/** The service of this window (set by startIncidentCommand in main.tsx). */
export function incidentCommand(): IncidentCommandService | null {
  return current;
}

export function startIncidentCommand(api: ApiClient): IncidentCommandService {
  let timer: ReturnType<typeof setInterval> | null = null;
  const path = (id: string) => `/incidents/${encodeURIComponent(id)}`;

  const refresh = async () => {
    const id = incidentStore.getState().openId;
    if (!id) return;
    try {
      const [view, recommendation, timeline, routes] = await Promise.all([
        api.get(`${path(id)}/command`, View),
        api.get(`${path(id)}/recommendations`, Rec),
        api.get(`${path(id)}/timeline`, Timeline),
        api.get(`${path(id)}/routes`, Routes),
      ]);
      if (incidentStore.getState().openId !== id) return;
      incidentStore.setState({
        view: view.incident,
        recommendation,
        timeline: timeline.events,
        routes: routes.routes,
        loadedAt: Date.now(),
      });
      document.body.dataset.incidentRoutes = String(routes.routes.length);
    } catch (error) {
      incidentStore.setState({ error: messageOf(error) });
    }
  };

  const service: IncidentCommandService = {
    open(id) {
      incidentStore.setState({ ...EMPTY, openId: id });
      if (timer) clearInterval(timer);
      timer = setInterval(() => void refresh(), 2000);
      void refresh();
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
      incidentStore.setState(EMPTY);
      delete document.body.dataset.incidentRoutes;
    },
    refresh,
    async send(body) {
      const id = incidentStore.getState().openId;
      if (!id) return false;
      incidentStore.setState({ busy: true, error: null });
      try {
        const answer = await api.post(`${path(id)}/commands`, body, View);
        incidentStore.setState({ view: answer.incident });
        await refresh();
        return true;
      } catch (error) {
        incidentStore.setState({ error: messageOf(error) });
        await refresh();
        return false;
      } finally {
        incidentStore.setState({ busy: false });
      }
    },
  };
  current = service;
  return service;
}
