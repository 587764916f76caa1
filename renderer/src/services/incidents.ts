// Emergency command in the map wall: opens an incident's drawer and keeps it following the live stream
// (ADR 0022): a `unit.status` or `incident.*` event of the open incident changes its roster chips at once
// and then reloads what events do not carry (timeline, recommendations, routes, segments), one reload per
// burst; a resync (snapshot) reloads it whole. No polling. Sends the commander's commands with the
// version seen; a refused command shows the server's message and reloads.
import { z } from 'zod';
import type { IncidentCommandView, Recommendation, TimelineEntry, UnitRoute } from '@contract/incidents';
import type { LiveState } from '@contract/live-state';
import { createTimers } from '../app/timers';
import { EMPTY, incidentStore, liveTouches, withLiveUnits } from '../state/incidents';
import type { ApiClient } from './api';
import { messageOf } from './queues';
import type { StreamService } from './stream';

/** Events of one burst (a multi-unit assignment, a close releasing every unit) make one reload. */
const RELOAD_AFTER_MS = 150;

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

export function startIncidentCommand(
  api: ApiClient,
  stream?: Pick<StreamService, 'live' | 'onLive' | 'onTopic'>,
): IncidentCommandService {
  // The reload after live changes (app/timers.ts): a later change restarts its wait.
  const timers = createTimers();
  let cancelReload: () => void = () => undefined;
  let seen: LiveState | null = stream?.live() ?? null;
  /** the latest reload: an older one that answers after it is dropped */
  let generation = 0;
  const path = (id: string) => `/incidents/${encodeURIComponent(id)}`;

  const refresh = async () => {
    const id = incidentStore.getState().openId;
    if (!id) return;
    const mine = ++generation;
    try {
      const [view, recommendation, timeline, routes] = await Promise.all([
        api.get(`${path(id)}/command`, View),
        api.get(`${path(id)}/recommendations`, Rec),
        api.get(`${path(id)}/timeline`, Timeline),
        api.get(`${path(id)}/routes`, Routes),
      ]);
      if (incidentStore.getState().openId !== id || mine !== generation) return;
      incidentStore.setState({
        view: seen ? withLiveUnits(view.incident, seen) : view.incident,
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

  const reloadSoon = () => {
    cancelReload();
    cancelReload = timers.after(RELOAD_AFTER_MS, () => void refresh());
  };

  stream?.onLive((next) => {
    const prev = seen;
    seen = next;
    const { openId, view } = incidentStore.getState();
    if (!openId || !prev) return;
    const roster = new Set(view?.units.map((u) => u.id));
    if (!liveTouches(prev, next, openId, roster)) return;
    if (view) incidentStore.setState({ view: withLiveUnits(view, next) });
    reloadSoon();
  });
  // '*': a snapshot replaced the picture (a reconnect behind the retention window, a new user)
  stream?.onTopic((topic) => {
    if (topic === '*' && incidentStore.getState().openId) reloadSoon();
  });

  const service: IncidentCommandService = {
    open(id) {
      cancelReload();
      incidentStore.setState({ ...EMPTY, openId: id });
      void refresh();
    },
    close() {
      cancelReload();
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
