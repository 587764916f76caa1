// 值班概况 / Duty overview: this shift (day 08:00–20:00, night 20:00–08:00), who is on duty by role, the
// shift's figures, what the next shift takes over, and the hand-over (交接班): the outgoing officer writes
// it with the figures of the moment, another duty officer signs it. The administrator also sees the
// technical health of the link and the server (SystemHealth).
import type { DutyView, HandoverView } from '@contract/duty';
import { DUTY_ROLES } from '@contract/duty';
import { useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../app/StoreContext';
import { useServices } from '../app/ServicesContext';
import { createTimers } from '../app/timers';
import { roleLabel } from '../i18n/labels';
import type { MessageKey } from '../i18n/messages';
import { localizedText } from '../i18n/serverText';
import { formatTime } from '../i18n/time';
import { useT } from '../i18n/useT';
import { openItemDetail } from './dutyItems';
import { SystemHealth } from './SystemHealth';

const COUNT_KEYS: Array<[keyof DutyView['counts'], MessageKey]> = [
  ['received', 'duty.count.received'],
  ['opened', 'duty.count.opened'],
  ['dispatched', 'duty.count.dispatched'],
  ['closed', 'duty.count.closed'],
  ['overdue', 'duty.count.overdue'],
  ['alarms', 'duty.count.alarms'],
  ['incidents', 'duty.count.incidents'],
];

const REFRESH_MS = 15_000;

export function DutyOverview() {
  const t = useT();
  const { duty } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const user = useAppStore((s) => s.session.user);
  const [view, setView] = useState<DutyView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    duty.load().then(
      (next) => {
        setView(next);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [duty]);
  useEffect(() => {
    reload();
    const timers = createTimers();
    timers.every(REFRESH_MS, reload);
    return () => timers.dispose();
  }, [reload]);

  const keepsDuty = !!user && (DUTY_ROLES as readonly string[]).includes(user.role);
  return (
    <div className="duty" data-duty-status={view ? 'ready' : error ? 'error' : 'loading'}>
      {error && (
        <p className="queue-error" role="alert">
          {t('duty.failed', { reason: localizedText(error, lang) })}
        </p>
      )}
      {view && (
        <>
          <section className="duty-block" aria-label={t('duty.shift')}>
            <h3 className="section-title">
              {t(view.shiftKind === 'day' ? 'duty.shift.day' : 'duty.shift.night', {
                from: formatTime(Date.parse(view.shiftStart)).slice(0, 5),
                to: formatTime(Date.parse(view.shiftEnd)).slice(0, 5),
              })}
            </h3>
            <dl className="duty-counts">
              {COUNT_KEYS.map(([key, label]) => (
                <div key={key} className="duty-count" data-count={key}>
                  <dt>{t(label)}</dt>
                  <dd className={key === 'overdue' && view.counts.overdue > 0 ? 'duty-bad' : undefined}>
                    {view.counts[key]}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="duty-block" aria-label={t('duty.onDuty')}>
            <h3 className="section-title">{t('duty.onDuty')}</h3>
            {view.onDuty.length === 0 && <p className="muted">{t('duty.nobody')}</p>}
            <ul className="duty-people">
              {view.onDuty.map((r) => (
                <li key={r.role}>
                  <span className="duty-role">{roleLabel(r.role, lang)}</span>
                  <span className="duty-names">
                    {r.users
                      .slice(0, 6)
                      .map((u) => u.displayName)
                      .join('、')}
                    {r.users.length > 6 && t('duty.andMore', { count: r.users.length - 6 })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section className="duty-block" aria-label={t('duty.open')}>
            <h3 className="section-title">{t('duty.open')}</h3>
            <p className="duty-open-line">
              {t('duty.openLine', {
                overdue: view.open.overdue,
                alarms: view.open.alarms,
                incidents: view.open.incidents,
              })}
            </p>
            <ul className="duty-items">
              {view.open.items.map((item) => (
                <li key={`${item.kind}:${item.id}`} data-kind={item.kind}>
                  <span className="duty-item-kind">{t(`duty.kind.${item.kind}`)}</span>
                  <span className="duty-item-label">{item.label}</span>
                  <span className="duty-item-detail">{openItemDetail(item, lang, t)}</span>
                </li>
              ))}
            </ul>
          </section>
          <Handovers
            handovers={view.handovers}
            keepsDuty={keepsDuty}
            userId={user?.userId ?? ''}
            onChange={reload}
          />
        </>
      )}
      {user?.role === 'admin' && (
        <section className="duty-block" aria-label={t('duty.health')}>
          <h3 className="section-title">{t('duty.health')}</h3>
          <SystemHealth />
        </section>
      )}
    </div>
  );
}

function Handovers({
  handovers,
  keepsDuty,
  userId,
  onChange,
}: {
  handovers: HandoverView[];
  keepsDuty: boolean;
  userId: string;
  onChange(): void;
}) {
  const t = useT();
  const { duty } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChange();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="duty-block" aria-label={t('duty.handover')}>
      <h3 className="section-title">{t('duty.handover')}</h3>
      {keepsDuty && (
        <form
          className="duty-handover-form"
          aria-label={t('duty.handOver')}
          onSubmit={(e) => {
            e.preventDefault();
            if (notes.trim()) void act(() => duty.handOver(notes.trim())).then((ok) => ok && setNotes(''));
          }}
        >
          <textarea
            className="input"
            aria-label={t('duty.notes')}
            placeholder={t('duty.notesHint')}
            value={notes}
            rows={3}
            maxLength={4000}
            onChange={(e) => setNotes(e.target.value)}
          />
          <button type="submit" className="btn btn-small btn-primary" disabled={busy || !notes.trim()}>
            {t('duty.handOver')}
          </button>
        </form>
      )}
      {error && (
        <p className="queue-error" role="alert">
          {localizedText(error, lang)}
        </p>
      )}
      {handovers.length === 0 && <p className="muted">{t('duty.noHandover')}</p>}
      <ul className="duty-handovers">
        {handovers.map((h) => (
          <li
            key={h.id}
            className="duty-handover"
            data-handover-id={h.id}
            data-signed={h.acceptedAt ? 'true' : 'false'}
          >
            <p className="duty-handover-head">
              {t('duty.from', {
                name: h.fromName,
                role: roleLabel(h.fromRole, lang),
                time: formatTime(Date.parse(h.createdAt)).slice(0, 5),
              })}
            </p>
            <p className="duty-handover-notes">{h.notes}</p>
            <p className="duty-handover-figures">
              {t('duty.figures', {
                received: h.summary.counts.received,
                closed: h.summary.counts.closed,
                overdue: h.summary.open.overdue,
              })}
            </p>
            {h.acceptedAt ? (
              <p className="duty-handover-signed">
                {t('duty.signed', {
                  name: h.toName ?? '',
                  time: formatTime(Date.parse(h.acceptedAt)).slice(0, 5),
                })}
                {h.toNote && ` · ${h.toNote}`}
              </p>
            ) : keepsDuty && h.fromUserId !== userId ? (
              <button
                type="button"
                className="btn btn-small btn-primary"
                disabled={busy}
                onClick={() => void act(() => duty.accept(h.id))}
              >
                {t('duty.sign')}
              </button>
            ) : (
              <p className="duty-handover-waiting">{t('duty.waiting')}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
