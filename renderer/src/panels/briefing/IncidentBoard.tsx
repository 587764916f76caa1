// The leaders' view of emergency command: every active incident with its level, type, commander and
// elapsed time, and its units by status with the ETA of those en route. Pushed by the stream (the
// live picture carries incidents and their units, ADR 0022); only the commanders' names are loaded.
import { useEffect, useState } from 'react';
import { z } from 'zod';
import {
  INCIDENT_LEVEL_LABELS,
  INCIDENT_TYPE_INFO,
  IncidentType,
  UNIT_STATUS_LABELS,
} from '@contract/incidents';
import { emptyLiveState, type LiveState } from '@contract/live-state';
import { useWindowServices } from '../../app/ServicesContext';
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import { clockText } from '../../state/incidents';
import { useCoarseNow } from '../common/useNow';
import { useLoaded } from './data';
import { incidentRows } from './incidentRows';
import './board.css';

const Commanders = z.object({ commanders: z.array(z.object({ id: z.string(), displayName: z.string() })) });

export function IncidentBoard() {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const { stream } = useWindowServices();
  const [live, setLive] = useState<LiveState>(() => stream?.live() ?? emptyLiveState());
  useEffect(() => stream?.onLive(setLive), [stream]);
  const now = useCoarseNow(1000);
  const names = useLoaded('commanders', (get) => get('/commanders', Commanders));
  const nameOf = (id: string | null | undefined) =>
    id && names.status === 'ready' ? names.data.commanders.find((c) => c.id === id)?.displayName : undefined;
  const rows = incidentRows(live);
  const L = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);

  return (
    <section
      className="brief-board"
      aria-label={t('brief.board')}
      data-board={live.seq === null ? 'waiting' : 'live'}
      data-board-count={rows.length}
    >
      <h3>
        {t('brief.board')} <b>{rows.length}</b>
      </h3>
      {rows.length === 0 ? (
        <p className="brief-board-none">{t('brief.board.none')}</p>
      ) : (
        <ul>
          {rows.map(({ incident, level, counts, arriving, total }) => {
            const type = IncidentType.safeParse(incident.incidentType);
            const commander = nameOf(incident.commanderId);
            return (
              <li key={incident.id} data-incident-id={incident.id} data-level={level} data-units={total}>
                <div className="brief-board-head">
                  <span className="alarm-level" data-level={level}>
                    {INCIDENT_LEVEL_LABELS[level].roman} {L(INCIDENT_LEVEL_LABELS[level])}
                  </span>
                  <strong>{incident.title}</strong>
                  <span>{type.success ? L(INCIDENT_TYPE_INFO[type.data]) : ''}</span>
                </div>
                <div className="brief-board-meta">
                  <span>
                    {commander
                      ? t('brief.board.commander', { name: commander })
                      : t('brief.board.noCommander')}
                  </span>
                  <span>
                    {t('brief.board.elapsed', {
                      time: clockText((now - Date.parse(incident.startedAt)) / 1000),
                    })}
                  </span>
                  <span>{t('brief.board.units', { count: total })}</span>
                </div>
                {counts.length > 0 && (
                  <div className="brief-board-units">
                    {counts.map((c) => (
                      <span key={c.status} className="unit-chip" data-unit-status={c.status}>
                        {L(UNIT_STATUS_LABELS[c.status])} {c.count}
                      </span>
                    ))}
                  </div>
                )}
                {arriving.length > 0 && (
                  <ul
                    className="brief-board-eta"
                    aria-label={t('brief.board.units', { count: arriving.length })}
                  >
                    {arriving.slice(0, 3).map(({ unit, etaAtMs }) => (
                      <li key={unit.id} data-unit-id={unit.id}>
                        {etaAtMs > now
                          ? t('brief.board.eta', {
                              unit: unit.label,
                              time: clockText((etaAtMs - now) / 1000),
                            })
                          : t('brief.board.etaDue', { unit: unit.label })}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
