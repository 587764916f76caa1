// The incident drawer's state (emergency command, ADR 0013): which incident is open and what the server
// said about it (roster, recommendations, timeline, routes). A small store of its own, so the map layer
// and the drawer share it without touching the application store's slices. Pure helpers are tested in Node.
import type { ServerText } from '@contract/http';
import type { LiveState } from '@contract/live-state';
import { createStore } from 'zustand/vanilla';
import {
  UNIT_STATUSES,
  type IncidentCommandView,
  type Recommendation,
  type SegmentKey,
  type TimelineEntry,
  type UnitRoute,
  type UnitStatus,
} from '@contract/incidents';

export interface IncidentDrawerState {
  openId: string | null;
  view: IncidentCommandView | null;
  recommendation: (Recommendation & { labels: Record<string, string> }) | null;
  timeline: TimelineEntry[];
  routes: UnitRoute[];
  busy: boolean;
  /** the server's message of the last refused command */
  error: ServerText | null;
  /** when the last answer arrived (ms), for ETA countdowns */
  loadedAt: number;
}

export const EMPTY: IncidentDrawerState = {
  openId: null,
  view: null,
  recommendation: null,
  timeline: [],
  routes: [],
  busy: false,
  error: null,
  loadedAt: 0,
};

export const incidentStore = createStore<IncidentDrawerState>(() => EMPTY);

/** mm:ss, or h:mm:ss past an hour; '—' for null. */
export function clockText(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(r).padStart(2, '0')}`;
}

/** An ETA counted down from when it was computed. */
export function etaLeft(etaS: number | null, loadedAt: number, now: number): number | null {
  if (etaS === null) return null;
  return Math.max(0, etaS - (now - loadedAt) / 1000);
}

/** 'ok' within the target, 'over' past it, 'none' while not reached. */
export function againstTarget(value: number | null, target: number): 'ok' | 'over' | 'none' {
  if (value === null) return 'none';
  return value <= target ? 'ok' : 'over';
}

/** The segment of an incident still running, for the board's elapsed clock: response while no unit is on scene. */
export function runningSegment(view: Pick<IncidentCommandView, 'segments'>): SegmentKey | null {
  const s = view.segments;
  if (s.callProcessingS === null) return 'callProcessingS';
  if (s.responseS === null) return 'responseS';
  return null;
}

/** Ring radii around the site, metres (300 m cameras, 500 m cordon, 1,000 m warning). */
export const SITE_RINGS_M = [300, 500, 1000] as const;

/**
 * Did the live picture change anything of the open incident: the incident itself, or a unit that serves
 * it, served it a moment ago, or is on its roster? (Maps are copied per batch and unchanged entries keep
 * their identity, so a comparison by reference is enough.)
 */
export function liveTouches(
  prev: LiveState,
  next: LiveState,
  incidentId: string,
  roster: ReadonlySet<string>,
): boolean {
  if (prev.incidents.get(incidentId) !== next.incidents.get(incidentId)) return true;
  if (prev.units === next.units) return false;
  for (const [id, unit] of next.units)
    if (unit.incidentId === incidentId && prev.units.get(id) !== unit) return true;
  for (const [id, unit] of prev.units)
    if (unit.incidentId === incidentId && next.units.get(id) !== unit) return true;
  for (const id of roster) if (prev.units.get(id) !== next.units.get(id)) return true;
  return false;
}

/**
 * The roster with each unit's status as the live picture has it (newer versions only), so a chip
 * changes as the event arrives, before the drawer's own reload of what events do not carry.
 */
export function withLiveUnits(view: IncidentCommandView, live: LiveState): IncidentCommandView {
  let changed = false;
  const units = view.units.map((u) => {
    const next = live.units.get(u.id);
    if (!next || next.version <= u.version || !isUnitStatus(next.status)) return u;
    changed = true;
    return { ...u, status: next.status, statusSince: next.statusSince, version: next.version };
  });
  return changed ? { ...view, units } : view;
}

const isUnitStatus = (s: string): s is UnitStatus => (UNIT_STATUSES as readonly string[]).includes(s);
