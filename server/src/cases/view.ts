// Maps Case rows to the wire shapes of contract/cases.ts and to the domain's CaseSnapshot.
import type { CaseSummary, ClockView } from '@contract/cases';
import type { CaseState, CategoryKind, Source, Urgency } from '@contract/domain';
import {
  clockStatus,
  fromClockRecord,
  type CaseOutcome,
  type CaseSnapshot,
  type ClockRecord,
} from '../domain';
import type { Reference } from '../db/reference';

export interface CaseRow {
  id: string;
  caseNumber: string;
  source: string;
  kind: string;
  categoryId: string;
  partId: string | null;
  lon: number;
  lat: number;
  gridCellId: string | null;
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
  address: string;
  description: string;
  photos: string;
  urgency: string;
  state: string;
  resumeState: string | null;
  outcome: string | null;
  departmentId: string | null;
  suggestedDepartmentId: string | null;
  routingReason: string;
  reporterId: string | null;
  externalRef: string | null;
  duplicateOfId: string | null;
  mergedIntoId: string | null;
  reworkCount: number;
  clockStep: string | null;
  stepStartedAt: Date | null;
  stepDeadline: Date | null;
  stepLimitMinutes: number | null;
  stepLimitUnit: string | null;
  suspendedAt: Date | null;
  pausedMinutes: number;
  escalations: string;
  nextEscalationAt: Date | null;
  resumeAt: Date | null;
  overallDeadline: Date | null;
  drill: boolean;
  version: number;
  reportedAt: Date;
  closedAt: Date | null;
  updatedAt: Date;
}

export function toSnapshot(row: CaseRow): CaseSnapshot {
  return {
    id: row.id,
    state: row.state as CaseState,
    source: row.source as Source,
    kind: row.kind as CategoryKind,
    categoryId: row.categoryId,
    urgency: row.urgency as Urgency,
    districtCode: row.districtCode,
    streetCode: row.streetCode,
    departmentId: row.departmentId,
    resumeState: row.resumeState as CaseState | null,
    outcome: row.outcome as CaseOutcome | null,
    reworkCount: row.reworkCount,
    reporterId: row.reporterId,
    mergedIntoId: row.mergedIntoId,
  };
}

/** The columns `toSummary` reads, as a Prisma `select`: a list of 10,000 summaries reads only these. */
export const SUMMARY_SELECT = {
  id: true,
  caseNumber: true,
  state: true,
  source: true,
  kind: true,
  categoryId: true,
  urgency: true,
  lon: true,
  lat: true,
  address: true,
  description: true,
  districtCode: true,
  streetCode: true,
  gridCellId: true,
  partId: true,
  departmentId: true,
  suggestedDepartmentId: true,
  routingReason: true,
  duplicateOfId: true,
  mergedIntoId: true,
  outcome: true,
  reworkCount: true,
  clockStep: true,
  stepStartedAt: true,
  stepDeadline: true,
  stepLimitMinutes: true,
  stepLimitUnit: true,
  suspendedAt: true,
  pausedMinutes: true,
  escalations: true,
  drill: true,
  version: true,
  reportedAt: true,
  updatedAt: true,
  closedAt: true,
} as const satisfies Partial<Record<keyof CaseRow, true>>;

/** What `toSummary` needs of a Case row. */
export type SummaryRow = Pick<CaseRow, keyof typeof SUMMARY_SELECT>;

type ClockColumns = Pick<CaseRow, keyof ClockRecord>;

export function clockRecordOf(row: ClockColumns): ClockRecord {
  return {
    clockStep: row.clockStep as ClockRecord['clockStep'],
    stepStartedAt: row.stepStartedAt,
    stepDeadline: row.stepDeadline,
    stepLimitMinutes: row.stepLimitMinutes,
    stepLimitUnit: row.stepLimitUnit as ClockRecord['stepLimitUnit'],
    suspendedAt: row.suspendedAt,
    pausedMinutes: row.pausedMinutes,
  };
}

export function clockView(row: ClockColumns, ref: Reference, now: Date): ClockView {
  const clock = fromClockRecord(clockRecordOf(row));
  if (!clock) return { step: null, state: 'none', deadline: null, usedRatio: null };
  const status = clockStatus(clock, now, ref.calendar, ref.escalation);
  return {
    step: clock.step,
    state: status.paused ? 'paused' : status.state,
    deadline: status.deadline ? status.deadline.toISOString() : null,
    usedRatio: Math.round(status.usedRatio * 1000) / 1000,
  };
}

export function toSummary(row: SummaryRow, ref: Reference, now: Date): CaseSummary {
  const category = ref.categories.get(row.categoryId);
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    state: row.state as CaseState,
    source: row.source as Source,
    kind: row.kind as CategoryKind,
    categoryId: row.categoryId,
    categoryName: category?.name ?? row.categoryId,
    urgency: row.urgency as Urgency,
    lon: row.lon,
    lat: row.lat,
    address: row.address,
    description: row.description,
    districtCode: row.districtCode,
    streetCode: row.streetCode,
    gridCellId: row.gridCellId,
    partId: row.partId,
    departmentId: row.departmentId,
    suggestedDepartmentId: row.suggestedDepartmentId,
    routingReason: row.routingReason,
    duplicateOfId: row.duplicateOfId,
    mergedIntoId: row.mergedIntoId,
    outcome: row.outcome,
    reworkCount: row.reworkCount,
    clock: clockView(row, ref, now),
    escalations: JSON.parse(row.escalations) as string[],
    drill: row.drill,
    version: row.version,
    reportedAt: row.reportedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
  };
}
