// Live headline figures pushed by the stream (never polled): open and overdue cases, active alarms and
// incidents from the live picture, today's reports by channel from the day's count at load plus the new
// cases the stream brings.
import { useEffect, useRef, useState } from 'react';
import { emptyLiveState, type LiveState } from '@contract/live-state';
import type { Source } from '@contract/domain';
import { SOURCE_LABELS } from '@contract/labels';
import { useWindowServices } from '../../app/ServicesContext';
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import { countersOf, emptyTally, localDay, tallyCreated, type TodayTally } from './counters';

export function LiveCounters({ todayBase }: { todayBase: Record<string, number> | null }) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const { stream } = useWindowServices();
  const [live, setLive] = useState<LiveState>(() => stream?.live() ?? emptyLiveState());
  const [tally, setTally] = useState<TodayTally>(() => emptyTally(localDay(new Date())));
  const known = useRef<Set<string> | null>(null);

  useEffect(() => stream?.onLive(setLive), [stream]);
  // The day's count at load: the cases in the live picture then are in it; later ones are counted as
  // the stream brings them. Both the count and the stream's first snapshot must be there to start.
  const baseSeen = useRef<Record<string, number> | null>(null);
  useEffect(() => {
    if (!todayBase || live.seq === null) return;
    if (baseSeen.current !== todayBase) {
      baseSeen.current = todayBase;
      known.current = new Set(live.cases.keys());
      setTally({ ...emptyTally(localDay(new Date())), base: todayBase });
      return;
    }
    const seen = known.current;
    if (!seen) return;
    setTally((current) => {
      let next = current;
      for (const c of live.cases.values()) {
        if (seen.has(c.id) || c.drill) continue;
        seen.add(c.id);
        next = tallyCreated(next, c.id, c.source, localDay(c.reportedAt));
      }
      return next;
    });
  }, [live, todayBase]);

  const c = countersOf(live, tally);
  const ready = live.seq !== null && todayBase !== null;
  const tiles: { key: string; label: string; value: number; tone?: string }[] = [
    { key: 'today', label: t('brief.today'), value: c.today },
    { key: 'open', label: t('brief.open'), value: c.open },
    { key: 'overdue', label: t('brief.overdue'), value: c.overdue, tone: c.overdue ? 'bad' : undefined },
    { key: 'alarms', label: t('brief.alarms'), value: c.alarms, tone: c.alarms ? 'warn' : undefined },
    {
      key: 'incidents',
      label: t('brief.incidents'),
      value: c.incidents,
      tone: c.incidents ? 'bad' : undefined,
    },
  ];
  const channels = Object.entries(c.todayBySource).sort((a, b) => b[1] - a[1]);
  return (
    <section
      className="brief-counters"
      aria-label={t('brief.counters')}
      data-counters={ready ? 'live' : 'waiting'}
    >
      {tiles.map((tile) => (
        <div
          key={tile.key}
          className={`brief-tile ${tile.tone ? `brief-tile-${tile.tone}` : ''}`}
          data-counter={tile.key}
        >
          <span className="brief-tile-label">{tile.label}</span>
          <strong className="brief-tile-value">{ready ? tile.value.toLocaleString() : '—'}</strong>
        </div>
      ))}
      <div className="brief-channels" data-counter="channels">
        {channels.map(([source, n]) => (
          <span key={source}>
            {SOURCE_LABELS[source as Source]?.[lang] ?? source} <b>{n}</b>
          </span>
        ))}
        <em className="brief-live-dot">{t('brief.live')}</em>
      </div>
    </section>
  );
}
