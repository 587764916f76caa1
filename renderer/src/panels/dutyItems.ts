// The duty overview's open items in words: a case's state from contract/labels.ts, an alarm's level and
// status, an incident's level; hand-overs written before the structured fields keep their own text.
import type { CaseState } from '@contract/domain';
import type { OpenItem } from '@contract/duty';
import { INCIDENT_LEVEL_LABELS, INCIDENT_LEVELS, type IncidentLevel } from '@contract/incidents';
import { STATE_LABELS } from '@contract/labels';
import type { Lang } from '../state/ui';
import type { MessageKey } from '../i18n/messages';

type T = (key: MessageKey) => string;

const isCaseState = (s: string | undefined): s is CaseState => !!s && s in STATE_LABELS;
const isLevel = (n: number | undefined): n is IncidentLevel =>
  (INCIDENT_LEVELS as readonly number[]).includes(n ?? 0);

export function openItemDetail(item: OpenItem, lang: Lang, t: T): string {
  switch (item.kind) {
    case 'case':
      if (!isCaseState(item.state)) return item.detail;
      return [STATE_LABELS[item.state][lang], item.address].filter(Boolean).join(' · ');
    case 'alarm': {
      if (!isLevel(item.level) || (item.state !== 'open' && item.state !== 'acknowledged'))
        return item.detail;
      return `${t(`alert.level.${item.level}`)} · ${t(`alarms.status.${item.state}`)}`;
    }
    case 'incident':
      if (!isLevel(item.level)) return item.detail;
      return `${INCIDENT_LEVEL_LABELS[item.level].roman} ${INCIDENT_LEVEL_LABELS[item.level][lang]}`;
  }
}
