// The lossless live stream (contract/stream-client.ts) feeding the store: every case event updates the
// open queue and drawer at once, every alarm change updates the alarm pop-up and drawer, and asks the queue service to refresh its counts from the server.
import { CaseSummary } from '@contract/cases';
import { AlarmPayload } from '@contract/stream';
import { createStreamClient, type StreamClient } from '@contract/stream-client';
import { ALARM_DECIDERS } from '../state/alerts';
import type { AppStore } from '../state/store';
import type { LiveSocket } from './socket';

const REFRESHING_TOPICS: ReadonlySet<string> = new Set(['case', 'alarm', 'incident']);

export interface StreamService {
  /** Starts again from a snapshot (after the user changed: what they may see changed too). */
  restart(): void;
  /** Called with the topic of every applied event ('*' after a snapshot): map layers reload on it. */
  onTopic(listener: (topic: string) => void): () => void;
  stop(): void;
}

export function startStream(store: AppStore, socket: LiveSocket, onChange: () => void): StreamService {
  let client: StreamClient | null = null;
  const { connectionEvent } = store.getState();
  const listeners = new Set<(topic: string) => void>();
  const tell = (topic: string) => {
    for (const listener of listeners) listener(topic);
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
        onChange();
        tell('*');
      },
      onEvent: (event) => {
        if (event.topic === 'alarm' && decides()) {
          const parsed = AlarmPayload.safeParse(event.payload);
          if (parsed.success) store.getState().alertsEvent({ type: 'alarm', alarm: parsed.data.alarm });
        }
        if (event.topic === 'case') {
          const parsed = CaseSummary.safeParse((event.payload as { case?: unknown } | null)?.case);
          if (parsed.success) {
            store.getState().queueEvent({ type: 'caseChanged', summary: parsed.data });
            store.getState().detailEvent({ type: 'caseChanged', summary: parsed.data });
          }
        }
        // Camera statuses and detections do not change what the workspaces count.
        if (REFRESHING_TOPICS.has(event.topic)) onChange();
        tell(event.topic);
      },
      onPosition: (seq) => connectionEvent({ type: 'seqApplied', seq }),
      onResumed: () => connectionEvent({ type: 'streaming', on: true }),
      onError: () => connectionEvent({ type: 'streaming', on: false }),
    });

  client = create();
  return {
    restart() {
      client?.stop();
      connectionEvent({ type: 'streaming', on: false });
      client = create();
    },
    onTopic(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop() {
      client?.stop();
      client = null;
    },
  };
}
