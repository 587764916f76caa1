// The lossless live stream (contract/stream-client.ts) feeding the store: every case event updates the
// open queue and drawer at once, every alarm change updates the alarm pop-up and drawer, and asks the queue service to refresh its counts from the server.
import {
  applyCheckedEvents,
  applySnapshot,
  checkEvent,
  emptyLiveState,
  type CheckedEvent,
  type LiveState,
} from '@contract/live-state';
import type { AlarmPayload, CasePayload } from '@contract/stream';
import { createStreamClient, type StreamClient, type StreamSocket } from '@contract/stream-client';
import { createTimers } from '../app/timers';
import { ALARM_DECIDERS } from '../state/alerts';
import type { AppStore } from '../state/store';

/** Events are folded into the live picture in batches: one copy of the maps per batch, not per event. */
const LIVE_FLUSH_MS = 100;

const REFRESHING_TOPICS: ReadonlySet<string> = new Set(['case', 'alarm', 'incident']);

export interface StreamService {
  /** Starts again from a snapshot (after the user changed: what they may see changed too). */
  restart(): void;
  /** Called with the topic of every applied event ('*' after a snapshot): map layers reload on it. */
  onTopic(listener: (topic: string) => void): () => void;
  /** Every active case, alarm and incident this user may see (the map's case layer draws it). */
  live(): LiveState;
  /** Called with the new picture at most every LIVE_FLUSH_MS while events arrive. */
  onLive(listener: (state: LiveState) => void): () => void;
  stop(): void;
}

export function startStream(store: AppStore, socket: StreamSocket, onChange: () => void): StreamService {
  let client: StreamClient | null = null;
  const { connectionEvent } = store.getState();
  const listeners = new Set<(topic: string) => void>();
  const tell = (topic: string) => {
    for (const listener of listeners) listener(topic);
  };
  let live: LiveState = emptyLiveState();
  let pending: CheckedEvent[] = [];
  const liveListeners = new Set<(state: LiveState) => void>();
  const publish = () => {
    for (const listener of liveListeners) listener(live);
  };
  /**
   * After a snapshot the server replays what happened since it was taken (a kept snapshot can be up to
   * 30 s old, live/snapshot.ts) and then answers the resume. Until that answer the picture is not
   * current: nobody is shown it (a counter would read the old figure for a moment).
   */
  let catchingUp = false;
  const flush = () => {
    live = applyCheckedEvents(live, pending);
    pending = [];
    publish();
  };
  /** The events of the next LIVE_FLUSH_MS shown at once (app/timers.ts; stop() drops a pending one). */
  const flushSoon = createTimers().debounceFirst(LIVE_FLUSH_MS, flush);
  const schedule = () => {
    if (!catchingUp) flushSoon.request();
  };
  /** Ends the catch-up: the snapshot with every event held since, shown whole at once. */
  const showCaughtUp = () => {
    catchingUp = false;
    flushSoon.cancel();
    flush();
    tell('*');
  };
  /** Only the roles that decide alarms get the pop-up. */
  const decides = () => {
    const role = store.getState().session.user?.role;
    return role !== undefined && ALARM_DECIDERS.has(role);
  };

  const create = () =>
    createStreamClient(socket, {
      onSnapshot: (snapshot) => {
        if (decides()) store.getState().alertsEvent({ type: 'snapshot', alarms: snapshot.alarms });
        flushSoon.cancel();
        pending = [];
        live = applySnapshot(live, snapshot);
        catchingUp = true;
      },
      onEvent: (event) => {
        // The payload is checked here, once; the batch fold then takes it as checked.
        const checked = checkEvent(event);
        pending.push(checked);
        schedule();
        // A checked payload's shape follows from its type's prefix (contract/stream.ts EVENT_PAYLOADS).
        const typed = checked.typed;
        if (typed?.type.startsWith('alarm.') && decides())
          store.getState().alertsEvent({ type: 'alarm', alarm: (typed.payload as AlarmPayload).alarm });
        if (typed?.type.startsWith('case.')) {
          const summary = (typed.payload as CasePayload).case;
          store.getState().queueEvent({ type: 'caseChanged', summary });
          store.getState().detailEvent({ type: 'caseChanged', summary });
        }
        // Camera statuses and detections do not change what the workspaces count.
        if (REFRESHING_TOPICS.has(event.topic)) onChange();
        tell(event.topic);
      },
      onPosition: (seq) => connectionEvent({ type: 'seqApplied', seq }),
      onResumed: () => {
        if (catchingUp) {
          // The snapshot and its replay are in: the picture is current.
          showCaughtUp();
          onChange();
        }
        connectionEvent({ type: 'streaming', on: true });
      },
      onError: () => {
        // A resume that failed after its snapshot: show what there is rather than nothing.
        if (catchingUp) showCaughtUp();
        connectionEvent({ type: 'streaming', on: false });
      },
    });

  client = create();
  return {
    restart() {
      client?.stop();
      // Another user may see other cases: start again from their snapshot.
      flushSoon.cancel();
      pending = [];
      catchingUp = false;
      live = emptyLiveState();
      publish();
      connectionEvent({ type: 'streaming', on: false });
      client = create();
    },
    live: () => live,
    onLive(listener) {
      liveListeners.add(listener);
      return () => void liveListeners.delete(listener);
    },
    onTopic(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop() {
      client?.stop();
      client = null;
      flushSoon.cancel();
    },
  };
}
