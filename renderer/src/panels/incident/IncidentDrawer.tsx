// The incident drawer (emergency command): level, state and elapsed time; the unit roster with status
// chips, time in status and an ETA countdown; recommended units with ETA and reasons, assignable one
// by one or all at once; the timeline; response-time segments against our targets; close with a summary.
import { useState } from 'react';
import { useStore } from 'zustand';
import {
  INCIDENT_LEVEL_LABELS,
  INCIDENT_STATE_LABELS,
  INCIDENT_TYPE_INFO,
  SEGMENT_KEYS,
  UNIT_STATUS_LABELS,
} from '@contract/incidents';
import { useAppStore } from '../../app/StoreContext';
import { localizedText } from '../../i18n/serverText';
import { wallClock } from '../../i18n/time';
import { incidentCommand } from '../../services/incidents';
import { againstTarget, clockText, etaLeft, incidentStore } from '../../state/incidents';
import { useCoarseNow } from '../common/useNow';
import { NearbyCameras } from '../video/NearbyCameras';
import { commandText, gapText, kindText, pickText, segmentText, w } from './text';

const ago = (iso: string, now: number) => (now - Date.parse(iso)) / 1000;

export function IncidentDrawer() {
  const s = useStore(incidentStore);
  const lang = useAppStore((st) => st.ui.lang);
  const panelOpen = useAppStore((st) => st.ui.panel !== null);
  const uiEvent = useAppStore((st) => st.uiEvent);
  const now = useCoarseNow(1000);
  const [summary, setSummary] = useState('');
  const service = incidentCommand();
  if (!s.openId || !service) return null;
  const v = s.view;
  const L = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  const picks = s.recommendation?.picks.flatMap((p) => p.units) ?? [];
  const allowed = new Set(v?.allowedCommands ?? []);

  return (
    <aside
      className={panelOpen ? 'drawer incident-drawer' : 'drawer drawer-alone incident-drawer'}
      aria-label={w(lang, 'drawer')}
      data-map-cover
      data-incident-id={s.openId}
      data-incident-state={v?.state ?? ''}
      data-level={v?.level ?? ''}
    >
      <div className="drawer-head">
        <h2 className="drawer-title">{v ? v.title : w(lang, 'drawer')}</h2>
        {v && (
          <span className="state-badge state-badge-lg" data-incident-state={v.state}>
            {L(INCIDENT_STATE_LABELS[v.state])}
          </span>
        )}
        {v && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => uiEvent({ type: 'focus', id: `incident:${v.id}`, lon: v.lon, lat: v.lat })}
          >
            {w(lang, 'flyTo')}
          </button>
        )}
        <button
          type="button"
          className="panel-close"
          aria-label={w(lang, 'close')}
          onClick={() => service.close()}
        >
          ×
        </button>
      </div>
      {v && (
        <div className="drawer-body incident-body">
          <p className="incident-facts">
            <span className="alarm-level" data-level={v.level}>
              {INCIDENT_LEVEL_LABELS[v.level].roman} {L(INCIDENT_LEVEL_LABELS[v.level])}
            </span>
            <span>{L(INCIDENT_TYPE_INFO[v.incidentType])}</span>
            <span>
              {w(lang, 'elapsed')} {clockText(ago(v.startedAt, v.closedAt ? Date.parse(v.closedAt) : now))}
            </span>
          </p>
          {s.error && (
            <p className="form-error" role="alert">
              {localizedText(s.error, lang)}
            </p>
          )}

          <h3 className="section-title">
            {w(lang, 'roster')} <span className="tab-count">{v.units.length}</span>
          </h3>
          {v.units.length === 0 ? (
            <p className="queue-empty">{w(lang, 'noUnits')}</p>
          ) : (
            <ul className="incident-roster" aria-label={w(lang, 'roster')}>
              {v.units.map((u) => (
                <li key={u.id} data-unit-id={u.id} data-unit-status={u.status}>
                  <span className="unit-chip" data-unit-status={u.status}>
                    {L(UNIT_STATUS_LABELS[u.status])}
                  </span>
                  <span className="unit-label">{u.label}</span>
                  <span className="unit-meta">
                    {w(lang, 'inStatus')} {clockText(ago(u.statusSince, now))}
                  </span>
                  {u.etaS !== null && (
                    <span className="unit-eta">
                      {w(lang, 'eta')} {clockText(etaLeft(u.etaS, s.loadedAt, now))}
                    </span>
                  )}
                  {allowed.has('release') &&
                    (u.status === 'dispatched' || u.status === 'en_route' || u.status === 'on_scene') && (
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={s.busy}
                        onClick={() => void service.send({ command: 'release', unitId: u.id })}
                      >
                        {w(lang, 'release')}
                      </button>
                    )}
                </li>
              ))}
            </ul>
          )}

          {allowed.has('assign') && (
            <>
              <h3 className="section-title">
                {w(lang, 'recommended')}
                {picks.length > 1 && (
                  <button
                    type="button"
                    className="btn btn-small btn-primary"
                    disabled={s.busy}
                    onClick={() =>
                      void service.send({ command: 'assign', unitIds: picks.map((p) => p.unitId) })
                    }
                  >
                    {w(lang, 'assignAll')}
                  </button>
                )}
              </h3>
              {picks.length === 0 && <p className="queue-empty">{w(lang, 'nothingNeeded')}</p>}
              <ul className="incident-recs" aria-label={w(lang, 'recommended')}>
                {picks.map((p) => (
                  <li key={p.unitId} data-rec-unit={p.unitId} data-eta={p.etaS}>
                    <span className="unit-kind">{kindText(lang, p.kind)}</span>
                    <span className="unit-label">{s.recommendation?.labels[p.unitId] ?? p.unitId}</span>
                    <span className="unit-eta">
                      {w(lang, 'eta')} {clockText(p.etaS)} · {(p.roadM / 1000).toFixed(1)} km
                    </span>
                    <span className="unit-why">{p.reasons.map((r) => pickText(lang, r)).join(' · ')}</span>
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={s.busy}
                      onClick={() => void service.send({ command: 'assign', unitIds: [p.unitId] })}
                    >
                      {w(lang, 'assign')}
                    </button>
                  </li>
                ))}
              </ul>
              {(s.recommendation?.gaps.length ?? 0) > 0 && (
                <ul className="incident-gaps" aria-label={w(lang, 'gaps')}>
                  {s.recommendation?.gaps.map((g, i) => (
                    <li key={i}>
                      {kindText(lang, g.need.kind)} ×{g.missing}:{' '}
                      {g.reasons.map((r) => gapText(lang, r)).join(' · ')}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}

          <h3 className="section-title">{w(lang, 'segments')}</h3>
          <dl className="incident-segments" data-segments>
            {SEGMENT_KEYS.map((k) => (
              <div key={k} data-segment={k} data-against={againstTarget(v.segments[k], v.targets[k])}>
                <dt>{segmentText(lang, k)}</dt>
                <dd>
                  {clockText(v.segments[k])}{' '}
                  <small>
                    {w(lang, 'target')} {clockText(v.targets[k])}
                  </small>
                </dd>
              </div>
            ))}
          </dl>

          {(allowed.has('close') || allowed.has('control')) && (
            <div className="incident-close">
              {allowed.has('control') && (
                <button
                  type="button"
                  className="btn"
                  disabled={s.busy}
                  onClick={() => void service.send({ command: 'control', version: v.version })}
                >
                  {w(lang, 'control')}
                </button>
              )}
              <textarea
                aria-label={w(lang, 'summary')}
                placeholder={w(lang, 'summary')}
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
              />
              <button
                type="button"
                className="btn btn-primary"
                disabled={s.busy || !summary.trim() || !allowed.has('close')}
                onClick={() =>
                  void service
                    .send({ command: 'close', version: v.version, summary })
                    .then((ok) => ok && setSummary(''))
                }
              >
                {w(lang, 'closeIncident')}
              </button>
            </div>
          )}

          {/* cameras within 300 m, sent to the video wall in one action (周边视频 → 全部播放) */}
          <NearbyCameras lon={v.lon} lat={v.lat} radius={300} />

          <h3 className="section-title">{w(lang, 'timeline')}</h3>
          <ol
            className="incident-timeline"
            aria-label={w(lang, 'timeline')}
            data-timeline-count={s.timeline.length}
          >
            {s.timeline.map((e) => (
              <li key={e.id} data-command={e.command}>
                <time dateTime={e.at}>{wallClock(Date.parse(e.at), lang).time}</time>{' '}
                <b>{commandText(lang, e.command)}</b>
                {e.unitId && <span> {e.unitLabel ?? e.unitId}</span>}
                {e.unitStatus && (
                  <span>
                    {' '}
                    →{' '}
                    {L(
                      UNIT_STATUS_LABELS[e.unitStatus as keyof typeof UNIT_STATUS_LABELS] ?? {
                        zh: e.unitStatus,
                        en: e.unitStatus,
                      },
                    )}
                  </span>
                )}
                <span className="timeline-who">
                  {' '}
                  · {e.actorName ?? (e.role === 'system' ? w(lang, 'system') : e.role)}
                </span>
                {e.note && <span className="timeline-note"> {e.note}</span>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </aside>
  );
}
