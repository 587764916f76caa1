// Response-time segments as NFPA 1710 defines them: call processing (received → first dispatch),
// turnout (dispatched → en route), travel (en route → on scene) and response (dispatched → on scene),
// taken for the first unit on scene. Per incident and as 90th percentiles by type and district,
// compared with our own configurable targets.
import type { ResponseSegments, SegmentKey } from '@contract/incidents';
import { SEGMENT_KEYS } from '@contract/incidents';

/** What segments need from an incident's timeline (unit status events with their times). */
export interface SegmentInput {
  receivedAt: Date;
  unitEvents: ReadonlyArray<{
    unitId: string;
    status: 'dispatched' | 'en_route' | 'on_scene' | string;
    at: Date;
  }>;
}

const secs = (a: Date | undefined, b: Date | undefined): number | null =>
  a && b ? Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000)) : null;

export function responseSegments(input: SegmentInput): ResponseSegments {
  const events = [...input.unitEvents].sort((a, b) => a.at.getTime() - b.at.getTime());
  const firstDispatch = events.find((e) => e.status === 'dispatched');
  const firstOnScene = events.find((e) => e.status === 'on_scene');
  let turnoutS: number | null = null;
  let travelS: number | null = null;
  if (firstOnScene) {
    // the first unit on scene: its own dispatch and departure
    const own = events.filter((e) => e.unitId === firstOnScene.unitId && e.at <= firstOnScene.at);
    const dispatched = [...own].reverse().find((e) => e.status === 'dispatched');
    const enRoute = [...own].reverse().find((e) => e.status === 'en_route');
    turnoutS = secs(dispatched?.at, enRoute?.at);
    travelS = secs(enRoute?.at, firstOnScene.at);
  } else {
    const enRoute = events.find((e) => e.status === 'en_route');
    const dispatched =
      enRoute && events.find((e) => e.unitId === enRoute.unitId && e.status === 'dispatched');
    turnoutS = secs(dispatched?.at, enRoute?.at);
  }
  return {
    callProcessingS: secs(input.receivedAt, firstDispatch?.at),
    turnoutS,
    travelS,
    responseS: secs(firstDispatch?.at, firstOnScene?.at),
  };
}

/** The p-th percentile by the nearest-rank method (p in 0..100); null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export interface SegmentGroup {
  type: string;
  districtCode: string | null;
  incidents: number;
  p90: Record<SegmentKey, number | null>;
  /** share of incidents within the target, 0..1 (null when none has the segment) */
  withinTarget: Record<SegmentKey, number | null>;
}

/** 90th percentiles by type × district, with the share within each target. */
export function segmentFigures(
  rows: ReadonlyArray<{ type: string; districtCode: string | null; segments: ResponseSegments }>,
  targets: Readonly<Record<SegmentKey, number>>,
): SegmentGroup[] {
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.type}|${r.districtCode ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((list) => {
    const first = list[0] as (typeof rows)[number];
    const p90 = {} as Record<SegmentKey, number | null>;
    const withinTarget = {} as Record<SegmentKey, number | null>;
    for (const k of SEGMENT_KEYS) {
      const values = list.map((r) => r.segments[k]).filter((v): v is number => v !== null);
      p90[k] = percentile(values, 90);
      withinTarget[k] = values.length ? values.filter((v) => v <= targets[k]).length / values.length : null;
    }
    return { type: first.type, districtCode: first.districtCode, incidents: list.length, p90, withinTarget };
  });
}
