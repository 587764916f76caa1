// The briefing's incident board, pure: the active incidents of the live picture (drills left out), most
// severe first then oldest, each with its units counted by status and the ETAs of those en route.
import type { IncidentView } from '@contract/city';
import { INCIDENT_LEVELS, UNIT_STATUSES, type IncidentLevel, type UnitStatus } from '@contract/incidents';
import type { LiveState } from '@contract/live-state';
import type { UnitLive } from '@contract/stream';

export interface IncidentRow {
  incident: IncidentView;
  level: IncidentLevel;
  /** units committed now, by status (statuses with none left out), in the order of UNIT_STATUSES */
  counts: Array<{ status: UnitStatus; count: number }>;
  /** units en route with an expected arrival, soonest first */
  arriving: Array<{ unit: UnitLive; etaAtMs: number }>;
  total: number;
}

const levelOf = (severity: number): IncidentLevel =>
  (INCIDENT_LEVELS as readonly number[]).includes(severity) ? (severity as IncidentLevel) : 4;

export function incidentRows(live: LiveState): IncidentRow[] {
  const byIncident = new Map<string, UnitLive[]>();
  for (const unit of live.units.values()) {
    if (!unit.incidentId) continue;
    const list = byIncident.get(unit.incidentId) ?? [];
    list.push(unit);
    byIncident.set(unit.incidentId, list);
  }
  const rows: IncidentRow[] = [];
  for (const incident of live.incidents.values()) {
    if (incident.drill || incident.status === 'closed') continue;
    const units = byIncident.get(incident.id) ?? [];
    const counts = UNIT_STATUSES.map((status) => ({
      status,
      count: units.filter((u) => u.status === status).length,
    })).filter((c) => c.count > 0);
    const arriving = units
      .filter((u) => u.status === 'en_route' && u.etaAt)
      .map((unit) => ({ unit, etaAtMs: Date.parse(unit.etaAt as string) }))
      .filter((a) => Number.isFinite(a.etaAtMs))
      .sort((a, b) => a.etaAtMs - b.etaAtMs);
    rows.push({ incident, level: levelOf(incident.severity), counts, arriving, total: units.length });
  }
  return rows.sort(
    (a, b) => a.level - b.level || Date.parse(a.incident.startedAt) - Date.parse(b.incident.startedAt),
  );
}
