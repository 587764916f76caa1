// The demo city's staff (pure rules; staff-runner.ts sends them): supervisors accept, open, void or merge
// reports, dispatchers dispatch, departments accept and handle, supervisors check and close, each after
// a realistic delay, so the demo reaches a steady state that looks like a working day instead of a
// growing backlog. Delays are in simulated minutes (divided by the simulator's rate); the random draw
// is passed in, so a seed gives the same decisions.
import type { CaseState, Source } from '@contract/domain';

export type StaffRole = 'supervisor' | 'dispatcher' | 'handler';

export interface StaffCase {
  id: string;
  state: CaseState;
  source: Source;
  version: number;
  updatedAt: string;
  duplicateOfId: string | null;
  departmentId: string | null;
  suggestedDepartmentId: string | null;
}

export interface StaffAction {
  role: StaffRole;
  /** the department whose handler acts (role 'handler') */
  departmentId?: string;
  body: Record<string, unknown>;
}

/** Trusted channels open without a separate acceptance (domain/transitions.ts TRUSTED_SOURCES). */
const TRUSTED: readonly Source[] = ['inspector', 'sensor', 'leader', 'upper', 'transfer'];

/** Minutes a case waits in a state before the staff acts on it (at rate 1). */
export const STAFF_DELAY_MIN: Partial<Record<CaseState, number>> = {
  reported: 2,
  accepted: 1,
  opened: 2,
  returned: 3,
  dispatched: 4,
  reworked: 4,
  handling: 15,
  handled: 3,
  checking: 4,
};

/** Share of reports that are not valid problems (voided). */
export const VOID_SHARE = 0.06;
/** Share of closing checks that fail (rework). */
export const REWORK_SHARE = 0.05;

/** The states the staff works, in the order a case passes them. */
export const STAFF_STATES: readonly CaseState[] = Object.keys(STAFF_DELAY_MIN) as CaseState[];

/**
 * What the staff does with a case now, or null (not due yet, or nothing to do). `random` is a draw in
 * [0, 1) for this case and step; handling takes 15–45 minutes depending on it.
 */
export function staffAction(c: StaffCase, nowMs: number, rate: number, random: number): StaffAction | null {
  const delay = STAFF_DELAY_MIN[c.state];
  if (delay === undefined) return null;
  const waitMin = c.state === 'handling' ? delay * (1 + 2 * random) : delay;
  if (nowMs - Date.parse(c.updatedAt) < (waitMin * 60_000) / Math.max(rate, 0.01)) return null;
  const version = c.version;
  switch (c.state) {
    case 'reported':
      if (c.duplicateOfId && c.duplicateOfId !== c.id)
        return { role: 'supervisor', body: { command: 'merge', mergedIntoId: c.duplicateOfId, version } };
      if (random < VOID_SHARE)
        return { role: 'supervisor', body: { command: 'void', reason: '核实为无效上报（演示）', version } };
      return {
        role: 'supervisor',
        body: { command: TRUSTED.includes(c.source) ? 'open' : 'accept', version },
      };
    case 'accepted':
      return { role: 'supervisor', body: { command: 'open', version } };
    case 'opened':
      // The server dispatches to the suggested department when none is named.
      return { role: 'dispatcher', body: { command: 'dispatch', version } };
    case 'returned':
      return c.suggestedDepartmentId
        ? {
            role: 'dispatcher',
            body: { command: 'redispatch', departmentId: c.suggestedDepartmentId, version },
          }
        : null;
    case 'dispatched':
    case 'reworked':
      return c.departmentId
        ? { role: 'handler', departmentId: c.departmentId, body: { command: 'acceptTask', version } }
        : null;
    case 'handling':
      return c.departmentId
        ? {
            role: 'handler',
            departmentId: c.departmentId,
            body: { command: 'handle', note: '已到场处置完毕（演示）', version },
          }
        : null;
    case 'handled':
      return { role: 'supervisor', body: { command: 'check', version } };
    case 'checking':
      return random < REWORK_SHARE
        ? { role: 'supervisor', body: { command: 'rework', reason: '核查未通过，需返工（演示）', version } }
        : { role: 'supervisor', body: { command: 'approve', version } };
    default:
      return null;
  }
}

/** A stable draw in [0, 1) for a case and its version (the same case at the same step draws the same). */
export function drawFor(caseId: string, version: number, seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  const text = `${caseId}:${version}`;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return (h >>> 0) / 0x1_0000_0000;
}
