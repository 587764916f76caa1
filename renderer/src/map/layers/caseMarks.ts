// What the active-case layer draws, as plain data (no Cesium): one mark per active case, coloured by
// its step clock now (a deadline that passed turns red without a server event), sized by urgency, and
// grouped by workflow stage for the layer's toggles. Node tests check it without a GPU.
import type { CaseSummary } from '@contract/cases';
import { effectiveClock, type ClockShown } from '../../i18n/caseClock';
import { CASE_GROUPS, caseGroupOf, type CaseGroup } from '../../state/layers';

export interface CaseMark {
  id: string;
  lon: number;
  lat: number;
  clock: ClockShown;
  /** px: normal 6, urgent 8, critical 10 */
  size: number;
  group: CaseGroup;
  label: string;
}

const SIZE: Record<CaseSummary['urgency'], number> = { normal: 6, urgent: 8, critical: 10 };

export function caseMark(c: CaseSummary, now: number): CaseMark | null {
  const group = caseGroupOf(c.state);
  if (!group || !Number.isFinite(c.lon) || !Number.isFinite(c.lat)) return null;
  return {
    id: c.id,
    lon: c.lon,
    lat: c.lat,
    clock: effectiveClock(c.clock, now),
    size: SIZE[c.urgency],
    group,
    label: `${c.caseNumber} ${c.categoryName}`,
  };
}

/** Whether a mark must be redrawn (position, colour or size changed). */
export const sameMark = (a: CaseMark, b: CaseMark): boolean =>
  a.lon === b.lon && a.lat === b.lat && a.clock === b.clock && a.size === b.size && a.group === b.group;

export function countByGroup(marks: Iterable<CaseMark>): Record<CaseGroup, number> {
  const counts = Object.fromEntries(CASE_GROUPS.map((g) => [g, 0])) as Record<CaseGroup, number>;
  for (const m of marks) counts[m.group] += 1;
  return counts;
}
