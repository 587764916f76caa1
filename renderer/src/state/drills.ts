// Pure helpers of the drill screens (演练): times as the trainer reads them, and which drill address a
// trainee may be sent to. No React, no network.

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
