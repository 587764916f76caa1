// The alarm service: acknowledge an alarm from the pop-up (then the map flies to it and its drawer
// opens), load an alarm's detail with its recent readings, and send the operator's decision: confirm as
// a case or as an emergency incident, or mark it a false alarm. Live changes arrive through the stream.
import { z } from 'zod';
import { AlarmView } from '@contract/alarms';
import type { AlarmDecision } from '../state/alerts';
import type { AppStore } from '../state/store';
import { ApiError, type ApiClient } from './api';
import { messageOf } from './queues';

const AlarmAnswer = z.object({ alarm: AlarmView });
const AlarmDetailAnswer = z.object({
  alarm: AlarmView,
  recent: z.array(z.object({ at: z.string(), value: z.number() })),
});

export interface AlarmService {
  /** 确认收到: the alarm leaves the pop-up, the map flies to it and its drawer opens. */
  acknowledge(alarmId: string): Promise<boolean>;
  /** Opens the alarm drawer (from the board, the map or the pop-up) and flies there. */
  open(alarmId: string): void;
  /** Sends a decision on the alarm in the drawer; true when the server accepted it. */
  decide(decision: Exclude<AlarmDecision, 'acknowledge'>, note: string): Promise<boolean>;
  close(): void;
  mute(muted: boolean): void;
}

export function startAlarms(store: AppStore, api: ApiClient, afterChange: () => void): AlarmService {
  const path = (id: string) => `/alarms/${encodeURIComponent(id)}`;
  const focus = (alarm: AlarmView) =>
    store.getState().uiEvent({ type: 'focus', id: `alarm:${alarm.id}`, lon: alarm.lon, lat: alarm.lat });

  const load = async (id: string) => {
    try {
      const { alarm, recent } = await api.get(path(id), AlarmDetailAnswer);
      store.getState().alertsEvent({ type: 'detailLoaded', alarm, recent });
      return alarm;
    } catch (error) {
      store.getState().alertsEvent({ type: 'detailFailed', id, error: messageOf(error) });
      return null;
    }
  };

  /** A 409 carries the alarm as it is now: show that one. */
  const current = (error: unknown): AlarmView | null => {
    if (!(error instanceof ApiError) || error.status !== 409) return null;
    const parsed = AlarmView.safeParse((error.details as { alarm?: unknown } | undefined)?.alarm);
    return parsed.success ? parsed.data : null;
  };

  store.subscribe((state, previous) => {
    if (state.session.user?.userId !== previous.session.user?.userId)
      store.getState().alertsEvent({ type: 'clear' });
    // An alarm clicked on the map opens its drawer.
    const pick = state.layers.selected;
    if (pick !== previous.layers.selected && pick?.kind === 'alarm') open(pick.id);
    // One drawer at a time: opening a case closes the alarm drawer.
    else if (state.detail.caseId && state.detail.caseId !== previous.detail.caseId && state.alerts.detail)
      store.getState().alertsEvent({ type: 'closeDetail' });
  });

  const open = (alarmId: string) => {
    const { alerts, alarms, alertsEvent } = store.getState();
    const known = alerts.pending.find((a) => a.id === alarmId) ?? alarms.items.find((a) => a.id === alarmId);
    alertsEvent({ type: 'openDetail', id: alarmId, alarm: known });
    store.getState().detailEvent({ type: 'close' });
    if (known) focus(known);
    void load(alarmId).then((alarm) => {
      if (alarm && !known) focus(alarm);
    });
  };

  return {
    async acknowledge(alarmId) {
      const { alertsEvent, alerts } = store.getState();
      const seen = alerts.pending.find((a) => a.id === alarmId);
      alertsEvent({ type: 'acknowledging', id: alarmId });
      try {
        const { alarm } = await api.post(
          `${path(alarmId)}/acknowledge`,
          seen ? { version: seen.version } : {},
          AlarmAnswer,
        );
        alertsEvent({ type: 'alarm', alarm });
        alertsEvent({ type: 'acknowledging', id: null });
        afterChange();
        open(alarm.id);
        return true;
      } catch (error) {
        const now = current(error);
        if (now) {
          // Someone else acknowledged or decided it first: it leaves the pop-up, its drawer shows why.
          alertsEvent({ type: 'alarm', alarm: now });
          alertsEvent({ type: 'acknowledging', id: null });
          open(now.id);
        } else alertsEvent({ type: 'acknowledging', id: null, error: messageOf(error) });
        return false;
      }
    },
    open,
    async decide(decision, note) {
      const detail = store.getState().alerts.detail;
      if (!detail?.alarm) return false;
      const { alertsEvent } = store.getState();
      alertsEvent({ type: 'decisionStarted', decision });
      const body = {
        version: detail.alarm.version,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(decision === 'false' ? {} : { as: decision }),
      };
      const action = decision === 'false' ? 'false' : 'confirm';
      try {
        const { alarm } = await api.post(`${path(detail.id)}/${action}`, body, AlarmAnswer);
        alertsEvent({ type: 'decisionDone', alarm });
        afterChange();
        return true;
      } catch (error) {
        alertsEvent({ type: 'decisionFailed', error: messageOf(error) });
        const now = current(error);
        if (now) alertsEvent({ type: 'alarm', alarm: now });
        return false;
      }
    },
    close() {
      store.getState().alertsEvent({ type: 'closeDetail' });
    },
    mute(muted) {
      store.getState().alertsEvent({ type: 'mute', muted });
    },
  };
}
