// Pure helpers of the drill screens (演练): times as the trainer reads them, and which drill address a
// trainee may be sent to. No React, no network.
import { INCIDENT_STATE_LABELS, UNIT_STATUS_LABELS } from '@contract/incidents';
import { COMMAND_LABELS, STATE_LABELS } from '@contract/labels';

/** Scenario or response seconds as m:ss (h:mm:ss past an hour); null as a dash. */
export function clockText(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The address a trainee is sent to: the drill node's URL as the server gave it, only when it parses as
 * http(s) (never javascript:, file: …). Null otherwise. Checked by parsing, never by substring. A node
 * listening on every interface (0.0.0.0, ::) is reached through the host this page came from.
 */
export function joinUrl(url: string, pageHostname = ''): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  if ((parsed.hostname === '0.0.0.0' || parsed.hostname === '[::]') && pageHostname)
    parsed.hostname = pageHostname;
  return parsed.origin + '/';
}

/** The port of a drill node's address (shown next to it), or '' when it has none. */
export function portOf(url: string): string {
  try {
    const u = new URL(url);
    return u.port || (u.protocol === 'https:' ? '443' : '80');
  } catch {
    return '';
  }
}

/** The document title on a drill node: marked 演练 first, whatever the page sets after. */
export function drillTitle(title: string): string {
  return title.startsWith('【演练】') ? title : `【演练】${title}`;
}

type Label = { zh: string; en: string };
const ALARM_COMMANDS: Readonly<Record<string, Label>> = {
  acknowledge: { zh: '确认收到', en: 'Acknowledge' },
  confirm: { zh: '确认告警', en: 'Confirm' },
  false: { zh: '误报', en: 'False alarm' },
};
const INCIDENT_COMMANDS: Readonly<Record<string, Label>> = {
  create: { zh: '接报', en: 'Report' },
  assign: { zh: '调派', en: 'Assign' },
  release: { zh: '撤回', en: 'Release' },
  unitStatus: { zh: '单元状态', en: 'Unit status' },
  note: { zh: '记录', en: 'Note' },
  setLevel: { zh: '调整等级', en: 'Change level' },
  handOver: { zh: '移交指挥', en: 'Hand over' },
  link: { zh: '关联', en: 'Link' },
  control: { zh: '已控制', en: 'Under control' },
  close: { zh: '结束', en: 'Close' },
  cancel: { zh: '撤销', en: 'Cancel' },
};

/** A review action's command and resulting state in words (cases, alarms, incidents, units). */
export function actionWords(
  a: {
    kind: 'case' | 'alarm' | 'incident';
    command: string;
    toState: string | null;
    unitStatus: string | null;
  },
  lang: 'zh' | 'en',
): { command: string; state: string } {
  const pick = (table: Readonly<Record<string, Label>>, key: string | null) =>
    key === null ? '' : (table[key]?.[lang] ?? key);
  if (a.kind === 'case')
    return {
      command: pick(COMMAND_LABELS as Record<string, Label>, a.command),
      state: pick(STATE_LABELS as Record<string, Label>, a.toState),
    };
  if (a.kind === 'alarm') return { command: pick(ALARM_COMMANDS, a.command), state: '' };
  return {
    command: pick(INCIDENT_COMMANDS, a.command),
    state: a.unitStatus
      ? pick(UNIT_STATUS_LABELS as Record<string, Label>, a.unitStatus)
      : pick(INCIDENT_STATE_LABELS as Record<string, Label>, a.toState),
  };
}

/** The period a drill's replay shows: its start to its stop, else to its archive's end (at least a minute). */
export function replayPeriod(
  drill: { startedAt: string; stoppedAt: string | null },
  archive: { from: string | null; to: string | null },
  nowMs: number,
): { fromMs: number; toMs: number } {
  const fromMs = Date.parse(drill.startedAt);
  const end = drill.stoppedAt ?? archive.to;
  const toMs = end ? Date.parse(end) : nowMs;
  return { fromMs, toMs: Math.max(toMs, fromMs + 60_000) };
}
