// The dispatch units a playback moment shows (ADR 0022 units in the cursor's state at T): each unit
// committed to an incident still open at T, at its incident's site (a unit's own GPS is not linked to it),
// stacked under the site in a stable order, with its status at T. Pure: the incident layer draws it.
import { UNIT_STATUS_LABELS, type UnitStatus } from '@contract/incidents';
import type { LiveState } from '@contract/live-state';

export interface PlaybackUnitMark {
  id: string;
  incidentId: string;
  label: string;
  status: string;
  /** the status in both languages (the raw status when unknown) */
  statusText: { zh: string; en: string };
  lon: number;
  lat: number;
  /** place in its incident's stack (0 nearest the site) */
  row: number;
}

export function playbackUnits(state: Pick<LiveState, 'units' | 'incidents'>): PlaybackUnitMark[] {
  const marks: PlaybackUnitMark[] = [];
  const rows = new Map<string, number>();
  const units = [...state.units.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const u of units) {
    const incident = u.incidentId ? state.incidents.get(u.incidentId) : undefined;
    if (!incident) continue;
    const row = rows.get(incident.id) ?? 0;
    rows.set(incident.id, row + 1);
    marks.push({
      id: u.id,
      incidentId: incident.id,
      label: u.label,
      status: u.status,
      statusText: UNIT_STATUS_LABELS[u.status as UnitStatus] ?? { zh: u.status, en: u.status },
      lon: incident.lon,
      lat: incident.lat,
      row,
    });
  }
  return marks;
}

/** Changes whenever what `playbackUnits` shows changes (the layer redraws only then). */
export const playbackUnitsKey = (marks: readonly PlaybackUnitMark[]): string =>
  marks.map((m) => `${m.id}:${m.incidentId}:${m.status}`).join('|');
