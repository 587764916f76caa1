// Run cards (出动方案): what an incident needs by type × level. The defaults below are ours, after
// published municipal emergency plans; an administrator edits them (stored rows override these).
// A lower level number is more severe and needs more units.
import type { IncidentLevel, IncidentType, RunCard, RunCardNeed } from '@contract/incidents';
import { INCIDENT_LEVELS, INCIDENT_TYPES } from '@contract/incidents';

type Base = ReadonlyArray<Omit<RunCardNeed, 'count'> & { count: number }>;

/** Needs of a level Ⅳ (一般) incident; higher levels scale them up (levelFactor). */
const BASE: Readonly<Record<IncidentType, Base>> = {
  gas_leak: [
    { kind: 'repair', departmentId: 'gas', count: 1 },
    { kind: 'enforcement', departmentId: null, count: 1 },
    { kind: 'sanitation', departmentId: null, count: 1 },
  ],
  waterlogging: [
    { kind: 'repair', departmentId: 'drainage', count: 1 },
    { kind: 'enforcement', departmentId: null, count: 1 },
  ],
  road_collapse: [
    { kind: 'repair', departmentId: 'municipal', count: 1 },
    { kind: 'enforcement', departmentId: null, count: 1 },
  ],
  pipe_burst: [
    { kind: 'repair', departmentId: 'water', count: 1 },
    { kind: 'enforcement', departmentId: null, count: 1 },
  ],
  public_fire: [
    { kind: 'emergency', departmentId: 'fire', count: 2 },
    { kind: 'enforcement', departmentId: null, count: 1 },
  ],
  large_crowd: [
    { kind: 'enforcement', departmentId: null, count: 2 },
    { kind: 'inspector', departmentId: null, count: 1 },
  ],
  other: [
    { kind: 'emergency', departmentId: null, count: 1 },
    { kind: 'enforcement', departmentId: null, count: 1 },
  ],
};

/** Ⅰ ×3, Ⅱ ×2, Ⅲ: the first need doubled, Ⅳ as is (e.g. gas leak Ⅲ: 2 gas repair, 1 enforcement, 1 sanitation). */
function scaled(base: Base, level: IncidentLevel): RunCardNeed[] {
  return base.map((n, i) => ({
    ...n,
    count:
      level === 1 ? n.count * 3 : level === 2 ? n.count * 2 : level === 3 && i === 0 ? n.count * 2 : n.count,
  }));
}

export function defaultRunCards(): RunCard[] {
  return INCIDENT_TYPES.flatMap((type) =>
    INCIDENT_LEVELS.map((level) => ({ type, level, needs: scaled(BASE[type], level) })),
  );
}

/** The run card for type × level: an edited one if stored, else the default. */
export function runCardFor(
  type: IncidentType,
  level: IncidentLevel,
  edited: readonly RunCard[] = [],
): RunCard {
  const own = edited.find((c) => c.type === type && c.level === level);
  return own ?? { type, level, needs: scaled(BASE[type], level) };
}

/** Units still needed: the card's counts less the units already committed, per need. */
export function outstandingNeeds(
  card: RunCard,
  committed: ReadonlyArray<{ kind: string; departmentId: string | null }>,
): RunCardNeed[] {
  const pool = [...committed];
  const out: RunCardNeed[] = [];
  // specific needs (with a department) take their units first
  const ordered = [...card.needs].sort(
    (a, b) => Number(b.departmentId !== null) - Number(a.departmentId !== null),
  );
  for (const need of ordered) {
    let left = need.count;
    for (let i = pool.length - 1; i >= 0 && left > 0; i--) {
      const u = pool[i] as { kind: string; departmentId: string | null };
      if (u.kind === need.kind && (need.departmentId === null || need.departmentId === u.departmentId)) {
        pool.splice(i, 1);
        left--;
      }
    }
    if (left > 0) out.push({ ...need, count: left });
  }
  return out;
}
