// The alarm drawer: what the device measured against its threshold, its recent readings, who
// acknowledged it, the cameras within 300 m, and the verification: confirm as a case, escalate to an
// emergency incident, or mark a false alarm. A confirmed alarm links to its case.
import { useState } from 'react';
import type { AlarmView } from '@contract/alarms';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { localizedText } from '../../i18n/serverText';
import { wallClock } from '../../i18n/time';
import { useT } from '../../i18n/useT';
import { ALARM_DECIDERS, decisionsFor, type AlarmDecision } from '../../state/alerts';
import type { Lang } from '../../state/ui';
import { Fact } from '../detail/CaseFacts';
import { NearbyCameras } from '../video/NearbyCameras';
import { alarmCount, alarmReading, alarmStatusKey, alertLevelKey, sensorTypeKey } from './alarmText';
import { ReadingChart } from './ReadingChart';

const at = (iso: string | null, lang: Lang) => {
  if (!iso) return '—';
  const c = wallClock(Date.parse(iso), lang);
  return `${c.date} ${c.time}`;
};

export function AlarmDrawer() {
  const t = useT();
  const { alarms } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const panelOpen = useAppStore((s) => s.ui.panel !== null);
  const uiEvent = useAppStore((s) => s.uiEvent);
  const detail = useAppStore(useShallow((s) => s.alerts.detail));
  if (!detail) return null;
  const alarm = detail.alarm;

  return (
    <aside
      className={panelOpen ? 'drawer alarm-drawer' : 'drawer drawer-alone alarm-drawer'}
      aria-label={t('alarm.drawer')}
      data-map-cover
      data-alarm-id={detail.id}
      data-alarm-status={alarm?.status ?? ''}
      data-level={alarm?.level ?? ''}
    >
      <div className="drawer-head">
        <h2 className="drawer-title">{alarm ? alarm.sensorName : t('alarm.drawer')}</h2>
        {alarm && (
          <span className="state-badge state-badge-lg" data-alarm-status={alarm.status}>
            {t(alarmStatusKey(alarm.status))}
          </span>
        )}
        {alarm && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() =>
              uiEvent({ type: 'focus', id: `alarm:${alarm.id}`, lon: alarm.lon, lat: alarm.lat })
            }
          >
            {t('alarm.flyTo')}
          </button>
        )}
        <button type="button" className="panel-close" onClick={alarms.close} aria-label={t('alarm.close')}>
          ×
        </button>
      </div>
      <div className="drawer-body">
        {detail.status === 'loading' && !alarm && <p className="queue-empty">{t('alarm.loading')}</p>}
        {detail.status === 'error' && (
          <p className="queue-error" role="alert">
            {t('alarm.failed', { reason: localizedText(detail.error ?? '', lang) })}
          </p>
        )}
        {alarm && (
          <>
            <AlarmFacts alarm={alarm} lang={lang} />
            <section className="facts-block" aria-label={t('alarm.recent')}>
              <h3 className="section-title">{t('alarm.recent')}</h3>
              {detail.recent.length > 1 ? (
                <ReadingChart
                  readings={detail.recent}
                  threshold={alarm.threshold}
                  label={t('alarm.recent')}
                />
              ) : (
                <p className="queue-empty">{t('alarm.noRecent')}</p>
              )}
            </section>
            <AlarmVerify key={`${alarm.id}:${alarm.version}`} alarm={alarm} />
            <NearbyCameras lon={alarm.lon} lat={alarm.lat} radius={300} />
          </>
        )}
      </div>
    </aside>
  );
}

function AlarmFacts({ alarm, lang }: { alarm: AlarmView; lang: Lang }) {
  const t = useT();
  return (
    <section className="facts-block">
      <dl className="facts facts-grid">
        <Fact label={t('detail.urgency')}>
          <span className="alarm-level" data-level={alarm.level}>
            {t(alertLevelKey(alarm.level))}
          </span>
        </Fact>
        <Fact label={t('alarm.sensor')}>{t(sensorTypeKey(alarm.sensorType))}</Fact>
        <Fact label={t('alarm.reading')}>{alarmReading(alarm, t)}</Fact>
        <Fact label={t('alarm.peak')}>
          {alarm.peak !== null ? `${alarm.peak}${alarm.unit} · ${alarmCount(alarm, t)}` : '—'}
        </Fact>
        <Fact label={t('alarm.firstSeen')}>{at(alarm.firstSeenAt, lang)}</Fact>
        <Fact label={t('alarm.lastSeen')}>{at(alarm.lastSeenAt, lang)}</Fact>
        <Fact label={t('alarm.acknowledgedAt')}>{at(alarm.acknowledgedAt, lang)}</Fact>
        <Fact label={t('alarm.decidedAt')}>{at(alarm.decidedAt, lang)}</Fact>
        <Fact label={t('detail.coords')}>{`${alarm.lon.toFixed(6)}, ${alarm.lat.toFixed(6)}`}</Fact>
        <Fact label={t('detail.grid')}>{alarm.gridCellId ?? '—'}</Fact>
        <Fact label={t('alarm.sensor')} wide>
          {alarm.sensorId}
        </Fact>
        {alarm.note && (
          <Fact label={t('alarm.note')} wide>
            {alarm.note}
          </Fact>
        )}
      </dl>
    </section>
  );
}

const DECISION_KEYS = {
  acknowledge: 'alarm.decide.acknowledge',
  case: 'alarm.decide.case',
  incident: 'alarm.decide.incident',
  false: 'alarm.decide.false',
} as const;

function AlarmVerify({ alarm }: { alarm: AlarmView }) {
  const t = useT();
  const { alarms, detail: cases } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const role = useAppStore((s) => s.session.user?.role);
  const state = useAppStore(
    useShallow((s) => ({ pending: s.alerts.detail?.pending, error: s.alerts.detail?.error })),
  );
  const [note, setNote] = useState('');
  const decides = role !== undefined && ALARM_DECIDERS.has(role);
  const decisions = decides ? decisionsFor(alarm) : [];

  const run = (decision: AlarmDecision) => {
    if (decision === 'acknowledge') void alarms.acknowledge(alarm.id);
    else void alarms.decide(decision, note);
  };

  return (
    <section className="facts-block alarm-verify" aria-label={t('alarm.verify')}>
      {alarm.caseId && (
        <p className="notice" role="status">
          {t('alarm.linkedCase')}{' '}
          <button type="button" className="btn btn-small" onClick={() => cases.open(alarm.caseId ?? '')}>
            {t('alarm.openCase')}
          </button>
        </p>
      )}
      {alarm.incidentId && (
        <p className="notice" role="status">
          {t('alarm.linkedIncident')}
        </p>
      )}
      {decisions.length > 0 && (
        <>
          <h3 className="section-title">{t('alarm.verify')}</h3>
          <label className="field">
            <span>{t('alarm.note')}</span>
            <textarea
              rows={2}
              value={note}
              maxLength={2000}
              placeholder={t('alarm.notePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
          <div className="actions">
            {decisions.map((decision) => (
              <button
                key={decision}
                type="button"
                className={
                  decision === 'false'
                    ? 'btn btn-neutral'
                    : decision === 'incident'
                      ? 'btn btn-danger'
                      : 'btn btn-primary'
                }
                disabled={!!state.pending}
                data-decision={decision}
                onClick={() => run(decision)}
              >
                {t(DECISION_KEYS[decision])}
              </button>
            ))}
          </div>
        </>
      )}
      {state.error && (
        <p className="queue-error" role="alert">
          {t('alarm.decideFailed', { reason: localizedText(state.error, lang) })}
        </p>
      )}
    </section>
  );
}
