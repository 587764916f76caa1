// The duty overview (值班概况) and shift hand-over (交接班) on the wire, and the shift rule both sides
// use: two 12-hour shifts a day in Beijing time, 08:00–20:00 (day) and 20:00–08:00 (night).
import { z } from 'zod';

const BEIJING_MS = 8 * 3_600_000;
const HOUR = 3_600_000;
export const SHIFT_HOURS = 12;
/** Beijing hour at which the day shift starts (the night shift starts 12 hours later). */
export const DAY_SHIFT_START_H = 8;

export interface ShiftBounds {
  start: Date;
  end: Date;
  kind: 'day' | 'night';
}

/** The shift that `at` falls in. */
export function shiftOf(at: Date): ShiftBounds {
  const local = at.getTime() + BEIJING_MS;
  const dayStart = Math.floor(local / (24 * HOUR)) * 24 * HOUR;
  const hour = (local - dayStart) / HOUR;
  let startLocal: number;
  let kind: ShiftBounds['kind'];
  if (hour >= DAY_SHIFT_START_H && hour < DAY_SHIFT_START_H + SHIFT_HOURS) {
    startLocal = dayStart + DAY_SHIFT_START_H * HOUR;
    kind = 'day';
  } else {
    startLocal =
      hour >= DAY_SHIFT_START_H + SHIFT_HOURS
        ? dayStart + (DAY_SHIFT_START_H + SHIFT_HOURS) * HOUR
        : dayStart - (24 - DAY_SHIFT_START_H - SHIFT_HOURS) * HOUR;
    kind = 'night';
  }
  const start = new Date(startLocal - BEIJING_MS);
  return { start, end: new Date(start.getTime() + SHIFT_HOURS * HOUR), kind };
}

export const ShiftCounts = z.object({
  received: z.number().int(),
  opened: z.number().int(),
  dispatched: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int(),
  alarms: z.number().int(),
  incidents: z.number().int(),
});
export type ShiftCounts = z.infer<typeof ShiftCounts>;

export const OpenItem = z.object({
  kind: z.enum(['case', 'alarm', 'incident']),
  id: z.string(),
  /** case number, sensor name or incident title */
  label: z.string(),
  /** the same in English codes (kept for hand-overs written before the fields below) */
  detail: z.string(),
  at: z.string(),
  /** a case's state; an alarm's status (each the renderer words from contract labels) */
  state: z.string().optional(),
  /** an alarm's level, an incident's level (severity 1–4) */
  level: z.number().int().optional(),
  /** a case's address */
  address: z.string().optional(),
});
export type OpenItem = z.infer<typeof OpenItem>;

export const DutySummary = z.object({
  shiftStart: z.string(),
  shiftEnd: z.string(),
  shiftKind: z.enum(['day', 'night']),
  counts: ShiftCounts,
  /** what the next shift takes over: overdue cases, open alarms, active incidents (the first of each) */
  open: z.object({
    overdue: z.number().int(),
    alarms: z.number().int(),
    incidents: z.number().int(),
    items: z.array(OpenItem),
  }),
});
export type DutySummary = z.infer<typeof DutySummary>;

export const OnDuty = z.object({
  role: z.string(),
  users: z.array(z.object({ userId: z.string(), displayName: z.string(), since: z.string() })),
});
export type OnDuty = z.infer<typeof OnDuty>;

export const HandoverView = z.object({
  id: z.string(),
  shiftStart: z.string(),
  shiftEnd: z.string(),
  fromUserId: z.string(),
  fromName: z.string(),
  fromRole: z.string(),
  notes: z.string(),
  summary: DutySummary,
  toUserId: z.string().nullable(),
  toName: z.string().nullable(),
  toNote: z.string(),
  acceptedAt: z.string().nullable(),
  createdAt: z.string(),
  drill: z.boolean(),
});
export type HandoverView = z.infer<typeof HandoverView>;

/** GET /api/duty */
export const DutyView = DutySummary.extend({
  onDuty: z.array(OnDuty),
  handovers: z.array(HandoverView),
});
export type DutyView = z.infer<typeof DutyView>;

/** POST /api/handovers: the outgoing officer's notes (the figures are taken by the server) */
export const HandoverBody = z
  .object({
    notes: z.string().trim().min(1, 'notes are empty: say what the next shift takes over').max(4000),
  })
  .strict();
export type HandoverBody = z.infer<typeof HandoverBody>;

/** POST /api/handovers/:id/accept: the incoming officer signs, with an optional note */
export const HandoverAcceptBody = z.object({ note: z.string().trim().max(2000).optional() }).strict();
export type HandoverAcceptBody = z.infer<typeof HandoverAcceptBody>;

/** Roles that keep the duty (值班) and sign hand-overs. */
export const DUTY_ROLES = ['supervisor', 'dispatcher', 'commander'] as const;
