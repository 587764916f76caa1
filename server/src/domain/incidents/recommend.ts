// Unit recommendation (力量推荐), the way CAD systems do it: shortlist available units of each needed
// kind by straight line, then rank the shortlist by road ETA from ONE Dijkstra search that starts at
// the site and runs over the reversed road graph until every shortlisted unit's node is settled (or
// the time limit passes). Every pick and every gap says why.
import type {
  GapReason,
  PickReason,
  Recommendation,
  RecommendationGap,
  RecommendedUnit,
  RunCardNeed,
} from '@contract/incidents';
import { distanceMeters, type LonLat } from '../geo';
import type { RoadGraph, Searcher } from './graph';
import { ASSIGNABLE, fixAgeMs, isStale, type UnitSnapshot } from './units';

export interface RecommendOptions {
  /** units further than this by road are a gap, minutes (default 30) */
  limitMin?: number;
  /** shortlist size per need = count × factor + extra (defaults 3 and 3) */
  shortlistFactor?: number;
  shortlistExtra?: number;
  /** speed from a unit's position to its nearest road node and from the site's node to the site, km/h */
  accessKmh?: number;
  /** inspectors walk: road metres at this speed, km/h */
  walkKmh?: number;
  /** the benchmark's baseline: one forward search per shortlisted unit instead of one reverse search */
  naive?: boolean;
  /**
   * Door-to-door ETAs from an external routing engine (ROUTING_URL, OSRM /table) for the shortlisted
   * units (shortlistUnits): used instead of the in-process search; a unit missing here is unreachable.
   */
  external?: ReadonlyMap<string, { etaS: number; roadM: number }>;
}

export interface RecommendInput {
  graph: RoadGraph;
  searcher: Searcher;
  site: { lon: number; lat: number; districtCode: string | null };
  needs: readonly RunCardNeed[];
  units: readonly UnitSnapshot[];
  now: Date;
  options?: RecommendOptions;
}

interface Candidate {
  unit: UnitSnapshot;
  straightM: number;
  node: number;
  accessM: number;
  stale: boolean;
  etaS: number;
  roadM: number;
}

const matches = (need: RunCardNeed, u: UnitSnapshot): boolean =>
  u.kind === need.kind && (need.departmentId === null || need.departmentId === u.departmentId);

/** Needs with a department first: they have fewer candidates and must not lose them to generic needs. */
function order(needs: readonly RunCardNeed[]): RunCardNeed[] {
  return [...needs].sort((a, b) => Number(b.departmentId !== null) - Number(a.departmentId !== null));
}

function shortlistFor(input: RecommendInput) {
  const { graph, site, units, now } = input;
  const o = input.options ?? {};
  const factor = o.shortlistFactor ?? 3;
  const extra = o.shortlistExtra ?? 3;
  const sitePt: LonLat = [site.lon, site.lat];
  const needs = order(input.needs);

  const available = units.filter((u) => ASSIGNABLE.includes(u.status) && u.status !== 'staging');
  const staging = units.filter((u) => u.status === 'staging');
  const pool = [...available, ...staging];

  // 1. shortlist per need by straight line; fresh fixes first, stale ones only to fill the shortlist
  const shortlist = new Map<string, Candidate>();
  const perNeed = new Map<RunCardNeed, Candidate[]>();
  const kindSeen = new Map<RunCardNeed, { any: number; stale: number }>();
  for (const need of needs) {
    const all = pool
      .filter((u) => matches(need, u))
      .map((u) => ({ u, straightM: distanceMeters([u.lon, u.lat], sitePt), stale: isStale(u, now) }));
    kindSeen.set(need, { any: all.length, stale: all.filter((c) => c.stale).length });
    const size = need.count * factor + extra;
    const fresh = all.filter((c) => !c.stale).sort((a, b) => a.straightM - b.straightM);
    const stale = all.filter((c) => c.stale).sort((a, b) => a.straightM - b.straightM);
    const chosen = fresh.slice(0, size);
    if (chosen.length < need.count) chosen.push(...stale.slice(0, need.count - chosen.length + extra));
    const list: Candidate[] = [];
    for (const c of chosen) {
      let cand = shortlist.get(c.u.id);
      if (!cand) {
        const near = graph.index.nearest(c.u.lon, c.u.lat);
        cand = {
          unit: c.u,
          straightM: c.straightM,
          node: near.node,
          accessM: near.metres,
          stale: c.stale,
          etaS: Infinity,
          roadM: Infinity,
        };
        shortlist.set(c.u.id, cand);
      }
      list.push(cand);
    }
    perNeed.set(need, list);
  }
  return { shortlist, perNeed, kindSeen, needs };
}

/** The units the recommendation will rank (for an external routing engine's /table request). */
export function shortlistUnits(input: RecommendInput): UnitSnapshot[] {
  return [...shortlistFor(input).shortlist.values()].map((c) => c.unit);
}

