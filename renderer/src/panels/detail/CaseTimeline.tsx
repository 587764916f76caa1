// The case's history, oldest first: time, actor and role, the command, from → to state, note and
// attachments. Every step of the loop is one entry (the history is append-only on the server).
import type { CaseDetail, CaseEventView } from '@contract/cases';
import { useAppStore } from '../../app/StoreContext';
import { commandLabelOf, roleLabel, stateLabelOf } from '../../i18n/labels';
import { localizedText } from '../../i18n/serverText';
import { wallClock } from '../../i18n/time';
import { useT } from '../../i18n/useT';
import type { Lang } from '../../state/ui';
import { Attachment } from '../common/Attachment';

export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  return (
    <section className="timeline-block">
      <h3 className="section-title">{t('detail.timeline')}</h3>
      <ol className="timeline" aria-label={t('detail.timeline')}>
        {detail.events.map((event) => (
          <TimelineEntry key={event.id} event={event} lang={lang} />
        ))}
      </ol>
    </section>
  );
}

function TimelineEntry({ event, lang }: { event: CaseEventView; lang: Lang }) {
  const t = useT();
  const at = wallClock(Date.parse(event.at), lang);
  const moved = event.fromState !== null && event.fromState !== event.toState;
  return (
    <li className="event" data-command={event.command} data-to-state={event.toState}>
      <div className="event-head">
        <span className="event-command">{commandLabelOf(event.command, lang, event.role)}</span>
        <time className="event-time" dateTime={event.at}>
          {at.date.slice(5)} {at.time}
        </time>
      </div>
      <div className="event-meta">
        <span className="event-actor">{localizedText(event.actorName ?? '', lang) || '—'}</span>
        <span className="event-role">{roleLabel(event.role, lang)}</span>
        <span className="event-states">
          {moved
            ? `${stateLabelOf(event.fromState, lang)} → ${stateLabelOf(event.toState, lang)}`
            : stateLabelOf(event.toState, lang)}
        </span>
      </div>
      {event.note && (
        // Only the server's own notes are bilingual; what people typed is shown as typed.
        <p className="event-note">{event.role === 'system' ? localizedText(event.note, lang) : event.note}</p>
      )}
      {event.attachments.length > 0 && (
        <div className="photos" aria-label={t('timeline.attachments')}>
          {event.attachments.map((url, i) => (
            <Attachment key={`${url}:${i}`} url={url} label={t('timeline.photo', { n: i + 1 })} />
          ))}
        </div>
      )}
    </li>
  );
}
