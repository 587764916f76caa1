// What the point layer of the map should draw (the open queue's cases coloured by clock, or the
// commander's alarms and incidents coloured by level), as plain data, and the difference between two
// such descriptions. The queue layer (map/layers/queueLayer.ts) applies the difference; tests
// check it here without a GPU.
import type { AlarmView } from '@contract/alarms';
import type { CaseSummary } from '@contract/cases';
import type { IncidentView } from '@contract/city';

export type PointColour = CaseSummary['clock']['state'] | 'level1' | 'level2' | 'level3' | 'level4';

export interface CasePoint {
  /** a case id, or "alarm:<id>" / "incident:<id>" */
  id: string;
  lon: number;
  lat: number;
  colour: PointColour;
  selected: boolean;
  /** what identifies it (a case number and category, a sensor's name) for the tooltip */
  label?: string;
  /** alarms and incidents: the level (1 the most severe) */
  level?: number;
}

export function casePoints(items: readonly CaseSummary[], selectedId: string | null): CasePoint[] {
  return items
    .filter((c) => Number.isFinite(c.lon) && Number.isFinite(c.lat))
    .map((c) => ({
      id: c.id,
      lon: c.lon,
      lat: c.lat,
      colour: c.clock.state,
      selected: c.id === selectedId,
      label: `${c.caseNumber} ${c.categoryName}`,
    }));
}

const levelColour = (level: number): PointColour =>
  level <= 1 ? 'level1' : level === 2 ? 'level2' : level === 3 ? 'level3' : 'level4';

export function alarmPoints(
  alarms: readonly AlarmView[],
  incidents: readonly IncidentView[],
  selectedId: string | null,
): CasePoint[] {
  const point = (id: string, lon: number, lat: number, level: number, label: string): CasePoint => ({
    id,
    lon,
    lat,
    colour: levelColour(level),
    selected: id === selectedId,
    label,
    level,
  });
  return [
    ...incidents.map((i) => point(`incident:${i.id}`, i.lon, i.lat, i.severity, '')),
    ...alarms.map((a) => point(`alarm:${a.id}`, a.lon, a.lat, a.level, a.sensorName)),
  ].filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat));
}

export interface PointDiff {
  add: CasePoint[];
  update: CasePoint[];
  remove: string[];
}

function samePoint(a: CasePoint, b: CasePoint): boolean {
  return a.lon === b.lon && a.lat === b.lat && a.colour === b.colour && a.selected === b.selected;
}

export function diffPoints(shown: ReadonlyMap<string, CasePoint>, next: readonly CasePoint[]): PointDiff {
  const diff: PointDiff = { add: [], update: [], remove: [] };
  const seen = new Set<string>();
  for (const point of next) {
    seen.add(point.id);
    const current = shown.get(point.id);
    if (!current) diff.add.push(point);
    else if (!samePoint(current, point)) diff.update.push(point);
  }
  for (const id of shown.keys()) if (!seen.has(id)) diff.remove.push(id);
  return diff;
}

export function isEmptyDiff(diff: PointDiff): boolean {
  return diff.add.length === 0 && diff.update.length === 0 && diff.remove.length === 0;
}