export function recommendUnits(input: RecommendInput): Recommendation {
  const { graph, searcher, site, now } = input;
  const o = input.options ?? {};
  const limitS = (o.limitMin ?? 30) * 60;
  const accessMs = (o.accessKmh ?? 15) / 3.6;
  const walkMs = (o.walkKmh ?? 5) / 3.6;
  const { shortlist, perNeed, kindSeen, needs } = shortlistFor(input);

  // 2. one search from the site over the reversed graph, until every shortlisted node is settled
  const siteNear = graph.index.nearest(site.lon, site.lat);
  const siteAccessS = siteNear.metres / accessMs;
  const targets = [...shortlist.values()].map((c) => c.node);
  // stop early once every need has enough settled candidates (a unit serves one need, so a need
  // waits for the counts of all needs of its kind) and no unit's access time could still reorder them
  const byNode = new Map<number, Candidate[]>();
  for (const c of shortlist.values()) byNode.set(c.node, [...(byNode.get(c.node) ?? []), c]);
  const goal = new Map<RunCardNeed, { want: number; have: number; all: boolean }>();
  let maxAccessS = 0;
  for (const c of shortlist.values()) maxAccessS = Math.max(maxAccessS, c.accessM / accessMs);
  for (const need of needs) {
    const list = perNeed.get(need) ?? [];
    const sameKind = needs.filter((n) => n.kind === need.kind).reduce((s, n) => s + n.count, 0);
    const fresh = list.filter((c) => !c.stale).length;
    const all = need.kind === 'inspector' || fresh < sameKind;
    goal.set(need, { want: all ? list.length : sameKind, have: 0, all });
  }
  let short = [...goal.values()].filter((v) => v.have < v.want).length;
  const onTarget = (node: number, seconds: number): number | void => {
    for (const c of byNode.get(node) ?? []) {
      for (const need of needs) {
        const gl = goal.get(need) as { want: number; have: number; all: boolean };
        if (!matches(need, c.unit) || (c.stale && !gl.all) || gl.have >= gl.want) continue;
        if (++gl.have === gl.want) short--;
      }
    }
    if (short === 0) return seconds + maxAccessS + 1;
  };
  const result =
    o.naive || o.external
      ? { settled: 0, exhausted: false }
      : searcher.search(siteNear.node, targets, limitS, true, onTarget);
  let settled = result.settled;
  for (const c of shortlist.values()) {
    let roadS: number;
    let roadM: number;
    if (o.external) {
      const e = o.external.get(c.unit.id);
      if (!e) continue;
      c.etaS = e.etaS;
      c.roadM = e.roadM;
      continue;
    } else if ('seconds' in result) {
      roadS = result.seconds(c.node);
      roadM = result.metres(c.node);
    } else {
      const one = searcher.search(c.node, [siteNear.node], limitS, false);
      roadS = one.seconds(siteNear.node);
      roadM = one.metres(siteNear.node);
      settled += one.settled;
    }
    if (!Number.isFinite(roadS)) continue;
    c.roadM = roadM + c.accessM + siteNear.metres;
    c.etaS = c.unit.kind === 'inspector' ? c.roadM / walkMs : roadS + c.accessM / accessMs + siteAccessS;
  }

  // 3. per need, the lowest ETAs among units not taken by an earlier need
  const taken = new Set<string>();
  const picks: Recommendation['picks'] = [];
  const gaps: RecommendationGap[] = [];
  for (const need of needs) {
    const ranked = (perNeed.get(need) ?? [])
      .filter((c) => !taken.has(c.unit.id) && c.etaS <= limitS)
      .sort((a, b) => Number(a.stale) - Number(b.stale) || a.etaS - b.etaS);
    const chosen = ranked.slice(0, need.count);
    const out: RecommendedUnit[] = chosen.map((c) => {
      taken.add(c.unit.id);
      const reasons: PickReason[] = ['closest_eta', 'kind_match'];
      if (need.departmentId) reasons.push('department_match');
      if (site.districtCode && c.unit.districtCode === site.districtCode) reasons.push('in_district');
      if (c.stale) reasons.push('fix_stale');
      const age = fixAgeMs(c.unit, now);
      return {
        unitId: c.unit.id,
        kind: c.unit.kind,
        departmentId: c.unit.departmentId,
        etaS: Math.round(c.etaS),
        roadM: Math.round(c.roadM),
        straightM: Math.round(c.straightM),
        fixAgeS: age === null ? null : Math.round(age / 1000),
        reasons,
      };
    });
    picks.push({ need, units: out });
    const seen = kindSeen.get(need) ?? { any: 0, stale: 0 };
    const missing = need.count - out.length;
    const reasons: GapReason[] = [];
    if (missing > 0) {
      if (seen.any === 0) reasons.push('none_available');
      else {
        const reachable = !result.exhausted || (perNeed.get(need) ?? []).some((c) => Number.isFinite(c.etaS));
        reasons.push(reachable ? 'none_within_limit' : 'unreachable');
        if (seen.stale > 0 && seen.stale === seen.any) reasons.push('fixes_stale');
      }
    } else if (chosen.some((c) => c.stale)) reasons.push('fixes_stale');
    if (reasons.length) gaps.push({ need, missing: Math.max(0, missing), reasons, limitMin: limitS / 60 });
  }
  return { picks, gaps, settled };
}

/** The naive way, for the benchmark's baseline: one point-to-point search per shortlisted unit. */
export function naiveEtas(
  graph: RoadGraph,
  searcher: Searcher,
  site: { lon: number; lat: number },
  unitNodes: readonly number[],
  limitS: number,
): number[] {
  const siteNode = graph.index.nearest(site.lon, site.lat).node;
  return unitNodes.map((node) => searcher.search(node, [siteNode], limitS, false).seconds(siteNode));
}
