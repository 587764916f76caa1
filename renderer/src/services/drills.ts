// The trainer's client for drills (演练) on the live server: scenarios, start, scenario control, stop, the
// review and its CSV (downloaded with the session's token, saved through a blob link).
import { DrillInfoView, DrillScenario, type DrillReview } from '@contract/drills';
import { z } from 'zod';
import { ApiError, type ApiClient } from './api';
import type { ReplaySource } from './playbackSource';
import { replayPeriod } from '../state/drills';

const Drills = z.object({ drills: z.array(DrillInfoView) });
const Scenarios = z.object({ scenarios: z.array(z.unknown()) });
const ArchiveRange = z.object({ from: z.string().nullable(), to: z.string().nullable() });
const Review = z.custom<DrillReview>(
  (v) => typeof v === 'object' && v !== null && 'figures' in v && 'actions' in v,
  'not a drill review',
);

export type DrillControl = { action: 'pause' | 'resume' } | { action: 'speed'; speed: number };

export interface DrillClient {
  list(): Promise<DrillInfoView[]>;
  scenarios(): Promise<DrillScenario[]>;
  start(scenarioId: string | null): Promise<DrillInfoView>;
  control(id: string, control: DrillControl): Promise<DrillInfoView>;
  stop(id: string): Promise<DrillInfoView>;
  review(id: string): Promise<DrillReview>;
  /** the drill being replayed on this map wall (null: none, or a replay of live) */
  readonly replaying: Pick<ReplaySource, 'drillId' | 'subscribe'>;
  /** deletes an ended drill's database (the server answers 409 while it runs) */
  remove(id: string): Promise<DrillInfoView>;
  /**
   * Points playback at the drill's own archive and gives the period to replay: the drill's start to its
   * stop (or, interrupted or running, to the last archived moment).
   */
  replay(drill: { id: string; startedAt: string; stoppedAt: string | null }): Promise<{
    fromMs: number;
    toMs: number;
  }>;
  /** fetches the CSV and hands it to the browser as a download */
  downloadCsv(id: string): Promise<void>;
}

/** The desktop shell's bridge, when the page runs in it (electron/preload): only the call used here. */
interface ShellBridge {
  openDrillWindow?: (url: string) => Promise<{ opened: boolean }>;
}

/**
 * Opens a drill node for a trainee: in the desktop shell a window of its own (the shell checks the address
 * is a node of the app's host), in a browser a new tab. `url` was checked by state/drills.ts joinUrl.
 */
export function openDrill(url: string): void {
  const shell = (window as unknown as { cityOps?: ShellBridge }).cityOps;
  if (shell?.openDrillWindow) {
    shell.openDrillWindow(url).catch(() => window.open(url, '_blank', 'noopener'));
    return;
  }
  window.open(url, '_blank', 'noopener');
}

export function createDrillClient(
  api: ApiClient,
  origin: string,
  token: () => string | null,
  replaySource: ReplaySource,
): DrillClient {
  const at = (id: string) => `/drills/${encodeURIComponent(id)}`;
  return {
    replaying: replaySource,
    list: async () => (await api.get('/drills', Drills)).drills,
    // scenarios are checked one by one so a script the renderer does not understand is skipped, not fatal
    scenarios: async () =>
      (await api.get('/drills/scenarios', Scenarios)).scenarios.flatMap((s) => {
        const parsed = DrillScenario.safeParse(s);
        return parsed.success ? [parsed.data] : [];
      }),
    start: (scenarioId) => api.post('/drills', { scenarioId }, DrillInfoView),
    control: (id, control) => api.post(`${at(id)}/scenario`, control, DrillInfoView),
    stop: (id) => api.post(`${at(id)}/stop`, undefined, DrillInfoView),
    review: (id) => api.get(`${at(id)}/review`, Review),
    remove: (id) => api.delete(at(id), DrillInfoView),
    async replay(drill) {
      const range = await api.get(`${at(drill.id)}/playback/range`, ArchiveRange);
      replaySource.useDrill(drill.id);
      return replayPeriod(drill, range, Date.now());
    },
    async downloadCsv(id) {
      const res = await fetch(`${origin}/api${at(id)}/review.csv`, {
        headers: { authorization: `Bearer ${token() ?? ''}` },
      });
      if (!res.ok) throw new ApiError(res.status, 'csv', `CSV: HTTP ${res.status}`);
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `演练复盘-${id}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
